interface Ordered {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** Newest first, ties broken by id: the order the library's own queries use. */
export const newestFirst = (a: Ordered, b: Ordered): number => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const insertionIndex = <T extends Ordered>(list: readonly T[], item: T): number => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(list[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * Inserts or replaces `item`, keeping newest-first order. A copy older than the one held is
 * ignored, so an event that raced a fresher snapshot cannot roll the UI back.
 */
export const upsertOrdered = <T extends Ordered>(list: readonly T[], item: T): T[] => {
  const existing = list.findIndex((entry) => entry.id === item.id);
  if (existing !== -1 && list[existing]!.updatedAt > item.updatedAt) return list as T[];
  const next = existing === -1 ? [...list] : list.filter((_, index) => index !== existing);
  next.splice(insertionIndex(next, item), 0, item);
  return next;
};

export const removeById = <T extends { id: string }>(list: readonly T[], id: string): T[] =>
  list.some((entry) => entry.id === id) ? list.filter((entry) => entry.id !== id) : (list as T[]);
