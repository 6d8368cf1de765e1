import { useMemo, type DragEvent } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { USAGE_ACTIONS, recordUsage, setDragOutData, startNativeDrag } from './usageActions';

/** Set while one of our drags is under way; a drop inside this page clears it. */
let dragging: { droppedInside: boolean } | null = null;

const noteInsideDrop = (): void => {
  if (dragging) dragging.droppedInside = true;
};

/**
 * Makes an avatar draggable out of the app as its full image. In the desktop app the page's drag
 * is replaced by a native drag of the image file, which the command counts as a use when it
 * starts. In a browser, a drop that lands outside this page (another app, the desktop) and is
 * accepted there counts as a use, "drag_out".
 */
export const useDragOut = (avatar: Avatar) => {
  const transport = useTransport();
  const { failure: reportFailure } = useToast();
  return useMemo(
    () => ({
      draggable: true,
      onDragStart(event: DragEvent) {
        if (transport.shell === 'electron') {
          // Electron's documented pattern: cancel the page's drag and let the main process start the OS one.
          event.preventDefault();
          void startNativeDrag(transport, avatar.id).then((failure) => {
            if (failure) reportFailure('The image could not be dragged out', failure);
          });
          return;
        }
        setDragOutData(event.dataTransfer, transport, avatar);
        dragging = { droppedInside: false };
        window.addEventListener('drop', noteInsideDrop, true);
      },
      onDragEnd(event: DragEvent) {
        // The native drag was already counted when it started.
        if (transport.shell === 'electron') return;
        window.removeEventListener('drop', noteInsideDrop, true);
        const inside = dragging?.droppedInside ?? false;
        dragging = null;
        if (!inside && event.dataTransfer.dropEffect !== 'none') void recordUsage(transport, avatar.id, USAGE_ACTIONS.dragOut);
      },
    }),
    [avatar, transport, reportFailure],
  );
};
