// Usage: cd .ci/render && npm ci && node render.mjs   (writes src/docs/images/<model-id>.png for every bpmn/*.bpmn and bpmn/*.dmn)
//
// Each model is embedded in a small HTML page that loads the bpmn-js or dmn-js viewer from
// node_modules, opened in headless Chromium, fitted to the diagram's bounds (the decision
// requirements diagram for DMN) and saved as a PNG cropped to the diagram.
// Environment: CHROMIUM (browser, default /usr/bin/chromium), MAX_WIDTH (px, default 2400),
// MAX_SCALE (zoom for small diagrams, default 2), MODELS_DIR and OUT_DIR (defaults bpmn/ and
// src/docs/images/ of the repository).
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const modelsDir = resolve(repo, process.env.MODELS_DIR || 'bpmn');
const outDir = resolve(repo, process.env.OUT_DIR || 'src/docs/images');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const maxWidth = Number(process.env.MAX_WIDTH || 2400);
const maxScale = Number(process.env.MAX_SCALE || 2);
const margin = 20; // diagram units around the diagram's bounds
const footer = 36; // extra room below the diagram for the viewer's bpmn.io watermark

const asset = (path) => pathToFileURL(join(here, 'node_modules', path)).href;

const viewers = {
  bpmn: {
    script: asset('bpmn-js/dist/bpmn-viewer.production.min.js'),
    styles: [asset('bpmn-js/dist/assets/diagram-js.css'), asset('bpmn-js/dist/assets/bpmn-js.css')],
  },
  dmn: {
    script: asset('dmn-js/dist/dmn-viewer.production.min.js'),
    styles: [
      asset('dmn-js/dist/assets/diagram-js.css'),
      asset('dmn-js/dist/assets/dmn-js-shared.css'),
      asset('dmn-js/dist/assets/dmn-js-drd.css'),
      asset('dmn-js/dist/assets/dmn-font/css/dmn-embedded.css'),
    ],
  },
};

function page(kind, xml) {
  const { script, styles } = viewers[kind];
  const json = JSON.stringify(xml).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>
  html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
  #canvas { position: absolute; inset: 0; }
  /* drill-down buttons and the DRD's name panel are controls, not part of the diagram */
  .djs-overlay-container, .dmn-definitions { display: none; }
</style>
<script src="${script}"></script>
</head>
<body>
<div id="canvas"></div>
<script>
  window.kind = ${JSON.stringify(kind)};
  window.xml = ${json};
</script>
</body>
</html>
`;
}

// Runs in the page: imports the model, returns its id and the diagram's bounds at zoom 1.
async function renderModel() {
  const warnings = [];
  const widened = [];
  let id;
  let canvas;
  if (window.kind === 'bpmn') {
    const viewer = new window.BpmnJS({ container: '#canvas' });
    const result = await viewer.importXML(window.xml);
    warnings.push(...result.warnings.map((w) => w.message));
    const roots = viewer.getDefinitions().rootElements || [];
    const processes = roots.filter((e) => e.$type === 'bpmn:Process');
    id = (processes.find((p) => p.isExecutable) || processes[0] || viewer.getDefinitions()).id;
    canvas = viewer.get('canvas');
    // bpmn-js wraps an external label to its width and cuts a word that does not fit in two
    // ("Cleare / d"); a label without BPMNLabel bounds can even get cut at its own width.
    // Widen such labels, about their centre, until no line ends inside a word.
    const registry = viewer.get('elementRegistry');
    const graphics = viewer.get('graphicsFactory');
    const words = (text) => text.split(/\s+|(?<=[-\u00ad])/).filter(Boolean);
    const cutsWord = (gfx, text) => words(
      [...gfx.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
    ).length !== words(text).length;
    for (const label of registry.filter((e) => e.type === 'label')) {
      const text = label.businessObject.name;
      if (typeof text !== 'string') continue;
      const gfx = registry.getGraphics(label);
      const centre = label.x + label.width / 2;
      const width = label.width;
      const before = [...gfx.querySelectorAll('tspan')].map((line) => line.textContent.trim());
      while (cutsWord(gfx, text) && label.width < 400) {
        label.width += 2;
        label.x = centre - label.width / 2;
        graphics.update('shape', label, gfx);
      }
      if (label.width !== width) widened.push(`${label.labelTarget.id} "${before.join(' / ')}" (${width} -> ${label.width})`);
    }
  } else {
    const viewer = new window.DmnJS({ container: '#canvas' });
    const result = await viewer.importXML(window.xml);
    warnings.push(...result.warnings.map((w) => w.message));
    const drd = viewer.getViews().find((v) => v.type === 'drd');
    if (!drd) throw new Error('no decision requirements diagram');
    await viewer.open(drd);
    id = viewer.getDefinitions().id;
    canvas = viewer.getActiveViewer().get('canvas');
  }
  canvas.zoom(1);
  const box = canvas.getActiveLayer().getBBox();
  window.fit = (view) => {
    canvas.resized();
    canvas.viewbox(view);
  };
  return { id, warnings, widened, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
}

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--hide-scrollbars',
];

const work = await mkdtemp(join(tmpdir(), 'model-render-'));
const files = (await readdir(modelsDir)).filter((f) => /\.(bpmn|dmn)$/.test(f)).sort();
if (files.length === 0) throw new Error(`no models in ${modelsDir}`);
await mkdir(outDir, { recursive: true });

// Only the flags above, and a fresh profile: puppeteer-core adds just its DevTools pipe.
const browser = await puppeteer.launch({
  executablePath: chromium,
  ignoreDefaultArgs: true,
  args: [...args, `--user-data-dir=${join(work, 'profile')}`],
});
let failed = 0;
try {
  for (const file of files) {
    const kind = file.endsWith('.dmn') ? 'dmn' : 'bpmn';
    const html = join(work, `${file}.html`);
    await writeFile(html, page(kind, await readFile(join(modelsDir, file), 'utf8')));
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
    try {
      await tab.setViewport({ width: 1600, height: 1000 });
      await tab.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const { id, warnings, widened, box } = await tab.evaluate(renderModel);
      if (errors.length) throw new Error(errors.join('; '));
      const view = {
        x: box.x - margin,
        y: box.y - margin,
        width: box.width + 2 * margin,
        height: box.height + 2 * margin,
      };
      const scale = Math.min(maxScale, maxWidth / view.width);
      const width = Math.round(view.width * scale);
      const height = Math.round(view.height * scale) + footer;
      await tab.setViewport({ width, height });
      await tab.evaluate((v) => window.fit(v), { ...view, height: view.height + footer / scale });
      await tab.evaluate(() => document.fonts.ready);
      const out = join(outDir, `${id}.png`);
      await tab.screenshot({ path: out, clip: { x: 0, y: 0, width, height } });
      console.log(`${file} -> ${out.slice(repo.length + 1)} (${width}x${height}, zoom ${scale.toFixed(2)})`);
      for (const w of warnings) console.warn(`  warning: ${w}`);
      for (const w of widened) console.log(`  label widened so no word is cut: ${w}`);
    } catch (e) {
      failed++;
      console.error(`${file}: ${[...new Set([...errors, e.message])].join('; ')}`);
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
if (failed) {
  console.error(`${failed} of ${files.length} models failed`);
  process.exit(1);
}
