// The benchmark's handle on the WebSocket event client running in a child process.
import { endChild, forkBenchChild, nextMessage } from './benchChild';
import type { ChangeKind, FromEventClient } from './eventClientProtocol';

export interface EventClient {
  /** Everything received so far; the client keeps listening until closed. */
  report(): Promise<{ latenciesMs: Record<ChangeKind, number[]>; messages: number; cpuUs: number }>;
  close(): Promise<void>;
}

const isMessage = (message: unknown): message is FromEventClient => typeof message === 'object' && message !== null && 'type' in message;

export const forkEventClient = async (socketUrl: string): Promise<EventClient> => {
  const child = forkBenchChild('./eventClientProcess.ts', [socketUrl]);
  try {
    const first = await nextMessage(child, (m): m is FromEventClient => isMessage(m) && (m.type === 'ready' || m.type === 'failed'));
    if (first.type === 'failed') throw new Error(`event client could not connect: ${first.message}`);
  } catch (error) {
    await endChild(child);
    throw error;
  }
  return {
    report: async () => {
      const answer = nextMessage(child, (m): m is Extract<FromEventClient, { type: 'report' }> => isMessage(m) && m.type === 'report');
      child.send({ type: 'report' });
      const { latenciesMs, messages, cpuUs } = await answer;
      return { latenciesMs, messages, cpuUs };
    },
    close: () => endChild(child),
  };
};
