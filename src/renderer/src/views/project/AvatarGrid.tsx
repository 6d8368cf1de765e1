import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { AvatarCard } from '../../components/AvatarCard';
import { useTransport } from '../../hooks/appContext';
import { useElementWidth } from '../../hooks/useElementWidth';
import type { SelectMode } from '../../hooks/useSelection';
import { gridLayout, nextIndex } from './gridLayout';
import { useKeepInView } from './useKeepInView';
import './AvatarGrid.css';

/** Ask for the next page when the rows in view come this close to the last row loaded. */
const END_REACHED_ROWS = 3;

interface AvatarGridProps {
  avatars: readonly Avatar[];
  /** The avatar open in the detail panel. */
  openId: string | null;
  selection: ReadonlySet<string>;
  /** The listbox's accessible name, e.g. "Avatars, 1,204". */
  label: string;
  onOpen(id: string): void;
  onSelect(id: string, mode: SelectMode, from?: string): void;
  onSelectAll(): void;
  onClearSelection(): void;
  /** Delete or Backspace on a card: `id` is the focused card. */
  onDeleteKey(id: string): void;
  /** The rendered rows reached the end of the list: time to load more, if there is more. */
  onEndReached?(): void;
  /** Below the last row: "Loading more…", an error, the end. */
  footer?: ReactNode;
  /** Dimmed while the list is being replaced. */
  stale?: boolean;
}

const modeOf = (event: MouseEvent | KeyboardEvent): SelectMode | null => {
  const toggle = event.ctrlKey || event.metaKey;
  if (event.shiftKey) return toggle ? 'addRange' : 'range';
  return toggle ? 'toggle' : null;
};

/**
 * Only the rows in view (plus a few) exist in the DOM, so 10,000 avatars scroll like 10. A
 * multi-select listbox: click opens one, Ctrl/Cmd-click toggles, Shift-click takes a range;
 * arrows move focus (Shift extends), Space toggles, Ctrl/Cmd-A takes all, Escape lets go.
 */
export const AvatarGrid = ({
  avatars,
  openId,
  selection,
  label,
  onOpen,
  onSelect,
  onSelectAll,
  onClearSelection,
  onDeleteKey,
  onEndReached,
  footer,
  stale = false,
}: AvatarGridProps) => {
  const transport = useTransport();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sizerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(sizerRef);
  const layout = gridLayout(width);
  const rowCount = Math.ceil(avatars.length / layout.columns);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: 3,
  });
  const openIndex = openId ? avatars.findIndex((avatar) => avatar.id === openId) : -1;
  useEffect(() => {
    if (openIndex !== -1) setActiveIndex(openIndex);
  }, [openIndex]);

  useKeepInView(virtualizer, layout, width, openIndex);

  const rows = virtualizer.getVirtualItems();
  const firstShown = (rows[0]?.index ?? 0) * layout.columns;
  const lastRow = rows[rows.length - 1]?.index ?? 0;
  const lastShown = (lastRow + 1) * layout.columns - 1;
  // Exactly one card is in the Tab order: the active one if it is rendered, else the first rendered.
  const tabbableIndex = activeIndex >= firstShown && activeIndex <= lastShown && activeIndex < avatars.length ? activeIndex : firstShown;
  const selecting = selection.size > 0;

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (card) {
      card.focus();
      pendingFocus.current = null;
    }
  });

  // The rows in view, not the overscan ones: a first page that fills the screen is not "the end".
  const lastVisibleRow = virtualizer.range?.endIndex ?? lastRow;
  useEffect(() => {
    if (onEndReached && rowCount > 0 && width > 0 && lastVisibleRow >= rowCount - 1 - END_REACHED_ROWS) onEndReached();
  }, [lastVisibleRow, onEndReached, rowCount, width]);

  const onPress = useCallback(
    (id: string, index: number, event: MouseEvent, check: boolean) => {
      setActiveIndex(index);
      const mode = modeOf(event) ?? (check ? 'toggle' : null);
      if (mode) return onSelect(id, mode);
      onSelect(id, 'only');
      onOpen(id);
    },
    [onOpen, onSelect],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const from = Number(target.dataset.index ?? NaN);
      if (Number.isNaN(from)) return;
      const id = target.dataset.avatarId ?? '';
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        onSelectAll();
        return;
      }
      if (event.key === ' ' && !event.altKey) {
        // Space toggles; the button's own Space-click (which would open) is stopped in onKeyUp.
        event.preventDefault();
        if (!event.repeat) onSelect(id, event.shiftKey ? (command ? 'addRange' : 'range') : 'toggle');
        return;
      }
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        onDeleteKey(id);
        return;
      }
      if (event.key === 'Escape' && selecting) {
        event.preventDefault();
        onClearSelection();
        return;
      }
      const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / layout.rowHeight));
      const to = nextIndex(event.key, from, avatars.length, layout.columns, pageRows);
      if (to === null) return;
      event.preventDefault();
      setActiveIndex(to);
      pendingFocus.current = to;
      virtualizer.scrollToIndex(Math.floor(to / layout.columns), { align: 'auto' });
      const toId = avatars[to]?.id;
      // Shift+arrows reshape the range from the anchor; Ctrl/Cmd+arrows move focus only.
      if (event.shiftKey && toId) onSelect(toId, command ? 'addRange' : 'range', id);
    },
    [avatars, layout.columns, layout.rowHeight, onClearSelection, onDeleteKey, onSelect, onSelectAll, selecting, virtualizer],
  );

  return (
    <div
      ref={scrollRef}
      className={`avatar-grid${stale ? ' avatar-grid--stale' : ''}${virtualizer.isScrolling ? ' avatar-grid--scrolling' : ''}`}
      data-testid="avatar-grid"
      onKeyDown={onKeyDown}
      onKeyUp={(event) => {
        if (event.key === ' ') event.preventDefault();
      }}
    >
      <div
        ref={sizerRef}
        className="avatar-grid__sizer"
        role="listbox"
        aria-multiselectable="true"
        aria-label={label}
        aria-busy={stale || undefined}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => (
          <div
            key={row.key}
            role="none"
            className="avatar-grid__row"
            style={{ transform: `translateY(${row.start}px)`, height: layout.rowHeight - layout.gap, gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }}
          >
            {avatars.slice(row.index * layout.columns, (row.index + 1) * layout.columns).map((avatar, column) => {
              const index = row.index * layout.columns + column;
              return (
                <div key={avatar.id} role="none" className="avatar-grid__cell">
                  <AvatarCard
                    avatar={avatar}
                    index={index}
                    setSize={avatars.length}
                    imageUrl={transport.imageUrl(avatar.id, 'thumb')}
                    current={avatar.id === openId}
                    selected={selection.has(avatar.id)}
                    selecting={selecting}
                    tabbable={index === tabbableIndex}
                    onPress={onPress}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {footer}
    </div>
  );
};
