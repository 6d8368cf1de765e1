import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../src/shared/contract';
import { IPC_CHANNELS } from '../../src/shared/names';
import { PRELOAD_GLOBAL, type PreloadBridge } from '../../src/shared/transport';

// The preload's electron surface: what it exposes, and an ipcRenderer whose answers we control.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invokeCalls: [] as unknown[][],
  answer: (): Promise<unknown> => Promise.resolve({ ok: true, value: [] }),
  emitter: null as EventEmitter | null,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const emitter = new Emitter();
  fake.emitter = emitter;
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        fake.invokeCalls.push(args);
        return fake.answer();
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => emitter.removeListener(channel, listener),
    },
  };
});

let bridge: PreloadBridge;

beforeAll(async () => {
  await import('../../src/preload/index');
  bridge = fake.exposed.get(PRELOAD_GLOBAL) as PreloadBridge;
});

describe('the preload bridge', () => {
  it('exposes exactly invoke and onEvent, under one global', () => {
    expect([...fake.exposed.keys()]).toEqual([PRELOAD_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
  });

  it.each(['fs.readFile', '__proto__', 'projects.list ', '', 42, null, { toString: () => 'projects.list' }])(
    'refuses %j without reaching the main process',
    async (command) => {
      const before = fake.invokeCalls.length;
      const result = await bridge.invoke(command as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      expect(fake.invokeCalls.length).toBe(before);
    },
  );

  it('forwards known commands over the invoke channel only', async () => {
    fake.answer = () => Promise.resolve({ ok: true, value: ['x'] });
    expect(await bridge.invoke('projects.list', {})).toEqual({ ok: true, value: ['x'] });
    expect(fake.invokeCalls.at(-1)).toEqual([IPC_CHANNELS.invoke, 'projects.list', {}]);
  });

  it('turns a failed IPC call into an envelope instead of a rejection', async () => {
    fake.answer = () => Promise.reject(new Error("No handler registered for 'avatar-creator:invoke'"));
    expect(await bridge.invoke('projects.list', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT_FAILED' } });
  });

  it('passes events as name and payload only, drops malformed ones, and unsubscribes', () => {
    const seen: AppEvent[] = [];
    const unsubscribe = bridge.onEvent((event) => seen.push(event));
    const ipcEvent = { sender: 'the ipcRenderer', ports: [] };
    const emitter = fake.emitter!;
    emitter.emit(IPC_CHANNELS.event, ipcEvent, { name: 'project.deleted', payload: { id: 'prj_1' }, extra: 'dropped' });
    emitter.emit(IPC_CHANNELS.event, ipcEvent, { name: 'not.an.event', payload: {} });
    emitter.emit(IPC_CHANNELS.event, ipcEvent, { name: 'project.deleted' });
    emitter.emit(IPC_CHANNELS.event, ipcEvent, 'project.deleted');
    expect(seen).toEqual([{ name: 'project.deleted', payload: { id: 'prj_1' } }]);
    unsubscribe();
    emitter.emit(IPC_CHANNELS.event, ipcEvent, { name: 'project.deleted', payload: { id: 'prj_2' } });
    expect(seen).toHaveLength(1);
    expect(emitter.listenerCount(IPC_CHANNELS.event)).toBe(0);
  });
});
