import { useLayoutEffect, type RefObject } from 'react';

export const APP_SHELL_ID = 'app-shell';

/** Open modals, bottom to top. Everything but the top one is inert: unreachable by Tab, mouse and screen readers. */
const layers: HTMLElement[] = [];

const setHidden = (element: HTMLElement, hidden: boolean): void => {
  element.inert = hidden;
  if (hidden) element.setAttribute('aria-hidden', 'true');
  else element.removeAttribute('aria-hidden');
};

const refresh = (): void => {
  const shell = document.getElementById(APP_SHELL_ID);
  if (shell) setHidden(shell, layers.length > 0);
  const top = layers[layers.length - 1];
  for (const layer of layers) setHidden(layer, layer !== top);
};

export const useModalLayer = (ref: RefObject<HTMLElement | null>): void => {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    layers.push(element);
    refresh();
    return () => {
      layers.splice(layers.indexOf(element), 1);
      refresh();
    };
  }, [ref]);
};
