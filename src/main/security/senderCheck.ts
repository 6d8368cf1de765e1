import type { AppErrorShape } from '../../shared/errors';
import { isTrustedSenderUrl } from './policies';

/** What the IPC handler knows about who sent a message, reduced to plain data so tests can forge it. */
export interface SenderInfo {
  /** False when the frame navigated away or was destroyed before the message was handled. */
  frameExists: boolean;
  /** Only the top frame of our window is the app; an iframe is someone else's page. */
  isMainFrame: boolean;
  frameUrl: string | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; error: AppErrorShape };

const refuse = (message: string): SenderVerdict => ({ trusted: false, error: { code: 'FORBIDDEN', message } });

/** Every command must come from the top frame of our own renderer origin. */
export const checkSender = (sender: SenderInfo, devServerUrl?: string): SenderVerdict => {
  if (!sender.frameExists) return refuse('Refused: the sending frame no longer exists.');
  if (!sender.isMainFrame) return refuse('Refused: commands are only accepted from the app window itself, not from a subframe.');
  if (!isTrustedSenderUrl(sender.frameUrl, devServerUrl)) return refuse('Refused: the sender is not the Avatar Creator app.');
  return { trusted: true };
};
