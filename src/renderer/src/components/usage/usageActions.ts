import type { Avatar } from '../../../../shared/domain';
import { ErrorCode, type AppErrorShape } from '../../../../shared/errors';
import type { AppTransport } from '../../transport';
import { THIS_APP } from '../../../../shared/vocabulary';

export const USAGE_ACTIONS = { copy: 'copy', export: 'export', dragOut: 'drag_out' } as const;
type UsageAction = (typeof USAGE_ACTIONS)[keyof typeof USAGE_ACTIONS];

const MIME: Record<Avatar['image']['format'], string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const EXTENSION: Record<Avatar['image']['format'], string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** "Ana Lima, 28?" → "Ana Lima, 28.png": what the file is called wherever it lands. */
export const fileNameOf = (avatar: Pick<Avatar, 'name' | 'image'>): string => {
  const stem = avatar.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'avatar';
  return `${stem}.${EXTENSION[avatar.image.format]}`;
};

/** Told about uses this window recorded, so a timeline on screen need not wait for the round trip of an event. */
const recorded = new Set<(avatarId: string) => void>();

export const onUsageRecorded = (listener: (avatarId: string) => void): (() => void) => {
  recorded.add(listener);
  return () => {
    recorded.delete(listener);
  };
};

const notifyRecorded = (avatarId: string): void => {
  for (const listener of [...recorded]) listener(avatarId);
};

/** Records one use of an avatar by this app. */
export const recordUsage = async (transport: AppTransport, avatarId: string, action: UsageAction): Promise<AppErrorShape | null> => {
  const result = await transport.invoke('usage.record', { avatarId, ...THIS_APP, action });
  if (!result.ok) return result.error;
  notifyRecorded(avatarId);
  return null;
};

/** A native drag of the image file from the desktop window; the command records the use itself. */
export const startNativeDrag = async (transport: AppTransport, avatarId: string): Promise<AppErrorShape | null> => {
  const result = await transport.invoke('avatars.startDrag', { id: avatarId });
  if (!result.ok) return result.error;
  notifyRecorded(avatarId);
  return null;
};

/** The full image as a browser download (same-origin on the web bridge, so `download` names the file). */
export const exportImage = (transport: AppTransport, avatar: Avatar): void => {
  const anchor = document.createElement('a');
  anchor.href = transport.imageUrl(avatar.id, 'full');
  anchor.download = fileNameOf(avatar);
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
};

/** Clipboards take PNG: anything else is redrawn as one. */
const pngOf = async (url: string): Promise<Blob> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The image could not be read (HTTP ${response.status}).`);
  const blob = await response.blob();
  if (blob.type === 'image/png') return blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('The image could not be converted.'))), 'image/png'));
};

/** `recorded`: the use is already in the history (the desktop command records it), so the caller must not record it again. */
export type CopyOutcome = { ok: true; recorded: boolean } | { ok: false; reason: 'unsupported' | 'denied' | 'failed'; message: string };

/** The desktop window grants no clipboard permission and its CSP keeps fetch off avatar-image:, so the main process copies. */
const copyInMainProcess = async (transport: AppTransport, avatarId: string): Promise<CopyOutcome> => {
  const result = await transport.invoke('avatars.copyImage', { id: avatarId });
  if (!result.ok) {
    return { ok: false, reason: result.error.code === ErrorCode.UNSUPPORTED ? 'unsupported' : 'failed', message: result.error.message };
  }
  notifyRecorded(avatarId);
  return { ok: true, recorded: true };
};

/**
 * Puts the full image on the clipboard. In the desktop app the main process does it and records
 * the use; in a browser the PNG is handed over as a promise, so the click's user activation still
 * counts while the image loads.
 */
export const copyImage = async (transport: AppTransport, avatar: Avatar): Promise<CopyOutcome> => {
  if (transport.shell === 'electron') return copyInMainProcess(transport, avatar.id);
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') {
    return { ok: false, reason: 'unsupported', message: 'This window cannot put images on the clipboard.' };
  }
  try {
    const png = pngOf(transport.imageUrl(avatar.id, 'full'));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true, recorded: false };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return { ok: false, reason: 'denied', message: 'Copying images is not allowed in this window.' };
    return { ok: false, reason: 'failed', message: error instanceof Error && error.message ? error.message : 'The image could not be copied.' };
  }
};

/** Drag data that lets the image be dropped as a file (Chromium's DownloadURL) or as a link anywhere else. */
export const setDragOutData = (dataTransfer: DataTransfer, transport: AppTransport, avatar: Avatar): void => {
  const url = new URL(transport.imageUrl(avatar.id, 'full'), window.location.href).href;
  dataTransfer.effectAllowed = 'copy';
  dataTransfer.setData('DownloadURL', `${MIME[avatar.image.format]}:${fileNameOf(avatar)}:${url}`);
  dataTransfer.setData('text/uri-list', url);
  dataTransfer.setData('text/plain', url);
};
