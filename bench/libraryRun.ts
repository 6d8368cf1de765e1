// The library benchmark's measuring process: a fresh Node process (so its RSS is the library's, not
// the other benchmarks'), forked by bench/library.ts with the generated library's folder. It opens
// the library, pages, searches and reads stats through the router as the app's main process would,
// and sends its figures back over IPC. Logs go to stderr.
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE_NAME, openLibrary, type Library } from '../src/main/core';
import { AVATAR_SORTS } from '../src/shared/vocabulary';
import { CITIES, FIRST_NAMES, HOBBIES, LAST_NAMES, OCCUPATIONS, TRAITS } from './libraryData';
import { seededRandom } from '../tests/fakes/seededRandom';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const LIST_RUNS = 200;
const SEARCH_RUNS = 200;
const STATS_RUNS = 15;
const WARM_UP = 20;
const PAGE = 100;

export interface LibraryRunResult {
  openMs: number;
  firstPageMs: number;
  listPageMs: number[];
  libraryWidePageMs: number[];
  fullTextMs: { query: string; scope: 'project' | 'library'; sort: string; ms: number; total: number }[];
  firstKeystrokeMs: number[];
  statsMs: number[] | null;
  statsNote: string | null;
  cpuMs: Record<string, number[]>;
  rssBeforeOpenMB: number;
  rssMB: number;
  heapUsedMB: number;
}

/** The same sequence on every machine (mulberry32, shared with the fake inference server). */
const random = seededRandom;

const mb = (bytes: number): number => Number((bytes / 1048576).toFixed(1));

/** What people type: whole words and names (accents or not), prefixes of two to four letters, two words. */
const typedQueries = (rnd: () => number, count: number): string[] => {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const plain = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
  const word = (): string => {
    const source = pick([FIRST_NAMES, LAST_NAMES, OCCUPATIONS, CITIES, TRAITS, ['auburn', 'curly', 'platinum', 'braided', 'hazel', 'olive'], HOBBIES.map((hobby) => hobby.split(' ').at(-1)!)] as const);
    const chosen = pick(source as readonly string[]);
    return rnd() < 0.5 ? plain(chosen).toLowerCase() : chosen;
  };
  return Array.from({ length: count }, () => {
    const roll = rnd();
    if (roll < 0.5) return word();
    if (roll < 0.75) {
      const full = plain(word()).toLowerCase();
      return full.slice(0, 2 + Math.floor(rnd() * 3));
    }
    return `${word()} ${plain(word()).toLowerCase().slice(0, 3 + Math.floor(rnd() * 4))}`;
  });
};

/** CPU time of the calls, beside wall time: on a busy machine, waiting for a core inflates only the latter. */
const cpuMs: Record<string, number[]> = {};

const timed = async <T>(fn: () => Promise<T>, series?: string): Promise<[number, T]> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  if (series) {
    const used = process.cpuUsage(cpu);
    (cpuMs[series] ??= []).push((used.user + used.system) / 1000);
  }
  return [wall, value];
};

const run = async (dir: string): Promise<LibraryRunResult> => {
  const raw = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
  const projectIds = raw.prepare('select id from projects order by id').pluck().all() as string[];
  raw.close();
  const rnd = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

  const rssBeforeOpen = process.memoryUsage().rss;
  const [openMs, library] = await timed(() =>
    openLibrary({ dir, migrationsFolder: MIGRATIONS, sweepOnOpen: false, log: (message, error) => process.stderr.write(`${message} ${String(error ?? '')}\n`) }),
  );
  const call = async (command: string, input: unknown) => {
    const result = await library.router.invoke(command, input, { shell: 'test' });
    if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`);
    return result.value as { total: number };
  };
  const [firstPageMs] = await timed(() => call('avatars.search', { projectId: projectIds[0], limit: PAGE }));

  const list = async (runs: number, withProject: boolean, series?: string): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const input = { ...(withProject && { projectId: pick(projectIds) }), sort: pick(AVATAR_SORTS), limit: PAGE };
      times.push((await timed(() => call('avatars.search', input), series))[0]);
    }
    return times;
  };
  await list(WARM_UP, true);
  const listPageMs = await list(LIST_RUNS, true, 'listPage');
  const libraryWidePageMs = await list(50, false, 'libraryWidePage');

  const fullTextMs: LibraryRunResult['fullTextMs'] = [];
  const queries = typedQueries(rnd, WARM_UP + SEARCH_RUNS);
  for (const [i, query] of queries.entries()) {
    const scope = rnd() < 0.5 ? 'project' : 'library';
    const sort = pick(AVATAR_SORTS);
    const input = { query, sort, limit: PAGE, ...(scope === 'project' && { projectId: pick(projectIds) }) };
    const [ms, page] = await timed(() => call('avatars.search', input), i >= WARM_UP ? 'fullText' : undefined);
    if (i >= WARM_UP) fullTextMs.push({ query, scope, sort, ms, total: page.total });
  }
  // The first letter typed into the search box: a one-letter prefix matches most of the library.
  const firstKeystrokeMs: number[] = [];
  for (const letter of 'abcdefghijklmnoprstuvwz') {
    const input = { query: letter, limit: PAGE, ...(rnd() < 0.5 && { projectId: pick(projectIds) }) };
    firstKeystrokeMs.push((await timed(() => call('avatars.search', input), 'firstKeystroke'))[0]);
  }

  let statsMs: number[] | null = [];
  let statsNote: string | null = null;
  try {
    for (let i = 0; i < STATS_RUNS; i += 1) statsMs.push((await timed(() => call('stats.get', {}), 'stats'))[0]);
  } catch (error) {
    statsMs = null;
    statsNote = `stats.get failed: ${error instanceof Error ? error.message : String(error)}`;
  }

  const memory = process.memoryUsage();
  await closeQuietly(library);
  return {
    openMs,
    firstPageMs,
    listPageMs,
    libraryWidePageMs,
    fullTextMs,
    firstKeystrokeMs,
    statsMs,
    statsNote,
    cpuMs,
    rssBeforeOpenMB: mb(rssBeforeOpen),
    rssMB: mb(memory.rss),
    heapUsedMB: mb(memory.heapUsed),
  };
};

const closeQuietly = async (library: Library): Promise<void> => {
  try {
    await library.close();
  } catch (error) {
    process.stderr.write(`closing the library failed: ${String(error)}\n`);
  }
};

const dir = process.argv[2];
if (!dir || !process.send) {
  process.stderr.write('libraryRun: fork me from bench/library.ts with the library folder\n');
  process.exit(2);
}
try {
  process.send({ ok: true, result: await run(dir) }, () => process.disconnect());
} catch (error) {
  process.send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.disconnect());
}
