/**
 * Colour words → hex for the offline provider. Free text is matched by the longest known phrase
 * it contains ("strawberry blonde" before "blonde", "dark brown" before "brown"); a `#rrggbb`
 * value is taken as written; a lone "dark"/"light" modifier shades a base colour. Text that names
 * no known colour gives null, and the caller falls back to a pick driven by the seed.
 */

export type Hex = string;

/** Hair: the natural shades are the avataaars palette, so unspecified hair looks like the library's own. */
export const HAIR_COLORS: Record<string, Hex> = {
  'jet black': '16110f',
  black: '2c1b18',
  'dark brown': '4a312c',
  chestnut: '6f3b22',
  brown: '724133',
  'light brown': 'a0703f',
  'ash brown': '6e5e52',
  auburn: '922f1c',
  mahogany: '6b2418',
  ginger: 'c93305',
  red: 'b8321a',
  copper: 'b5541c',
  'strawberry blonde': 'd89a6a',
  honey: 'c89b4e',
  'honey blonde': 'd1a65a',
  caramel: 'a86b32',
  golden: 'd6a84a',
  'dirty blonde': 'b08d57',
  'dark blonde': 'b08d57',
  'ash blonde': 'cbbd9b',
  blonde: 'd6b370',
  blond: 'd6b370',
  platinum: 'ecdcbf',
  'salt and pepper': '8c8a88',
  'salt-and-pepper': '8c8a88',
  silver: 'c9c9cc',
  grey: 'a6a6a6',
  gray: 'a6a6a6',
  white: 'eeeeee',
  pink: 'f59797',
  blue: '3f6fd1',
  teal: '1f9e9a',
  green: '3f9e5a',
  purple: '7a4fb0',
  violet: '7a4fb0',
  lavender: 'b7a3e0',
  orange: 'e8772e',
};
export const NATURAL_HAIR: Hex[] = ['2c1b18', '4a312c', '724133', 'a55728', 'b58143', 'd6b370', 'c93305'];

export const SKIN_TONES: Record<string, Hex> = {
  porcelain: 'ffe7d6',
  'very fair': 'ffe7d6',
  pale: 'ffe3cc',
  fair: 'ffdbb4',
  light: 'ffdbb4',
  peach: 'f5c6a5',
  beige: 'e8c39e',
  'light brown': 'd9a673',
  medium: 'edb98a',
  olive: 'c99d66',
  golden: 'e0a86b',
  honey: 'd6a060',
  tan: 'd08b5b',
  tanned: 'd08b5b',
  caramel: 'c68642',
  bronze: 'b07040',
  brown: 'a0643c',
  'medium brown': 'a0643c',
  'dark brown': '7a4a2e',
  mahogany: '6e3b24',
  dark: '614335',
  deep: '4a2f24',
  ebony: '3f2a1f',
  espresso: '3b2219',
};
export const NATURAL_SKIN: Hex[] = ['ffdbb4', 'edb98a', 'd08b5b', 'ae5d29', '614335'];

export const EYE_COLORS: Record<string, Hex> = {
  'dark brown': '3d2314',
  brown: '6b3e1e',
  'light brown': 'a0692c',
  amber: 'c68a1e',
  hazel: '8e6b32',
  green: '3f8a4b',
  emerald: '1f8a5a',
  'blue-green': '2f9a9a',
  'blue green': '2f9a9a',
  teal: '2f9a9a',
  aqua: '3bb3c3',
  'light blue': '7fb3e6',
  'ice blue': '9cc9ee',
  'sky blue': '7fb3e6',
  blue: '3b7dd8',
  steel: '6f8597',
  grey: '8393a0',
  gray: '8393a0',
  black: '1d1612',
  violet: '7a4fb0',
  purple: '7a4fb0',
  gold: 'c9a227',
  red: 'b3262d',
};
export const NATURAL_EYES: Hex[] = ['3d2314', '6b3e1e', '8e6b32', '3f8a4b', '3b7dd8', '8393a0'];

const HEX = /#([0-9a-f]{6})\b/i;

const channel = (hex: Hex, index: number): number => parseInt(hex.slice(index * 2, index * 2 + 2), 16);
const toHex = (channels: number[]): Hex => channels.map((value) => Math.round(Math.min(255, Math.max(0, value))).toString(16).padStart(2, '0')).join('');

/** Linear blend: `amount` 0 keeps `from`, 1 gives `to`. */
export const mix = (from: Hex, to: Hex, amount: number): Hex =>
  toHex([0, 1, 2].map((index) => channel(from, index) + (channel(to, index) - channel(from, index)) * amount));

export const darken = (hex: Hex, amount: number): Hex => mix(hex, '000000', amount);
export const lighten = (hex: Hex, amount: number): Hex => mix(hex, 'ffffff', amount);

const byLength = (table: Record<string, Hex>): [RegExp, Hex, string][] =>
  Object.entries(table)
    .sort(([a], [b]) => b.length - a.length)
    .map(([word, hex]) => [new RegExp(`(^|[^a-z])${word.replace(/[-\s]/g, '[-\\s]?')}([^a-z]|$)`), hex, word]);

const compiled = new WeakMap<Record<string, Hex>, [RegExp, Hex, string][]>();

/** The colour a phrase names, or null when it names none this table knows. */
export const parseColor = (text: string | null | undefined, table: Record<string, Hex>): Hex | null => {
  if (!text) return null;
  const words = text.toLowerCase().trim();
  const hex = HEX.exec(words);
  if (hex) return hex[1]!.toLowerCase();
  let entries = compiled.get(table);
  if (!entries) compiled.set(table, (entries = byLength(table)));
  const found = entries.find(([pattern]) => pattern.test(words));
  if (!found) return null;
  const [, base, word] = found;
  // "dark auburn", "light blue" when the table has no such compound: shade the base colour.
  const rest = words.replace(word, ' ');
  if (/\b(dark|deep)\b/.test(rest) && !/\b(dark|deep)\b/.test(word)) return darken(base, 0.3);
  if (/\b(light|pale|pastel)\b/.test(rest) && !/\b(light|pale)\b/.test(word)) return lighten(base, 0.3);
  return base;
};
