export const DAY_MS = 86_400_000;

export interface UtcDayWindow {
  dayMs: number;
  /** Days since the epoch of the first (oldest) day in the window. */
  firstDayIndex: number;
  /** Inclusive start (midnight UTC of the first day) and exclusive end (midnight UTC after today). */
  startMs: number;
  endMs: number;
  /** Oldest first, today last. */
  days: { index: number; label: string }[];
}

/** The `count` UTC calendar days ending with the one `at` falls in. */
export const utcDayWindow = (at: number, count: number): UtcDayWindow => {
  const today = Math.floor(at / DAY_MS);
  const firstDayIndex = today - count + 1;
  const days = Array.from({ length: count }, (_, offset) => {
    const index = firstDayIndex + offset;
    return { index, label: new Date(index * DAY_MS).toISOString().slice(0, 10) };
  });
  return { dayMs: DAY_MS, firstDayIndex, startMs: firstDayIndex * DAY_MS, endMs: (today + 1) * DAY_MS, days };
};
