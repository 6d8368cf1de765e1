/**
 * What a user types in the search box, turned into an FTS5 MATCH expression that can only mean
 * "every one of these words, as a prefix, somewhere in the avatar's text".
 *
 * The text is cut into words the way the unicode61 tokenizer cuts it (letters, digits and marks;
 * everything else separates), each word is double-quoted (so AND, OR, NOT, NEAR and column names
 * are plain words) and followed by `*` for a prefix match. Quotes, `*`, `^`, `:`, `-`, `+`,
 * parentheses and SQL quotes are separators, so they never reach FTS5's query syntax, and the
 * expression is bound as a parameter, never spliced into SQL. Text without any letter or digit
 * has no words: it is no text condition at all, like an empty search.
 */

/** Enough words for any real search; more only make the query slower. */
export const MAX_SEARCH_WORDS = 16;

/** The indexed text columns of avatars_fts (drizzle/0003_avatar_search.sql); `project` is not text. */
const TEXT_COLUMNS = '{name persona_name persona_background persona_personality generation_prompt attributes}';

const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;
/** A run of marks alone (a stray accent) is no word: the tokenizer would make nothing of it. */
const HAS_LETTER = /[\p{L}\p{N}]/u;
const PROJECT_ID = /^prj_([0-9a-z]{24})$/;

/** The words of a search, lower-cased and without repeats, in the order typed. */
export const searchWords = (text: string | undefined): string[] => {
  if (!text) return [];
  const words = text.normalize('NFC').toLowerCase().split(NOT_WORD).filter((word) => HAS_LETTER.test(word));
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
};

/** `"w1"* "w2"*` (FTS5 ANDs juxtaposed phrases), or null when the text has no words. */
export const wordsExpression = (text: string | undefined): string | null => {
  const words = searchWords(text);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
};

/**
 * The full MATCH expression: the words, only in the text columns, and within a project when one
 * is given (the project id's body is indexed as one token; ids are validated, [0-9a-z] only).
 */
export const matchExpression = (words: string, projectId: string | null): string => {
  const text = `${TEXT_COLUMNS} : (${words})`;
  if (projectId === null) return text;
  const body = PROJECT_ID.exec(projectId)?.[1];
  if (body === undefined) throw new Error('matchExpression: not a project id');
  return `${text} AND project : "${body}"`;
};
