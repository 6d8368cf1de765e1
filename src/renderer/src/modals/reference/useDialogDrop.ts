import type { DragEvent } from 'react';
import { useDropFiles, type DropTarget } from '../../hooks/useDropFiles';

/**
 * Files dropped anywhere on the dialog are its own: the drag events stop here, so the project
 * behind (whose drop adds uploads) never sees them, whether or not this dialog takes them.
 */
export const useDialogDrop = (onFiles: (files: File[]) => void, enabled: boolean): DropTarget => {
  const { dragging, handlers } = useDropFiles(onFiles, enabled);
  const stopped =
    (handler: (event: DragEvent) => void) =>
    (event: DragEvent): void => {
      event.stopPropagation();
      // Refused while busy: say so to the pointer instead of letting the window guess.
      if (!enabled && event.type !== 'dragleave') {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      }
      handler(event);
    };
  return {
    dragging,
    handlers: {
      onDragEnter: stopped(handlers.onDragEnter),
      onDragOver: stopped(handlers.onDragOver),
      onDragLeave: stopped(handlers.onDragLeave),
      onDrop: stopped(handlers.onDrop),
    },
  };
};
