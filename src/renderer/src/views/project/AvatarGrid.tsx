import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { AvatarCard } from '../../components/AvatarCard';
import { useTransport } from '../../hooks/appContext';
import { useElementWidth } from '../../hooks/useElementWidth';
import { gridLayout, nextIndex } from './gridLayout';
import { useKeepInView } from './useKeepInView';
import './AvatarGrid.css';

interface AvatarGridProps {
  avatars: readonly Avatar[];
  selectedId: string | null;
  onOpen(id: string): void;
}

/** Only the rows in view (plus a few) exist in the DOM, so 10,000 avatars scroll like 10. */
export const AvatarGrid = ({ avatars, selectedId, onOpen }: AvatarGridProps) => {
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
  const selectedIndex = selectedId ? avatars.findIndex((avatar) => avatar.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex !== -1) setActiveIndex(selectedIndex);
  }, [selectedIndex]);

  useKeepInView(virtualizer, layout, width, selectedIndex);

  const rows = virtualizer.getVirtualItems();
  const firstShown = (rows[0]?.index ?? 0) * layout.columns;
  const lastShown = ((rows[rows.length - 1]?.index ?? 0) + 1) * layout.columns - 1;
  // Exactly one card is in the Tab order: the active one if it is rendered, else the first rendered.
  const tabbableIndex = activeIndex >= firstShown && activeIndex <= lastShown && activeIndex < avatars.length ? activeIndex : firstShown;

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (card) {
      card.focus();
      pendingFocus.current = null;
    }
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const from = Number((event.target as HTMLElement).dataset.index ?? NaN);
      if (Number.isNaN(from)) return;
      const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / layout.rowHeight));
      const to = nextIndex(event.key, from, avatars.length, layout.columns, pageRows);
      if (to === null) return;
      event.preventDefault();
      setActiveIndex(to);
      pendingFocus.current = to;
      virtualizer.scrollToIndex(Math.floor(to / layout.columns), { align: 'auto' });
    },
    [avatars.length, layout.columns, layout.rowHeight, virtualizer],
  );

  return (
    <div ref={scrollRef} className="avatar-grid" onKeyDown={onKeyDown}>
      <div
        ref={sizerRef}
        className="avatar-grid__sizer"
        role="list"
        aria-label={`Avatars, ${avatars.length}`}
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
                <div key={avatar.id} role="listitem" aria-setsize={avatars.length} aria-posinset={index + 1}>
                  <AvatarCard
                    avatar={avatar}
                    index={index}
                    imageUrl={transport.imageUrl(avatar.id, 'thumb')}
                    selected={avatar.id === selectedId}
                    tabbable={index === tabbableIndex}
                    onOpen={onOpen}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
};
