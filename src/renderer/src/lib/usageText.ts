import type { SourceType } from '../../../shared/vocabulary';

// Defined beside the contract's words, so the desktop commands record uses under the same name.
export { THIS_APP } from '../../../shared/vocabulary';

const ACTION_LABELS: Record<string, string> = {
  copy: 'Copied to the clipboard',
  export: 'Exported',
  drag_out: 'Dragged out of the app',
  generate_pose: 'Used to generate a pose',
};

/** A known action in words; any other ("apply_style") made readable ("Apply style"). */
export const actionLabel = (action: string): string => {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[_\-.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
};

export const SOURCE_LABELS: Record<SourceType, string> = {
  uploaded: 'Uploaded',
  text_to_image: 'Generated from text',
  from_preset: 'From a preset',
  from_reference: 'From a reference',
};
