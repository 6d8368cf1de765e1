import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/names';
import type { Result } from '../shared/result';
import type { Library } from './core';
import { desktopActionsFor } from './desktopActions';
import type { DesktopActions } from './core/router/router';
import { isTrustedSenderUrl } from './security/policies';
import { checkSender, type SenderInfo } from './security/senderCheck';

/** Reading senderFrame of a frame that is gone can throw; treat that like a missing frame. */
const describeSender = (event: IpcMainInvokeEvent): SenderInfo => {
  try {
    const frame = event.senderFrame;
    if (!frame) return { frameExists: false, isMainFrame: false, frameUrl: null };
    return { frameExists: true, isMainFrame: frame === event.sender.mainFrame, frameUrl: frame.url };
  } catch {
    return { frameExists: false, isMainFrame: false, frameUrl: null };
  }
};

/**
 * The one IPC entry point: a sender check, then the same router every shell uses. Answers are
 * always envelopes; nothing is thrown across IPC.
 */
export const registerCommandHandler = (
  router: Library['router'],
  devServerUrl: string | undefined,
  /** Desktop actions that belong to the app rather than to a window (moving the library). */
  appActions: Pick<DesktopActions, 'moveLibrary'> = {},
): (() => void) => {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, command: unknown, input: unknown): Promise<Result<unknown>> => {
    const verdict = checkSender(describeSender(event), devServerUrl);
    if (!verdict.trusted) return { ok: false, error: verdict.error };
    try {
      return await router.invoke(command, input, { shell: 'electron', desktop: { ...desktopActionsFor(event.sender), ...appActions } });
    } catch {
      // The router already turns every failure into an envelope; this is only a last line of defence.
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Avatar Creator.' } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNELS.invoke);
};

/**
 * Pushes every committed change to every window still showing our app. A window that is
 * somewhere else (it cannot navigate away, but belt and braces) gets nothing.
 */
export const forwardEvents = (events: Library['events'], devServerUrl: string | undefined): (() => void) =>
  events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !isTrustedSenderUrl(contents.getURL(), devServerUrl)) continue;
      contents.send(IPC_CHANNELS.event, event);
    }
  });
