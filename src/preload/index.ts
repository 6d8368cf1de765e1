import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Only zod-free modules and types: the sandboxed preload must stay small and cannot load packages.
import type { AppEvent } from '../shared/contract';
import { IPC_CHANNELS, isCommandName, isEventName } from '../shared/names';
import type { Result } from '../shared/result';
import { PRELOAD_GLOBAL, type PreloadBridge } from '../shared/transport';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The main process only sends AppEvents; checking the shape keeps a malformed message from reaching the store. */
const toAppEvent = (message: unknown): AppEvent | null =>
  isRecord(message) && isEventName(message.name) && isRecord(message.payload)
    ? ({ name: message.name, payload: message.payload } as AppEvent)
    : null;

const bridge: PreloadBridge = {
  invoke(command, input) {
    // Refused here without a round trip; the main process checks again, since a preload is not a boundary.
    if (!isCommandName(command)) {
      const label = typeof command === 'string' ? command.slice(0, 100) : typeof command;
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${label}` } });
    }
    return (ipcRenderer.invoke(IPC_CHANNELS.invoke, command, input) as Promise<Result<unknown>>).catch(
      (): Result<unknown> => ({
        ok: false,
        error: { code: 'TRANSPORT_FAILED', message: 'The app did not answer; it may still be starting or shutting down.' },
      }),
    );
  },
  onEvent(listener) {
    // The IpcRendererEvent (with its sender and ports) never reaches the page: only name and payload.
    const handler = (_event: IpcRendererEvent, message: unknown): void => {
      const event = toAppEvent(message);
      if (event) listener(event);
    };
    ipcRenderer.on(IPC_CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge);
