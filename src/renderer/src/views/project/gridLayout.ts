export const MIN_CARD_WIDTH = 172;
export const GRID_GAP = 16;
/** Name and subtitle under the square image. */
export const CAPTION_HEIGHT = 58;

export interface GridLayout {
  columns: number;
  cardWidth: number;
  /** One row including the gap below it. */
  rowHeight: number;
  gap: number;
}

export const gridLayout = (width: number): GridLayout => {
  const usable = Math.max(width, MIN_CARD_WIDTH);
  const columns = Math.max(1, Math.floor((usable + GRID_GAP) / (MIN_CARD_WIDTH + GRID_GAP)));
  const cardWidth = (usable - GRID_GAP * (columns - 1)) / columns;
  return { columns, cardWidth, rowHeight: Math.round(cardWidth + CAPTION_HEIGHT + GRID_GAP), gap: GRID_GAP };
};

/** Where arrow keys, Home/End and Page Up/Down move focus in the grid; null for other keys. */
export const nextIndex = (key: string, from: number, count: number, columns: number, pageRows: number): number | null => {
  const clamp = (index: number) => Math.min(count - 1, Math.max(0, index));
  switch (key) {
    case 'ArrowRight':
      return clamp(from + 1);
    case 'ArrowLeft':
      return clamp(from - 1);
    case 'ArrowDown':
      return clamp(from + columns);
    case 'ArrowUp':
      return clamp(from - columns);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(from + columns * pageRows);
    case 'PageUp':
      return clamp(from - columns * pageRows);
    default:
      return null;
  }
};
