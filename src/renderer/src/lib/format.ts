const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (ms: number): string => dateFormat.format(ms);
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

/** "portrait-of-ana_v2.png" → "portrait of ana v2", the same default the library uses. */
export const nameFromFileName = (fileName: string): string => {
  const stem = fileName.includes('.') ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName;
  return stem.replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'Untitled avatar';
};
