import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { desktopActionsFor } from '../../src/main/desktopActions';
import { registerCommandHandler } from '../../src/main/ipc';
import type { Avatar, UsageRecord } from '../../src/shared/domain';
import { IPC_CHANNELS } from '../../src/shared/names';
import type { Result } from '../../src/shared/result';
import * as electron from '../helpers/fakeElectron';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

/**
 * The shared fake has no clipboard or nativeImage; these record every call. Like the real
 * nativeImage, an image is empty when its file is missing or is not PNG or JPEG.
 */
const fake = vi.hoisted(() => {
  type Source = { path: string } | { png: Buffer } | { empty: true };
  class FakeNativeImage {
    constructor(
      readonly source: Source,
      private readonly empty: boolean,
    ) {}
    isEmpty(): boolean {
      return this.empty;
    }
  }
  const clipboardWrites: FakeNativeImage[] = [];
  return {
    FakeNativeImage,
    clipboardWrites,
    createdFromPath: [] as string[],
    clipboard: { writeImage: (image: FakeNativeImage) => clipboardWrites.push(image) },
    decodable: (file: string): boolean => /\.(png|jpe?g)$/i.test(file),
  };
});

vi.mock('electron', async () => {
  const { existsSync: exists } = await import('node:fs');
  const base = await import('../helpers/fakeElectron');
  const nativeImage = {
    createFromPath: (file: string) => {
      fake.createdFromPath.push(file);
      return new fake.FakeNativeImage({ path: file }, !(exists(file) && fake.decodable(file)));
    },
    createFromBuffer: (buffer: Buffer) => new fake.FakeNativeImage({ png: buffer }, buffer.subarray(1, 4).toString() !== 'PNG'),
    createEmpty: () => new fake.FakeNativeImage({ empty: true }, true),
  };
  return { ...base, clipboard: fake.clipboard, nativeImage };
});

/** The shared fake contents plus the one method a drag needs. */
class DraggableContents extends electron.FakeWebContents {
  readonly drags: { file: string; icon: InstanceType<typeof fake.FakeNativeImage> }[] = [];
  startDrag(item: { file: string; icon: InstanceType<typeof fake.FakeNativeImage> }): void {
    this.drags.push(item);
  }
}

const asWebContents = (contents: DraggableContents): WebContents => contents as unknown as WebContents;

let lib: TestLibrary;
let jpeg: Avatar;
let webp: Avatar;
const fullOf = (avatar: Avatar) => lib.library.images.pathFor(avatar.id, 'full', avatar.image.format);
const thumbOf = (avatar: Avatar) => lib.library.images.pathFor(avatar.id, 'thumb', avatar.image.format);

beforeAll(async () => {
  lib = await openTestLibrary();
  const projectId = (await lib.must('projects.create', { name: 'Cast' })).id;
  jpeg = await lib.must('avatars.upload', { projectId, fileName: 'ana.jpg', bytes: await makeImage('jpeg', 320, 240) });
  webp = await lib.must('avatars.upload', { projectId, fileName: 'bo.webp', bytes: await makeImage('webp', 200, 100) });
});
afterAll(async () => {
  await lib.dispose();
});
beforeEach(() => {
  fake.clipboardWrites.length = 0;
  fake.createdFromPath.length = 0;
});

describe('desktopActionsFor', () => {
  it('copies a JPEG or PNG straight from its file', async () => {
    await desktopActionsFor(asWebContents(new DraggableContents())).copyImageFile(fullOf(jpeg));
    expect(fake.clipboardWrites).toHaveLength(1);
    expect(fake.clipboardWrites[0]!.source).toEqual({ path: fullOf(jpeg) });
    expect(fake.clipboardWrites[0]!.isEmpty()).toBe(false);
  });

  it('redraws a WebP as PNG first, since nativeImage cannot decode WebP', async () => {
    await desktopActionsFor(asWebContents(new DraggableContents())).copyImageFile(fullOf(webp));
    expect(fake.createdFromPath).toEqual([]);
    expect(fake.clipboardWrites).toHaveLength(1);
    const source = fake.clipboardWrites[0]!.source as { png: Buffer };
    const meta = await sharp(source.png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 200, height: 100 });
  });

  it('refuses to put an empty image on the clipboard', async () => {
    const missing = path.join(lib.dir, 'images', 'gone.png');
    expect(existsSync(missing)).toBe(false);
    const copy = desktopActionsFor(asWebContents(new DraggableContents())).copyImageFile(missing);
    await expect(copy).rejects.toMatchObject({ name: 'AppError', code: 'IMAGE_CORRUPT' });
    expect(fake.clipboardWrites).toEqual([]);
  });

  it('drags the file from the contents that asked, with the thumbnail as its icon', () => {
    const contents = new DraggableContents();
    const other = new DraggableContents();
    desktopActionsFor(asWebContents(contents)).startDrag(fullOf(webp), thumbOf(webp));
    expect(contents.drags).toHaveLength(1);
    expect(contents.drags[0]!.file).toBe(fullOf(webp));
    expect(contents.drags[0]!.icon.source).toEqual({ path: thumbOf(webp) });
    expect(contents.drags[0]!.icon.isEmpty()).toBe(false);
    expect(other.drags).toEqual([]);
  });

  it('refuses a drag whose icon cannot be read (macOS would throw)', () => {
    const contents = new DraggableContents();
    const drag = () => desktopActionsFor(asWebContents(contents)).startDrag(fullOf(jpeg), path.join(lib.dir, 'thumbs', 'gone.jpg'));
    expect(drag).toThrow(expect.objectContaining({ code: 'IMAGE_CORRUPT' }));
    expect(contents.drags).toEqual([]);
  });
});

describe('the IPC handler hands the router desktop actions for the sender', () => {
  let unregister: () => void;
  beforeAll(() => {
    unregister = registerCommandHandler(lib.library.router, undefined);
  });
  afterAll(() => unregister());

  const invokeFrom = async (contents: DraggableContents, command: string, input: unknown) => {
    const handler = electron.ipcMain.handlers.get(IPC_CHANNELS.invoke);
    if (!handler) throw new Error('no IPC handler registered');
    return (await handler({ sender: contents, senderFrame: contents.mainFrame }, command, input)) as Result<UsageRecord>;
  };

  it('copies over IPC and records the use', async () => {
    const contents = new DraggableContents();
    contents.url = 'app://renderer/index.html';
    const result = await invokeFrom(contents, 'avatars.copyImage', { id: jpeg.id });
    expect(result).toMatchObject({ ok: true, value: { avatarId: jpeg.id, appId: 'avatar-creator', action: 'copy' } });
    expect(fake.clipboardWrites.map((image) => image.source)).toEqual([{ path: fullOf(jpeg) }]);
  });

  it('starts the drag in the window that asked and records the use', async () => {
    const contents = new DraggableContents();
    contents.url = 'app://renderer/index.html';
    const result = await invokeFrom(contents, 'avatars.startDrag', { id: jpeg.id });
    expect(result).toMatchObject({ ok: true, value: { avatarId: jpeg.id, action: 'drag_out' } });
    expect(contents.drags.map((drag) => ({ file: drag.file, icon: drag.icon.source }))).toEqual([{ file: fullOf(jpeg), icon: { path: thumbOf(jpeg) } }]);
  });
});
