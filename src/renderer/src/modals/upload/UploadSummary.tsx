import { plural } from '../../lib/format';
import type { UploadItem } from './useUploadQueue';

const count = (items: readonly UploadItem[], status: UploadItem['status']) => items.filter((item) => item.status === status).length;

export const primaryLabel = (items: readonly UploadItem[], busy: boolean): string => {
  if (busy) return 'Uploading…';
  const ready = count(items, 'ready');
  const failed = count(items, 'failed');
  if (ready === 0 && failed > 0) return `Retry ${failed} failed`;
  return count(items, 'done') + failed > 0 ? `Upload ${ready} remaining` : `Upload ${plural(ready, 'image')}`;
};

/** "2 of 3 added · 1 failed", announced as it changes. */
export const UploadSummary = ({ items }: { items: readonly UploadItem[] }) => {
  const done = count(items, 'done');
  const failed = count(items, 'failed');
  const uploading = items.findIndex((item) => item.status === 'uploading');
  let text = '';
  if (uploading !== -1) text = `Uploading ${uploading + 1} of ${items.length}…`;
  else if (done === items.length) text = done === 1 ? 'Added to the project.' : `All ${done} added to the project.`;
  else if (done || failed) text = `${done} of ${items.length} added${failed ? ` · ${failed} failed` : ''}`;
  return (
    <p className={`upload-summary${failed ? ' upload-summary--failed' : done === items.length && done > 0 ? ' upload-summary--done' : ''}`} aria-live="polite">
      {text}
    </p>
  );
};
