// In-page code of the render benchmark, run inside Chromium through addInitScript and evaluate.
// Playwright sends each function's source text, so each is self-contained, and the few DOM bits
// they use are typed by hand below (the node project has no DOM types). Times are
// performance.now(): milliseconds since the page's navigation started.

interface Rect {
  top: number;
  bottom: number;
}

interface PageElement {
  dataset: Record<string, string | undefined>;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  complete?: boolean;
  naturalWidth?: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

interface PageDom {
  document: PageElement & { addEventListener(type: 'click', listener: (event: { timeStamp: number }) => void, capture: boolean): void };
  performance: { now(): number; getEntriesByType(type: 'resource'): { name: string; startTime: number; responseEnd: number }[] };
  requestAnimationFrame(callback: (time: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: true; subtree: true }): void; disconnect(): void };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
    disconnect(): void;
  };
  __renderProbe?: FirstPaintProbe;
}

/** What the probe saw of the first avatars shown; null until it happened. */
export interface FirstPaintProbe {
  /** The last click before the first cards appeared (opening the project from the list). */
  clickAt: number | null;
  /** The frame holding the first avatar cards was painted. */
  cardsAt: number | null;
  /** Every thumbnail of that first view was decoded, and the next frame painted. */
  thumbsAt: number | null;
  /** Thumbnails in that first view, and how many showed the broken-image placeholder. */
  thumbs: number;
  broken: number;
  /** The grid's aria-setsize: how many avatars the page holds. */
  setSize: number | null;
}

/** esbuild's keepNames (tsx turns it on) wraps named functions in __name(); the page has none. */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Init script: watches for the first avatar cards and their thumbnails, into window.__renderProbe. */
export const installFirstPaintProbe = (): void => {
  const page = globalThis as unknown as PageDom;
  const probe: FirstPaintProbe = { clickAt: null, cardsAt: null, thumbsAt: null, thumbs: 0, broken: 0, setSize: null };
  page.__renderProbe = probe;
  // rAF runs just before the frame that holds the new DOM is painted; a task posted from it, just after.
  const afterPaint = (then: (at: number) => void) => page.requestAnimationFrame(() => page.setTimeout(() => then(page.performance.now()), 0));
  page.document.addEventListener('click', (event) => {
    if (probe.cardsAt === null) probe.clickAt = event.timeStamp;
  }, true);
  const waitForThumbs = () => {
    const view = page.document.querySelector('[data-testid="avatar-grid"]')?.getBoundingClientRect();
    const images = Array.from(page.document.querySelectorAll('[data-testid="avatar-card"] img')).filter((image) => {
      const box = image.getBoundingClientRect();
      return view !== undefined && box.bottom > view.top && box.top < view.bottom;
    });
    const broken = page.document.querySelectorAll('[data-testid="avatar-card"] .thumb--broken').length;
    if (broken > 0 || (images.length > 0 && images.every((image) => image.complete && (image.naturalWidth ?? 0) > 0))) {
      probe.thumbs = images.length;
      probe.broken = broken;
      afterPaint((at) => (probe.thumbsAt = at));
      return;
    }
    page.requestAnimationFrame(waitForThumbs);
  };
  const observer = new page.MutationObserver(() => {
    const card = page.document.querySelector('[data-testid="avatar-card"]');
    if (!card) return;
    observer.disconnect();
    probe.setSize = Number(card.getAttribute('aria-setsize'));
    afterPaint((at) => {
      probe.cardsAt = at;
      waitForThumbs();
    });
  });
  observer.observe(page.document, { childList: true, subtree: true });
};

/** The probe once the first view's thumbnails are in; null (keep waiting) before. */
export const settledProbe = (): FirstPaintProbe | null => {
  const probe = (globalThis as unknown as PageDom).__renderProbe;
  return probe && probe.thumbsAt !== null ? probe : null;
};

/** When the page's request for `command` started and ended (Resource Timing), if it made one. */
export const invokeTiming = (command: string): { startMs: number; endMs: number } | null => {
  const entry = (globalThis as unknown as PageDom).performance
    .getEntriesByType('resource')
    .find((resource) => resource.name.includes(`/api/invoke/${command}`));
  return entry ? { startMs: entry.startTime, endMs: entry.responseEnd } : null;
};

export interface ScrollOptions {
  pxPerFrame: number;
  down: boolean;
  /** How many avatars the grid holds: every index should be rendered on the way. */
  count: number;
  /** A stop for a grid that never reaches its end. */
  maxFrames: number;
}

export interface ScrollRun {
  /** Time between consecutive animation frames, one per frame after the first. */
  deltas: number[];
  durationMs: number;
  distancePx: number;
  reachedEnd: boolean;
  /** Every avatar index was rendered at some frame, without a jump over any row. */
  allRendered: boolean;
  /** Frames the browser itself reported as long (over 50 ms), with their durations. */
  longAnimationFrames: number[];
}

/**
 * Scrolls the grid end to end by a fixed amount each animation frame, as a fling would, and
 * records every frame interval. A scroll set in one frame is handled (virtualizer, React) in the
 * next, before its rAF callbacks, so each interval holds one frame's whole work.
 */
export const scrollEndToEnd = ({ pxPerFrame, down, count, maxFrames }: ScrollOptions): Promise<ScrollRun> =>
  new Promise((resolve) => {
    const page = globalThis as unknown as PageDom;
    const grid = page.document.querySelector('[data-testid="avatar-grid"]')!;
    const long: number[] = [];
    const longObserver = new page.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    try {
      longObserver.observe({ type: 'long-animation-frame' });
    } catch {
      // An older Chromium without the Long Animation Frames API: the intervals still tell.
    }
    const startTop = grid.scrollTop;
    const deltas: number[] = [];
    // The contiguous run of indices rendered so far, grown from the starting end.
    let reach = down ? -1 : count;
    let jumped = false;
    let previous: number | null = null;
    let started = 0;
    let frames = 0;
    const tick = (time: number) => {
      if (previous === null) started = time;
      else deltas.push(time - previous);
      previous = time;
      const cards = grid.querySelectorAll('[data-testid="avatar-card"]');
      if (cards.length > 0) {
        const first = Number(cards[0]!.dataset.index);
        const last = Number(cards[cards.length - 1]!.dataset.index);
        if (down && first <= reach + 1) reach = Math.max(reach, last);
        else if (!down && last >= reach - 1) reach = Math.min(reach, first);
        else jumped = true;
      }
      const atEnd = down ? grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1 : grid.scrollTop <= 0;
      if (atEnd || frames >= maxFrames) {
        longObserver.disconnect();
        resolve({
          deltas,
          durationMs: time - started,
          distancePx: Math.abs(grid.scrollTop - startTop),
          reachedEnd: atEnd,
          allRendered: !jumped && reach === (down ? count - 1 : 0),
          longAnimationFrames: long,
        });
        return;
      }
      grid.scrollTop += down ? pxPerFrame : -pxPerFrame;
      frames += 1;
      page.requestAnimationFrame(tick);
    };
    page.requestAnimationFrame(tick);
  });

/** The card at `index` is rendered and wholly inside the grid's visible area. */
export const cardFullyInView = (index: number): boolean => {
  const grid = (globalThis as unknown as PageDom).document.querySelector('[data-testid="avatar-grid"]');
  const card = grid?.querySelector(`[data-testid="avatar-card"][data-index="${index}"]`);
  if (!grid || !card) return false;
  const view = grid.getBoundingClientRect();
  const box = card.getBoundingClientRect();
  return box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
};

/** The grid's geometry: how tall it is and how many columns and rows it lays out. */
export const gridGeometry = (): { scrollHeight: number; clientHeight: number; columns: number } => {
  const grid = (globalThis as unknown as PageDom).document.querySelector('[data-testid="avatar-grid"]')!;
  const row = grid.querySelector('.avatar-grid__row');
  return { scrollHeight: grid.scrollHeight, clientHeight: grid.clientHeight, columns: row?.querySelectorAll('[data-testid="avatar-card"]').length ?? 0 };
};
