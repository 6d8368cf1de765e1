/**
 * Text hygiene for prompt compilation: everything here is pure and locale-independent, so the
 * same input gives the same bytes on every machine.
 */

// Zero-width characters and bidi overrides: invisible in the UI, yet they change the bytes sent
// (and the tokens the encoder sees), and bidi overrides can disguise what a prompt says.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const CONTROL = /\p{Cc}/gu;
const LONE_SURROGATE = /\p{Cs}/gu;
const EDGE_PUNCTUATION = /^[\s,;:.!?…]+|[\s,;:.!?…]+$/g;

/**
 * Control characters become spaces (a tab or newline separated words), invisible ones vanish,
 * whitespace collapses and stray commas fold. NFC first so canonically equal text is byte-equal.
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])/g, '$1')
    .replace(/,(?: ?,)+/g, ',')
    .trim();
}

/** A fragment to be joined with commas: clean, without punctuation hanging off either end. */
export function fragment(value: unknown, max: number): string {
  return clipAtWord(cleanText(value).replace(EDGE_PUNCTUATION, ''), max);
}

/**
 * Shortens to at most `max` UTF-16 units at the last word boundary. Only a single word longer than
 * the whole budget is cut inside itself, and never through a surrogate pair.
 */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const space = text.lastIndexOf(' ', max);
  let cut = space > 0 ? text.slice(0, space) : text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(EDGE_PUNCTUATION, '');
}

/** Joins prompt segments, skipping empty ones, and folds anything a segment left doubled. */
export function joinSegments(segments: readonly string[]): string {
  return segments
    .filter((segment) => segment !== '')
    .join(', ')
    .replace(/,(?: ?,)+/g, ',')
    .replace(/ {2,}/g, ' ');
}

/** "a", "b and c": a list as a person would say it. */
export function naturalList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The indefinite article by sound, for the words this compiler puts after it (ages, builds, styles). */
export function article(word: string): 'a' | 'an' {
  const lower = word.toLowerCase();
  const digits = /^\d+/.exec(lower)?.[0];
  if (digits !== undefined) return digits.startsWith('8') || digits === '11' || digits === '18' ? 'an' : 'a';
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return 'an';
  if (/^(uni|use|usu|uti|eu|one|once|ewe)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** Removes a trailing noun the caller is about to add itself ("long hair" + "hair" → "long"). */
export function withoutTrailing(value: string, noun: RegExp): string {
  return value.replace(noun, '').trim();
}

/** Upper-cases the first letter only, leaving user casing ("South Asian") alone. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
