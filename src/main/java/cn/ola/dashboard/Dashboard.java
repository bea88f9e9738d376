package cn.ola.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.dashboard.DashboardFigures.DecisionsPerWeek;
import cn.ola.dashboard.DashboardFigures.GroupRow;
import cn.ola.dashboard.DashboardFigures.Kind;
import cn.ola.dashboard.DashboardFigures.MedianRow;
import cn.ola.dashboard.DashboardFigures.StageRow;
import cn.ola.dashboard.DashboardFigures.StatusRow;
import cn.ola.dashboard.DashboardFigures.WeekRow;
import cn.ola.dashboard.DashboardQueries.StageCount;
import cn.ola.dashboard.DashboardQueries.WeekOutcomeCount;
import cn.ola.dashboard.StageDurations.StageMedian;
import cn.ola.events.MaterialEvents;
import cn.ola.events.OpenEvents;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;
import cn.ola.filing.Stages;
import cn.ola.workflow.Deadlines;

/** The supervisors' view of the pipeline: where the cases are, what is late, what was decided, how long stages take. */
@Service
class Dashboard {

    static final int WEEKS = 12;
    /** Stage times are measured over the stays that ended in this window. */
    static final Duration MEDIAN_WINDOW = Duration.ofDays(365);

    private final DashboardQueries queries;
    private final MaterialEvents events;
    private final StageDurations durations;
    private final MessageSource messages;
    private final Clock clock;

    Dashboard(DashboardQueries queries, MaterialEvents events, WorkingDayCalendar calendar, MessageSource messages,
            Clock clock) {
        this.queries = queries;
        this.events = events;
        this.durations = new StageDurations(calendar, Deadlines.BEIJING, Stages.PARALLEL_BLOCK_OF);
        this.messages = messages;
        this.clock = clock;
    }

    DashboardFigures figures(Locale locale) {
        Instant now = clock.instant();
        Labels labels = new Labels(messages, locale);
        DashboardQueries.RunningCount running = queries.runningCases();
        return new DashboardFigures(now, running.cases(), running.overdue(), casesPerStage(labels), casesPerFinalStatus(labels),
                overdueTasksPerGroup(now, labels), decisionsPerWeek(now, labels), medians(now, labels), scriptLabels(labels));
    }

    /** Every stage of the process, in order, with zeros where no case stands; unknown stages after them. */
    private List<StageRow> casesPerStage(Labels labels) {
        Map<String, StageCount> byStage = new LinkedHashMap<>();
        StageCount withoutStage = null;
        for (StageCount count : queries.runningCasesPerStage()) {
            if (count.stage() == null) {
                withoutStage = count;
            } else {
                byStage.put(count.stage(), count);
            }
        }
        // No case stands in the work after its listing: that row counts the listed cases with a material event open.
        OpenEvents open = events.open();
        byStage.put(Stage.AFTER_LISTING.name(), new StageCount(Stage.AFTER_LISTING.name(), open.cases(), open.overdue()));
        List<StageRow> rows = new ArrayList<>();
        // Open ex-officio reviews are counted on a line of their own, under the table.
        List<String> caseStages = Stage.names().stream().filter(s -> !s.equals(Stage.EX_OFFICIO_REVIEW.name())).toList();
        for (String stage : inOrder(caseStages, byStage.keySet())) {
            StageCount count = byStage.getOrDefault(stage, new StageCount(stage, 0, 0));
            rows.add(new StageRow(stage, labels.stage(stage), count.cases(), count.overdue()));
        }
        if (withoutStage != null) {
            rows.add(new StageRow("NONE", labels.stage(null), withoutStage.cases(), withoutStage.overdue()));
        }
        return rows;
    }

    private List<StatusRow> casesPerFinalStatus(Labels labels) {
        Map<String, Long> counts = queries.closedCasesPerStatus();
        return inOrder(CaseStatus.names(CaseStatus.finals()), counts.keySet()).stream()
                .map(status -> new StatusRow(status, labels.status(status), counts.getOrDefault(status, 0L)))
                .toList();
    }

    /** Groups with overdue tasks, most overdue first. */
    private List<GroupRow> overdueTasksPerGroup(Instant now, Labels labels) {
        return queries.overdueTasksPerCandidateGroup(now).entrySet().stream()
                .map(e -> new GroupRow(e.getKey(), labels.group(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(GroupRow::tasks).reversed().thenComparing(GroupRow::key))
                .toList();
    }

    private DecisionsPerWeek decisionsPerWeek(Instant now, Labels labels) {
        RecentWeeks weeks = RecentWeeks.endingWith(now.atZone(Deadlines.BEIJING).toLocalDate(), WEEKS, Deadlines.BEIJING);
        List<Map<DecisionKind, Long>> perWeek = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            perWeek.add(new EnumMap<>(DecisionKind.class));
        }
        for (WeekOutcomeCount count : queries.decisionsPerWeek(weeks)) {
            perWeek.get(count.weekIndex()).merge(DecisionKind.of(count.outcome()), count.decisions(), Long::sum);
        }
        boolean anyOther = perWeek.stream().anyMatch(counts -> counts.containsKey(DecisionKind.OTHER));
        List<DecisionKind> kinds = new ArrayList<>(List.of(DecisionKind.values()));
        if (!anyOther) {
            kinds.remove(DecisionKind.OTHER);
        }
        List<WeekRow> rows = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (DecisionKind kind : kinds) {
                counts.put(kind.name(), perWeek.get(i).getOrDefault(kind, 0L));
            }
            RecentWeeks.Week week = weeks.weeks().get(i);
            rows.add(new WeekRow(week.label(), week.monday(), counts, counts.values().stream().mapToLong(Long::longValue).sum()));
        }
        return new DecisionsPerWeek(kinds.stream().map(kind -> new Kind(kind.name(), labels.kind(kind))).toList(), rows);
    }

    private List<MedianRow> medians(Instant now, Labels labels) {
        Instant since = now.minus(MEDIAN_WINDOW);
        Map<String, StageMedian> medians = durations.medians(queries.stageEventsOfCasesOpenSince(since), since);
        return inOrder(CaseStages.measured(), medians.keySet()).stream()
                .map(stage -> {
                    StageMedian median = medians.getOrDefault(stage, new StageMedian(null, 0));
                    return new MedianRow(stage, labels.stage(stage), median.median(), median.cases());
                })
                .toList();
    }

    private static Map<String, String> scriptLabels(Labels labels) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : List.of("cases", "overdueCases", "overdueTasks", "medianWorkingDays", "noData")) {
            texts.put(name, labels.text("dashboard.chart." + name));
        }
        return texts;
    }

    /** The known keys in their order, then any others that turned up, sorted. */
    private static List<String> inOrder(List<String> known, Collection<String> found) {
        List<String> keys = new ArrayList<>(known);
        found.stream().filter(key -> !known.contains(key)).sorted().forEach(keys::add);
        return keys;
    }
}
