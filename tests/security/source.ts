import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const readText = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

/** Every .ts/.tsx file under a folder of the repository, as repository-relative paths. */
export const sourceFiles = (relativeDir: string): string[] => {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const child = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  walk(relativeDir);
  return found.sort();
};

/**
 * Source text with comments blanked out (strings kept), so a check never passes or fails on a
 * sentence in a comment. A small scanner, not a parser: enough for code that compiles.
 */
export const code = (text: string): string => {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const next = text[i + 1];
    if (quote) {
      out += char;
      if (char === '\\') {
        out += next ?? '';
        i += 1;
      } else if (char === quote) quote = null;
      continue;
    }
    if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
      continue;
    }
    if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    out += char;
  }
  return out;
};

export const codeOf = (relative: string): string => code(readText(relative));

/** The text from `start` to its matching closing bracket: the argument list of a call, a literal's body. */
export const balanced = (text: string, start: number): string => {
  const open = text[start]!;
  const close = ({ '(': ')', '{': '}', '[': ']' } as Record<string, string>)[open];
  if (!close) throw new Error(`no bracket at ${start}`);
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    else if (text[i] === close) {
      depth -= 1;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  throw new Error('unbalanced');
};

/** The argument lists of every call of `callee` (e.g. `ipcMain.handle`) in the text. */
export const callsOf = (text: string, callee: string): string[] => {
  const calls: string[] = [];
  const pattern = new RegExp(`${callee.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`, 'g');
  for (const match of text.matchAll(pattern)) calls.push(balanced(text, match.index + match[0].length - 1));
  return calls;
};

/** Directives of a CSP string, by name. */
export const cspDirectives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
