// The library at scale: 100,000 avatars in 200 projects. Generates the library here, then measures
// it in a fresh process (bench/libraryRun.ts) so the RSS is that of a main process with the library
// open, not of this one. Figures only; the goals are the issue's, reported next to them.
import { fork } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE_NAME, openLibrary } from '../src/main/core';
import { generateLibrary } from './libraryData';
import type { LibraryRunResult } from './libraryRun';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECTS = 200;
const AVATARS = 100_000;

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Nearest-rank percentile. */
const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
};

const summary = (values: readonly number[], cpu?: readonly number[]) => ({
  runs: values.length,
  p50Ms: round(percentile(values, 50)),
  p95Ms: round(percentile(values, 95)),
  maxMs: round(Math.max(...values)),
  ...(cpu && cpu.length > 0 && { cpuP50Ms: round(percentile(cpu, 50)), cpuP95Ms: round(percentile(cpu, 95)) }),
});

const measure = (dir: string): Promise<LibraryRunResult> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./libraryRun.ts', import.meta.url)), [dir], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let answered = false;
    child.on('message', (message: { ok: boolean; result?: LibraryRunResult; error?: string }) => {
      answered = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(`library bench run failed: ${message.error}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!answered) reject(new Error(`library bench run exited (${code}) without an answer`));
    });
  });

export const benchLibrary = async (work: string) => {
  const dir = path.join(work, 'library-100k');
  const setup = await openLibrary({ dir, migrationsFolder: MIGRATIONS, sweepOnOpen: false, log: () => {} });
  await setup.close();
  process.stderr.write(`[bench] library: generating ${AVATARS} avatars in ${PROJECTS} projects…\n`);
  const generated = generateLibrary(dir, DB_FILE_NAME, PROJECTS, AVATARS);
  const dbBytes = statSync(path.join(dir, DB_FILE_NAME)).size;
  process.stderr.write(`[bench] library: generated in ${Math.round(generated.insertMs)} ms; measuring in a fresh process…\n`);
  const run = await measure(dir);

  const fullText = run.fullTextMs.map((entry) => entry.ms);
  const inScope = (scope: 'project' | 'library') => run.fullTextMs.filter((entry) => entry.scope === scope).map((entry) => entry.ms);
  const slowest = [...run.fullTextMs].sort((a, b) => b.ms - a.ms).slice(0, 5).map((entry) => ({ ...entry, ms: round(entry.ms) }));
  const list = summary(run.listPageMs, run.cpuMs.listPage);
  const search = summary(fullText, run.cpuMs.fullText);
  const statsMedian = run.statsMs && run.statsMs.length > 0 ? round(percentile(run.statsMs, 50)) : null;
  const statsCpu = run.cpuMs.stats ?? [];
  return {
    avatars: AVATARS,
    projects: PROJECTS,
    generateMs: Math.round(generated.insertMs),
    databaseMB: round(dbBytes / 1048576, 1),
    openMs: round(run.openMs),
    firstPageMs: round(run.firstPageMs),
    openToFirstPageMs: round(run.openMs + run.firstPageMs),
    listPage: { ...list, pageSize: 100, scope: 'random project, random sort', goalP95Ms: 5, met: list.p95Ms <= 5 },
    listPageLibraryWide: { ...summary(run.libraryWidePageMs, run.cpuMs.libraryWidePage), pageSize: 100, scope: 'all 100,000, random sort' },
    fullTextSearch: {
      ...search,
      goalP95Ms: 20,
      met: search.p95Ms <= 20,
      withinProject: summary(inScope('project')),
      libraryWide: summary(inScope('library')),
      slowest,
      queries: 'typed words: names with and without accents, jobs, cities, traits, hair words; 2–4 letter prefixes; two words',
    },
    firstKeystroke: { ...summary(run.firstKeystrokeMs, run.cpuMs.firstKeystroke), note: 'one-letter prefixes (a, b, …), half within a project: each matches most of the library' },
    stats: {
      medianMs: statsMedian,
      cpuMedianMs: statsCpu.length > 0 ? round(percentile(statsCpu, 50)) : null,
      runs: run.statsMs?.length ?? 0,
      goalMs: 50,
      met: statsMedian === null ? null : statsMedian <= 50,
      note: run.statsNote,
    },
    loadAverage: os.loadavg().map((load) => round(load)),
    rssMB: run.rssMB,
    rssBeforeOpenMB: run.rssBeforeOpenMB,
    heapUsedMB: run.heapUsedMB,
    notes: [
      'Opened with sweepOnOpen: false (the generated rows have no image files); open = migrations check, services, change feed.',
      'Rows bulk-loaded, then indexes re-created and the FTS index built with the migration\'s own rebuild.',
      'Measured through the router (zod validation, JSON-ready avatars) in a fresh Node process run with tsx; rssBeforeOpenMB is that process before opening the library.',
      'Times are wall clock per call; cpu* is the process CPU time of the same calls, which waiting for a core on a busy machine does not inflate (see loadAverage).',
      `${20} warm-up calls before each timed series.`,
    ],
  };
};
