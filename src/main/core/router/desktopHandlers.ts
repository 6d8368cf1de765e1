import { access } from 'node:fs/promises';
import type { ImageFormat } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { THIS_APP } from '../../../shared/vocabulary';
import { avatarNotFound } from '../avatars/avatarService';
import type { ImageStore } from '../images/imageStore';
import type { UsageService } from '../usage/usageService';
import type { DesktopActions, HandlerGroup, RequestContext } from './router';

export interface DesktopDeps {
  images: ImageStore;
  usage: UsageService;
  /** The stored format of an avatar's full image; null when there is no such avatar. */
  formatOf(avatarId: string): ImageFormat | null;
}

/** Checked before anything else, so a shell that cannot do it never records a use. */
const desktopOf = (ctx: RequestContext, what: string): DesktopActions => {
  if (!ctx.desktop) throw new AppError(ErrorCode.UNSUPPORTED, `Only the desktop app can ${what}.`);
  return ctx.desktop;
};

/** A file removed behind the library's back is named as such, rather than handed to the OS as a dangling path. */
const existing = async (filePath: string, avatarId: string): Promise<string> => {
  try {
    await access(filePath);
    return filePath;
  } catch {
    throw new AppError(ErrorCode.NOT_FOUND, `The image file of avatar ${avatarId} is missing from the library.`);
  }
};

const filesOf = async ({ images, formatOf }: DesktopDeps, avatarId: string): Promise<{ full: string; thumb: string }> => {
  const format = formatOf(avatarId);
  if (!format) throw avatarNotFound(avatarId);
  return {
    full: await existing(images.pathFor(avatarId, 'full', format), avatarId),
    thumb: await existing(images.pathFor(avatarId, 'thumb', format), avatarId),
  };
};

/** The use is recorded only after the shell did its part: a failed copy or drag is not a use. */
export const desktopHandlers = (deps: DesktopDeps): HandlerGroup<'avatars.copyImage' | 'avatars.startDrag'> => ({
  'avatars.copyImage': async ({ id }, ctx) => {
    const desktop = desktopOf(ctx, 'put an image on the clipboard');
    const { full } = await filesOf(deps, id);
    await desktop.copyImageFile(full);
    return deps.usage.record({ avatarId: id, ...THIS_APP, action: 'copy' });
  },
  'avatars.startDrag': async ({ id }, ctx) => {
    const desktop = desktopOf(ctx, 'drag an image file out of the window');
    const { full, thumb } = await filesOf(deps, id);
    desktop.startDrag(full, thumb);
    return deps.usage.record({ avatarId: id, ...THIS_APP, action: 'drag_out' });
  },
});
