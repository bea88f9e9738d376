/*
 * Charts for the supervision dashboard. The page already holds every number in its tables; this
 * script only draws them, from the same figures as JSON (data-source on <main>), with ECharts
 * from its webjar. Tooltips are drawn on the canvas ("richText"), so no inline HTML or style is
 * needed under the page's Content-Security-Policy. Which charts have anything to draw the page
 * decides: where one has not, it says "no data yet" and leaves no place for the chart.
 */
(function () {
  'use strict';

  var main = document.querySelector('main.dashboard');
  if (!main || typeof window.echarts === 'undefined' || typeof window.fetch !== 'function') {
    return;
  }

  var COLOURS = {
    cases: '#2b6cb0',
    overdue: '#a4161a',
    tasks: '#a4161a',
    median: '#2b6cb0',
    FAVOURABLE: '#2f855a',
    ADVERSE: '#a4161a',
    REQUEST: '#d69e2e',
    FURTHER_REVIEW: '#2b6cb0',
    OTHER: '#718096'
  };
  var STATUS_COLOURS = ['#2f855a', '#a4161a', '#718096', '#d69e2e', '#4a5568'];
  var charts = [];

  fetch(main.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('Dashboard figures: HTTP ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (problem) {
      // The tables still show every number; only the charts are missing.
      if (window.console) {
        window.console.warn(problem);
      }
    });

  function draw(data) {
    var labels = data.labels;

    var stages = data.casesPerStage;
    show('casesPerStage', function () {
      return horizontalBars(pluck(stages, 'label'), [
        { name: labels.cases, values: pluck(stages, 'cases'), colour: COLOURS.cases },
        { name: labels.overdueCases, values: pluck(stages, 'overdue'), colour: COLOURS.overdue }
      ]);
    });

    var statuses = data.casesPerFinalStatus.filter(function (row) { return row.cases > 0; });
    show('casesPerFinalStatus', function () {
      return {
        color: STATUS_COLOURS,
        tooltip: { trigger: 'item', renderMode: 'richText' },
        legend: { bottom: 0 },
        series: [{
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: statuses.map(function (row) { return { name: row.label, value: row.cases }; })
        }]
      };
    });

    var groups = data.overdueTasksPerGroup;
    show('overdueTasksPerGroup', function () {
      return horizontalBars(pluck(groups, 'label'), [
        { name: labels.overdueTasks, values: pluck(groups, 'tasks'), colour: COLOURS.tasks }
      ]);
    });

    var decisions = data.decisionsPerWeek;
    show('decisionsPerWeek', function () {
      return {
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 64 },
        xAxis: { type: 'category', data: pluck(decisions.weeks, 'week') },
        yAxis: { type: 'value', minInterval: 1 },
        series: decisions.kinds.map(function (kind) {
          return {
            type: 'bar',
            stack: 'decisions',
            barMaxWidth: 32,
            name: kind.label,
            color: COLOURS[kind.key] || COLOURS.OTHER,
            data: decisions.weeks.map(function (week) { return week.counts[kind.key]; })
          };
        })
      };
    });

    var medians = data.medianWorkingDaysPerStage;
    show('medianWorkingDaysPerStage', function () {
      return horizontalBars(pluck(medians, 'label'), [
        { name: labels.medianWorkingDays, values: pluck(medians, 'medianWorkingDays'), colour: COLOURS.median }
      ], true);
    });

    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  /** Bars along the categories, top to bottom; counts label only their non-zero bars, medians every bar. */
  function horizontalBars(categories, series, fractional) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: 8, right: 32, top: 8, bottom: series.length > 1 ? 40 : 8, containLabel: true },
      xAxis: { type: 'value', minInterval: fractional ? 0 : 1 },
      yAxis: { type: 'category', inverse: true, data: categories },
      series: series.map(function (one) {
        return {
          type: 'bar',
          name: one.name,
          color: one.colour,
          barMaxWidth: 24,
          label: {
            show: true,
            position: 'right',
            formatter: function (bar) { return fractional || bar.value ? String(bar.value) : ''; }
          },
          data: one.values.map(function (value) { return value === null ? '-' : value; })
        };
      })
    };
  }

  /** Draws the chart where the page has a place for it: the page leaves none for a chart without data. */
  function show(name, option) {
    var container = main.querySelector('[data-chart="' + name + '"]');
    if (!container) {
      return;
    }
    container.hidden = false;
    var chart = window.echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption(option());
    charts.push(chart);
  }

  function pluck(rows, field) {
    return rows.map(function (row) { return row[field]; });
  }
}());
