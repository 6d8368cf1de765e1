import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyImage, onUsageRecorded, recordUsage, startNativeDrag } from '../../src/renderer/src/components/usage/usageActions';
import type { AppTransport } from '../../src/renderer/src/transport';
import type { Avatar } from '../../src/shared/domain';
import type { AppErrorShape } from '../../src/shared/errors';

const AVATAR = { id: 'ava_000000000000000000000001', name: 'Ana', image: { format: 'webp' } } as unknown as Avatar;

/** A transport that records each command and answers every one the same way. */
const fakeTransport = (shell: AppTransport['shell'], error: AppErrorShape | null = null) => {
  const calls: { command: string; input: unknown }[] = [];
  const transport = {
    shell,
    connection: null,
    invoke: async (command: string, input: unknown) => {
      calls.push({ command, input });
      return error ? { ok: false, error } : { ok: true, value: { id: 'use_000000000000000000000001', avatarId: AVATAR.id } };
    },
    on: () => () => {},
    onResync: () => () => {},
    imageUrl: (id: string, variant: string) => `/images/${id}/${variant}`,
  } as unknown as AppTransport;
  return { transport, calls };
};

const listening = () => {
  const heard: string[] = [];
  const stop = onUsageRecorded((avatarId) => heard.push(avatarId));
  return { heard, stop };
};

describe('usage actions in the desktop app', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('copies through avatars.copyImage, which records the use, and tells listeners once', async () => {
    const { transport, calls } = fakeTransport('electron');
    const listener = listening();
    stop = listener.stop;
    expect(await copyImage(transport, AVATAR)).toEqual({ ok: true, recorded: true });
    expect(calls).toEqual([{ command: 'avatars.copyImage', input: { id: AVATAR.id } }]);
    expect(listener.heard).toEqual([AVATAR.id]);
  });

  it('reports a failed copy without telling listeners', async () => {
    const listener = listening();
    stop = listener.stop;
    const failed = fakeTransport('electron', { code: 'IMAGE_CORRUPT', message: 'The image could not be read to put it on the clipboard.' });
    expect(await copyImage(failed.transport, AVATAR)).toEqual({ ok: false, reason: 'failed', message: 'The image could not be read to put it on the clipboard.' });
    const refused = fakeTransport('electron', { code: 'UNSUPPORTED', message: 'Only the desktop app can put an image on the clipboard.' });
    expect(await copyImage(refused.transport, AVATAR)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(listener.heard).toEqual([]);
  });

  it('starts a native drag through avatars.startDrag and records nothing more', async () => {
    const { transport, calls } = fakeTransport('electron');
    const listener = listening();
    stop = listener.stop;
    expect(await startNativeDrag(transport, AVATAR.id)).toBeNull();
    expect(calls).toEqual([{ command: 'avatars.startDrag', input: { id: AVATAR.id } }]);
    expect(listener.heard).toEqual([AVATAR.id]);
  });

  it('passes a failed drag on as its error', async () => {
    const error = { code: 'NOT_FOUND', message: 'No avatar with id x.' } as const;
    const { transport } = fakeTransport('electron', error);
    expect(await startNativeDrag(transport, AVATAR.id)).toEqual(error);
  });
});

describe('usage actions in a browser', () => {
  it('never asks for the desktop commands; without a clipboard API the copy is unsupported', async () => {
    const { transport, calls } = fakeTransport('web');
    vi.stubGlobal('navigator', {});
    try {
      expect(await copyImage(transport, AVATAR)).toMatchObject({ ok: false, reason: 'unsupported' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls).toEqual([]);
  });

  it('records a use itself with this app’s name', async () => {
    const { transport, calls } = fakeTransport('web');
    expect(await recordUsage(transport, AVATAR.id, 'export')).toBeNull();
    expect(calls).toEqual([{ command: 'usage.record', input: { avatarId: AVATAR.id, appId: 'avatar-creator', appName: 'Avatar Creator', action: 'export' } }]);
  });
});
