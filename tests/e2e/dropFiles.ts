import type { JSHandle, Locator } from 'playwright-core';

export interface FileToDrop {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The bits of the page's DOM the in-page code below uses (the test project has no DOM types). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): unknown } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
}

/** A real DataTransfer holding real File objects, built inside the page from the given bytes. */
const buildDataTransfer = (target: Locator, files: readonly FileToDrop[]): Promise<JSHandle> =>
  target.page().evaluateHandle(
    (payload) => {
      const page = globalThis as unknown as PageGlobals;
      const transfer = new page.DataTransfer();
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new page.File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: Buffer.from(file.bytes).toString('base64') })),
  );

/** Drags files over `target` and drops them, as the OS would: dragenter, dragover, drop. */
export const dropFiles = async (target: Locator, files: readonly FileToDrop[]): Promise<void> => {
  const dataTransfer = await buildDataTransfer(target, files);
  try {
    for (const type of ['dragenter', 'dragover', 'drop'] as const) await target.dispatchEvent(type, { dataTransfer });
  } finally {
    await dataTransfer.dispose();
  }
};

/** The decoded width of an <img>: 0 until the image really loaded. */
export const naturalWidth = (image: Locator): Promise<number> => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
