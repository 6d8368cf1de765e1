import type { PreloadBridge } from '../../shared/transport';

declare global {
  interface Window {
    /** Present only inside the Electron shell, where the preload exposes it. */
    avatarCreator?: PreloadBridge;
  }
}

export {};
