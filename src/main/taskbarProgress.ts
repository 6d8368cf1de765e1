import { BrowserWindow } from 'electron';
import type { Library } from './core';
import { QueueProgress } from './queueProgress';

const REDRAW_MS = 200;

/** Shows overall queue progress on the taskbar (Windows), dock (macOS) or launcher (Linux, where supported). */
export const showQueueProgress = (events: Library['events']): (() => void) => {
  const progress = new QueueProgress();
  let timer: NodeJS.Timeout | null = null;
  const draw = () => {
    timer = null;
    const fraction = progress.fraction;
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed()) continue;
      window.setProgressBar(fraction ?? -1, { mode: fraction === null ? 'none' : progress.paused ? 'paused' : 'normal' });
    }
  };
  const unsubscribe = events.subscribe((event) => {
    if (progress.apply(event)) timer ??= setTimeout(draw, REDRAW_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
};
