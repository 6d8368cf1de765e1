// The benchmark's handle on the fake inference server running in a child process.
import type { FakeStep } from '../tests/fakes/fakeInferenceTypes';
import { endChild, forkBenchChild, nextMessage } from './benchChild';
import type { FakeServerOptions, FakeStats, FromFakeServer, ToFakeServer } from './fakeServerProtocol';

export interface RemoteFake {
  url: string;
  script(steps: FakeStep[]): Promise<void>;
  stats(): Promise<FakeStats>;
  close(): Promise<void>;
}

const isMessage = (message: unknown): message is FromFakeServer => typeof message === 'object' && message !== null && 'type' in message;

export const forkFakeServer = async (options: FakeServerOptions): Promise<RemoteFake> => {
  const child = forkBenchChild('./fakeServerProcess.ts', [JSON.stringify(options)]);
  const ready = await nextMessage(child, (m): m is Extract<FromFakeServer, { type: 'ready' }> => isMessage(m) && m.type === 'ready').catch(
    async (error: unknown) => {
      await endChild(child);
      throw error;
    },
  );
  let nextId = 0;
  const ask = async (message: ToFakeServer): Promise<FromFakeServer> => {
    const answer = nextMessage(child, (m): m is FromFakeServer => isMessage(m) && 'id' in m && m.id === message.id);
    child.send(message);
    return answer;
  };
  return {
    url: ready.url,
    script: async (steps) => void (await ask({ id: ++nextId, type: 'script', steps })),
    stats: async () => {
      const answer = await ask({ id: ++nextId, type: 'stats' });
      if (answer.type !== 'stats') throw new Error('fake server answered stats with something else');
      return answer.stats;
    },
    close: () => endChild(child),
  };
};
