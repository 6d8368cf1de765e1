import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, placeWindow } from '../../src/main/app/windowBounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window placement between runs', () => {
  it('opens where it was when that place is still on a screen', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, monitor])).toEqual(saved);
  });

  it('comes back to the primary screen, centred, when its monitor is gone', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 80, y: 28, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }, maximized: false });
  });

  it('never opens smaller than the minimum, larger than the screen, or with its title bar above it', () => {
    expect(placeWindow({ bounds: { x: 10, y: -20, width: 300, height: 5000 }, maximized: false }, [laptop]).bounds).toEqual({ x: 10, y: 0, width: 880, height: 875 });
  });

  it('treats a damaged or hand-edited file as no saved state', () => {
    for (const value of [null, 'x', {}, { bounds: { x: 1, y: 2, width: 'wide', height: 3 } }, { bounds: { x: Number.NaN, y: 0, width: 1, height: 1 } }]) {
      expect(parseWindowState(value)).toBeNull();
    }
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: 'yes' })).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: false });
  });
});
