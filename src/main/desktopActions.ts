import path from 'node:path';
import { clipboard, nativeImage, type NativeImage, type WebContents } from 'electron';
import { AppError, ErrorCode } from '../shared/errors';
import type { DesktopActions } from './core/router/router';

/**
 * nativeImage decodes only PNG and JPEG (and can crash on WebP on some platforms), so a WebP
 * avatar is redrawn as PNG with sharp, the decoder the library already trusts.
 */
const readImage = async (filePath: string): Promise<NativeImage> => {
  if (path.extname(filePath).toLowerCase() !== '.webp') return nativeImage.createFromPath(filePath);
  const { default: sharp } = await import('sharp');
  const png = await sharp(filePath).png().toBuffer().catch(() => null);
  return png ? nativeImage.createFromBuffer(png) : nativeImage.createEmpty();
};

/** An empty image would silently clear the clipboard or (on macOS) make startDrag throw. */
const nonEmpty = (image: NativeImage, purpose: string): NativeImage => {
  if (image.isEmpty()) throw new AppError(ErrorCode.IMAGE_CORRUPT, `The image could not be read ${purpose}.`);
  return image;
};

/** What the desktop can do for one call; the drag starts from the window that asked for it. */
export const desktopActionsFor = (contents: WebContents): DesktopActions => ({
  async copyImageFile(filePath) {
    clipboard.writeImage(nonEmpty(await readImage(filePath), 'to put it on the clipboard'));
  },
  startDrag(filePath, iconPath) {
    contents.startDrag({ file: filePath, icon: nonEmpty(nativeImage.createFromPath(iconPath), 'to show it while dragging') });
  },
});
