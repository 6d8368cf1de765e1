import { useMemo, type DragEvent } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useTransport } from '../../hooks/appContext';
import { USAGE_ACTIONS, recordUsage, setDragOutData } from './usageActions';

/** Set while one of our drags is under way; a drop inside this page clears it. */
let dragging: { droppedInside: boolean } | null = null;

const noteInsideDrop = (): void => {
  if (dragging) dragging.droppedInside = true;
};

/**
 * Makes an avatar draggable out of the app as its full image. A drop that lands outside this page
 * (another app, the desktop) and is accepted there counts as a use, "drag_out".
 */
export const useDragOut = (avatar: Avatar) => {
  const transport = useTransport();
  return useMemo(
    () => ({
      draggable: true,
      onDragStart(event: DragEvent) {
        setDragOutData(event.dataTransfer, transport, avatar);
        dragging = { droppedInside: false };
        window.addEventListener('drop', noteInsideDrop, true);
      },
      onDragEnd(event: DragEvent) {
        window.removeEventListener('drop', noteInsideDrop, true);
        const inside = dragging?.droppedInside ?? false;
        dragging = null;
        if (!inside && event.dataTransfer.dropEffect !== 'none') void recordUsage(transport, avatar.id, USAGE_ACTIONS.dragOut);
      },
    }),
    [avatar, transport],
  );
};
