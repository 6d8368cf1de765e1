import { useCallback, useMemo, useRef, useState } from 'react';

/** How a click or key changes the selection, as file managers do it. */
export type SelectMode =
  /** Plain click, Enter: just this one. */
  | 'only'
  /** Ctrl/Cmd-click, Space: in or out, the rest untouched. */
  | 'toggle'
  /** Shift-click, Shift+arrows: from the anchor to here, replacing the rest. */
  | 'range'
  /** Ctrl/Cmd+Shift-click: from the anchor to here, added to the rest. */
  | 'addRange';

export interface Selection {
  /** Ids selected and still shown: one that left the list (deleted, moved, filtered out) drops out by itself. */
  ids: ReadonlySet<string>;
  /** Selected ids in list order. */
  ordered: string[];
  /** Where the next range starts: the last card picked without Shift. */
  anchor: string | null;
  /** `from` anchors a range when there is no anchor yet (Shift+arrow from the focused card). */
  select(id: string, mode: SelectMode, from?: string): ReadonlySet<string>;
  selectAll(): ReadonlySet<string>;
  set(ids: Iterable<string>): void;
  clear(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Multi-select over `items` (the loaded, visible list, in order). */
export const useSelection = (items: readonly { id: string }[]): Selection => {
  const [raw, setRaw] = useState<ReadonlySet<string>>(EMPTY);
  const [anchor, setAnchor] = useState<string | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const ordered = useMemo(() => (raw.size === 0 ? [] : items.filter((item) => raw.has(item.id)).map((item) => item.id)), [items, raw]);
  const ids = useMemo<ReadonlySet<string>>(() => (ordered.length === raw.size ? raw : new Set(ordered)), [ordered, raw]);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;

  const commit = useCallback((next: ReadonlySet<string>) => {
    idsRef.current = next;
    setRaw(next);
    return next;
  }, []);

  const select = useCallback(
    (id: string, mode: SelectMode, fallbackFrom?: string): ReadonlySet<string> => {
      const list = itemsRef.current;
      const indexOf = (target: string | null | undefined) => (target ? list.findIndex((item) => item.id === target) : -1);
      let next: Set<string>;
      let nextAnchor = anchorRef.current;
      if (mode === 'only' || mode === 'toggle') {
        next = mode === 'only' ? new Set() : new Set(idsRef.current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        nextAnchor = id;
      } else {
        // A range keeps its anchor, so Shift-clicks (or Shift+arrows) in a row reshape one range;
        // with nothing selected it starts where focus is.
        if (indexOf(nextAnchor) === -1 || (idsRef.current.size === 0 && indexOf(fallbackFrom) !== -1)) {
          nextAnchor = indexOf(fallbackFrom) !== -1 ? (fallbackFrom ?? null) : id;
        }
        const from = indexOf(nextAnchor);
        const to = indexOf(id);
        next = mode === 'addRange' ? new Set(idsRef.current) : new Set();
        for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
          const item = list[index];
          if (item) next.add(item.id);
        }
      }
      anchorRef.current = nextAnchor;
      setAnchor(nextAnchor);
      return commit(next);
    },
    [commit],
  );

  const selectAll = useCallback(() => commit(new Set(itemsRef.current.map((item) => item.id))), [commit]);
  const set = useCallback((values: Iterable<string>) => void commit(new Set(values)), [commit]);
  const clear = useCallback(() => {
    anchorRef.current = null;
    setAnchor(null);
    commit(EMPTY);
  }, [commit]);

  return { ids, ordered, anchor, select, selectAll, set, clear };
};
