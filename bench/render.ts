// The grid in Chromium: a 10,000-avatar project served by the web bridge from the built renderer
// (`npm run bench` builds first). Time to the first avatars painted, then every frame of a scroll
// end to end. Figures only; the goal (worst frame ≤ 33 ms) is reported next to them.
// Run alone: `npm run build && npx tsx bench/render.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openLibrary, type Library } from '../src/main/core';
import { startWebBridge, type WebBridge } from '../src/web/server';
import { RENDERER_DIR } from '../tests/helpers/bridge';
import { launchChromium } from '../tests/helpers/browser';
import { MIGRATIONS } from '../tests/helpers/library';
import {
  NAME_SHIM,
  cardFullyInView,
  gridGeometry,
  installFirstPaintProbe,
  invokeTiming,
  scrollEndToEnd,
  settledProbe,
  type FirstPaintProbe,
  type ScrollRun,
} from './renderFrames';
import { seedRenderLibrary } from './renderLibrary';
import { percentile, round } from './stats';

const AVATARS = 10_000;
const VIEWPORT = { width: 1280, height: 800 };
const FIRST_RENDER_RUNS = 3;
/** About 14,000 px/s at 60 frames a second: a hard fling, held from one end to the other. */
const PX_PER_FRAME = 240;
const GOAL_MS = 33;
/** About four times the longest scroll seen on this machine under load. */
const SCROLL_DEADLINE_MS = 8 * 60_000;

const withDeadline = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 60_000} minutes`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
};
const WAIT_MS = 60_000;

/** A fresh context per page: its own cookie jar and HTTP cache, so each first render is a cold one. */
const openPage = async (browser: Browser, problems: string[]): Promise<Page> => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installFirstPaintProbe);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return page;
};

const firstPaint = async (page: Page): Promise<FirstPaintProbe> => {
  const probe = (await (await page.waitForFunction(settledProbe, undefined, { timeout: WAIT_MS, polling: 100 })).jsonValue())!;
  if (probe.setSize !== AVATARS) throw new Error(`The grid holds ${probe.setSize} avatars, not ${AVATARS}.`);
  if (probe.broken > 0) throw new Error(`${probe.broken} thumbnails of the first view did not load.`);
  return probe;
};

type Metrics = Record<string, number>;

/** Chromium's own counters for the page (CDP Performance.getMetrics); `gc` runs a full GC first. */
const readMetrics = async (cdp: CDPSession, gc: boolean): Promise<Metrics> => {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((entry) => [entry.name, entry.value]));
};

/** Renderer JS heap after a full GC, and DOM nodes (few, if the grid is virtualized). */
const memoryOf = (metrics: Metrics) => ({ jsHeapUsedMB: round((metrics.JSHeapUsedSize ?? 0) / 1048576), domNodes: metrics.Nodes ?? 0 });

/** Where the main thread's time went, per scrolled frame (Chromium's counters are cumulative seconds). */
const mainThreadPerFrame = (before: Metrics, after: Metrics, frames: number) => {
  const perFrame = (name: string) => round((((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / Math.max(1, frames));
  return { taskMs: perFrame('TaskDuration'), scriptMs: perFrame('ScriptDuration'), styleMs: perFrame('RecalcStyleDuration'), layoutMs: perFrame('LayoutDuration') };
};

const frameSummary = (run: ScrollRun) => {
  const worst = run.deltas.length > 0 ? Math.max(...run.deltas) : 0;
  return {
    frames: run.deltas.length,
    durationMs: Math.round(run.durationMs),
    distancePx: Math.round(run.distancePx),
    worstFrameMs: round(worst),
    p95FrameMs: round(percentile(run.deltas, 95) ?? 0),
    p50FrameMs: round(percentile(run.deltas, 50) ?? 0),
    framesOverGoal: run.deltas.filter((delta) => delta > GOAL_MS).length,
    longAnimationFrames: { count: run.longAnimationFrames.length, worstMs: round(Math.max(0, ...run.longAnimationFrames)) },
    goalMs: GOAL_MS,
    met: run.reachedEnd && worst <= GOAL_MS,
    reachedEnd: run.reachedEnd,
    allRowsRendered: run.allRendered,
  };
};

const spread = (values: number[]) => ({ runs: values.length, p50Ms: round(percentile(values, 50) ?? 0), maxMs: round(Math.max(...values)) });

/** Deep link to the project in a fresh context: navigation start → first cards, first thumbnails. */
const fromNavigation = async (browser: Browser, url: string, problems: string[]) => {
  const page = await openPage(browser, problems);
  try {
    await page.goto(url);
    const probe = await firstPaint(page);
    const request = await page.evaluate(invokeTiming, 'projects.get');
    return { cardsMs: probe.cardsAt!, thumbsMs: probe.thumbsAt!, projectGetMs: request ? request.endMs - request.startMs : null };
  } finally {
    await page.context().close();
  }
};

/** From the project list, click the project: click → first cards, first thumbnails. */
const fromClick = async (browser: Browser, url: string, problems: string[]) => {
  const page = await openPage(browser, problems);
  try {
    await page.goto(url);
    await page.getByTestId('project-card').first().click({ timeout: WAIT_MS });
    const probe = await firstPaint(page);
    if (probe.clickAt === null) throw new Error('The click on the project was not seen.');
    return { cardsMs: probe.cardsAt! - probe.clickAt, thumbsMs: probe.thumbsAt! - probe.clickAt };
  } finally {
    await page.context().close();
  }
};

const scrollTopToBottom = async (browser: Browser, url: string, problems: string[]) => {
  const page = await openPage(browser, problems);
  try {
    await page.goto(url);
    await firstPaint(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await readMetrics(cdp, true);
    const geometry = await page.evaluate(gridGeometry);
    const maxFrames = Math.ceil((geometry.scrollHeight - geometry.clientHeight) / PX_PER_FRAME) + 600;
    // A page whose animation frames stop coming would otherwise hold `npm run bench` forever.
    const run = await withDeadline(page.evaluate(scrollEndToEnd, { pxPerFrame: PX_PER_FRAME, down: true, count: AVATARS, maxFrames }), SCROLL_DEADLINE_MS, 'the scroll');
    const scrolled = await readMetrics(cdp, false);
    const lastVisible = await page.waitForFunction(cardFullyInView, AVATARS - 1, { timeout: 5000 }).then(() => true, () => false);
    const after = await readMetrics(cdp, true);
    return { geometry, run, lastVisible, mainThread: mainThreadPerFrame(before, scrolled, run.deltas.length), before, after };
  } finally {
    await page.context().close();
  }
};

export const benchRender = async (work: string) => {
  const dir = path.join(work, 'render-10k');
  let library: Library | undefined;
  let bridge: WebBridge | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write(`[bench] render: seeding ${AVATARS} avatars with thumbnail files…\n`);
    const seeded = await seedRenderLibrary(dir, AVATARS);
    // Every row has its files: the start-up sweep would find nothing, and it is not what is measured.
    library = await openLibrary({ dir, migrationsFolder: MIGRATIONS, sweepOnOpen: false, log: () => {} });
    bridge = await startWebBridge({ library, rendererDir: RENDERER_DIR });
    browser = await launchChromium();
    const problems: string[] = [];
    const projectUrl = `${bridge.url}#/projects/${seeded.projectId}`;

    process.stderr.write('[bench] render: first render in Chromium…\n');
    const navigation = [];
    const click = [];
    for (let run = 0; run < FIRST_RENDER_RUNS; run += 1) {
      navigation.push(await fromNavigation(browser, projectUrl, problems));
      click.push(await fromClick(browser, bridge.url, problems));
    }
    process.stderr.write('[bench] render: scrolling end to end…\n');
    const scroll = await scrollTopToBottom(browser, projectUrl, problems);
    const projectGet = navigation.flatMap((run) => (run.projectGetMs === null ? [] : [run.projectGetMs]));

    return {
      avatars: AVATARS,
      chromium: browser.version(),
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      seedMs: Math.round(seeded.seedMs),
      firstRender: {
        fromNavigation: {
          ...spread(navigation.map((run) => run.cardsMs)),
          thumbnails: spread(navigation.map((run) => run.thumbsMs)),
          ...(projectGet.length > 0 && { projectGetRequestP50Ms: round(percentile(projectGet, 50)!) }),
          note: 'deep link #/projects/<id> in a fresh context: navigation start → the frame with the first cards painted; thumbnails = every thumbnail in view decoded',
        },
        fromClick: {
          ...spread(click.map((run) => run.cardsMs)),
          thumbnails: spread(click.map((run) => run.thumbsMs)),
          note: 'project list loaded, then a click on the project card → the same two moments',
        },
      },
      scroll: {
        pxPerFrame: PX_PER_FRAME,
        columns: scroll.geometry.columns,
        rows: Math.ceil(AVATARS / Math.max(1, scroll.geometry.columns)),
        scrollHeightPx: scroll.geometry.scrollHeight,
        direction: 'top to bottom',
        ...frameSummary(scroll.run),
        lastAvatarVisible: scroll.lastVisible,
        mainThreadPerFrame: scroll.mainThread,
      },
      memory: { afterFirstRender: memoryOf(scroll.before), afterScroll: memoryOf(scroll.after) },
      pageErrors: problems.length,
      ...(problems.length > 0 && { firstPageErrors: problems.slice(0, 5) }),
      loadAverage: os.loadavg().map((load) => round(load)),
      notes: [
        'Web bridge on 127.0.0.1 serving out/renderer to headless Chromium (--disable-gpu: software raster); each first render in a fresh browser context.',
        'Frame time = interval between consecutive requestAnimationFrame callbacks while scrollTop moves by pxPerFrame each frame; worst is the largest.',
        'Every avatar has a real 300x300 JPEG thumbnail file (hard links of one image); longAnimationFrames are the browser\'s own > 50 ms frames.',
        'JS heap and DOM nodes via CDP Performance.getMetrics after HeapProfiler.collectGarbage; mainThreadPerFrame = Chromium\'s task, script, style and layout time during the scroll over its frames.',
      ],
    };
  } finally {
    await browser?.close().catch(() => {});
    await bridge?.close();
    await library?.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

// `npx tsx bench/render.ts` runs this part alone, on a renderer already built.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-bench-'));
  try {
    process.stdout.write(`${JSON.stringify({ render: await benchRender(work) }, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
