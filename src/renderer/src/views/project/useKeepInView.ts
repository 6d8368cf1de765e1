import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { GridLayout } from './gridLayout';

/**
 * When the column count changes (the window resizes, the detail panel opens) the same scroll
 * offset would show other avatars. This keeps the selected avatar in view, or else the one
 * that was first on screen; and on first layout it brings a deep-linked selection into view.
 */
export const useKeepInView = (virtualizer: Virtualizer<HTMLDivElement, Element>, layout: GridLayout, width: number, selectedIndex: number): void => {
  const columnsShown = useRef(0);
  const firstVisible = useRef(0);

  useLayoutEffect(() => {
    if (width === 0 || columnsShown.current === layout.columns) return;
    const firstLayout = columnsShown.current === 0;
    columnsShown.current = layout.columns;
    virtualizer.measure();
    const target = selectedIndex !== -1 ? selectedIndex : firstLayout ? -1 : firstVisible.current;
    if (target <= 0) return;
    virtualizer.scrollToIndex(Math.floor(target / layout.columns), { align: selectedIndex !== -1 ? 'center' : 'start' });
  }, [layout.columns, selectedIndex, virtualizer, width]);

  useLayoutEffect(() => {
    virtualizer.measure();
  }, [layout.rowHeight, virtualizer]);

  // After every commit: which avatar leads the viewport, in the layout now shown.
  useEffect(() => {
    firstVisible.current = Math.floor((virtualizer.scrollOffset ?? 0) / layout.rowHeight) * layout.columns;
  });
};
