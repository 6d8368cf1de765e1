import { useEffect } from 'react';

/** A file dropped outside a drop zone must not make the window navigate to it (and leave the app). */
export const useWindowDropGuard = (): void => {
  useEffect(() => {
    const block = (event: DragEvent) => {
      if (!event.defaultPrevented) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      }
    };
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);
};
