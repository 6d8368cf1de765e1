export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 880, height: 560 } as const;
/** How much of the title bar must be on a screen for the window to count as reachable. */
const VISIBLE_EDGE = 120;

const overlap = (a: Rect, b: Rect): Rect | null => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
};

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What was stored, if it still has the shape of a window state (the file is the user's, and may be edited or stale). */
export const parseWindowState = (value: unknown): WindowState | null => {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isNumber)) return null;
  return { bounds: bounds as Rect, maximized: maximized === true };
};

/**
 * Where the window opens: where it was, if its title bar is still on one of the screens now
 * attached (a monitor may be gone since), at no less than the minimum size and no more than that
 * screen; otherwise the default size centred on the primary screen.
 */
export const placeWindow = (saved: WindowState | null, workAreas: readonly Rect[]): WindowState => {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const titleBar = { ...saved.bounds, height: 40 };
    const screen = workAreas.find((area) => {
      const shared = overlap(titleBar, area);
      return shared !== null && shared.width >= Math.min(VISIBLE_EDGE, saved.bounds.width);
    });
    if (screen) {
      const width = Math.min(Math.max(saved.bounds.width, MIN_SIZE.width), screen.width);
      const height = Math.min(Math.max(saved.bounds.height, MIN_SIZE.height), screen.height);
      return { bounds: { x: saved.bounds.x, y: Math.max(saved.bounds.y, screen.y), width, height }, maximized: saved.maximized };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: { x: Math.round(primary.x + (primary.width - width) / 2), y: Math.round(primary.y + (primary.height - height) / 2), width, height },
    maximized: saved?.maximized ?? false,
  };
};
