export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.join(',');
const ACCEPTED_EXTENSION = /\.(jpe?g|png|webp)$/i;

/**
 * Splits what was dropped into what could be an image we take and what certainly is not. The
 * library sniffs the bytes anyway; this only spares a round trip for a PDF or a folder.
 */
export const partitionImageFiles = (files: readonly File[]): { accepted: File[]; rejected: File[] } => {
  const accepted: File[] = [];
  const rejected: File[] = [];
  for (const file of files) {
    const typed = (ACCEPTED_TYPES as readonly string[]).includes(file.type);
    (typed || (file.type === '' && ACCEPTED_EXTENSION.test(file.name)) ? accepted : rejected).push(file);
  }
  return { accepted, rejected };
};
