import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import { STATS_SCHEMA_SQL } from '../../src/main/core/usage/statsSchema';
import type { LibraryStats } from '../../src/shared/domain';
import { newId } from '../../src/shared/ids';
import type { SourceType } from '../../src/shared/vocabulary';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';
import { seedLargeLibrary, type LargeLibrarySize } from './seedLargeLibrary';

const DAY = 86_400_000;
const FULL_SIZE = process.env.USAGE_STATS_FULL === '1';
/** 2026-05-20 15:30 UTC: the window is 2026-04-21 … 2026-05-20. */
const NOW = Date.UTC(2026, 4, 20, 15, 30);
const TODAY = Date.UTC(2026, 4, 20);

const insertAvatar = (raw: Database.Database, projectId: string, name: string, sourceType: SourceType): string => {
  const id = newId('avatar');
  raw
    .prepare(`insert into avatars (id, project_id, name, source_type, image_format, image_width, image_height, image_bytes, image_sha256, created_at, updated_at)
      values (?, ?, ?, ?, 'png', 512, 512, 1000, ?, ?, ?)`)
    .run(id, projectId, name, sourceType, 'a'.repeat(64), NOW - 100 * DAY, NOW - 100 * DAY);
  return id;
};

const insertGeneration = (raw: Database.Database, projectId: string, status: string, finishedAt: number | null): void => {
  raw
    .prepare(`insert into generations (id, project_id, status, stage, max_attempts, recipe, prompt, seed, model, provider, params, created_at, finished_at, updated_at)
      values (?, ?, ?, 'done', 3, '{}', 'a portrait', 1, 'm', 'huggingface', '{}', ?, ?, ?)`)
    .run(newId('generation'), projectId, status, NOW - 200 * DAY, finishedAt, NOW - 200 * DAY);
};

const zeroDays = (): LibraryStats['generationsPerDay'] =>
  Array.from({ length: 30 }, (_, i) => ({ day: new Date(TODAY - (29 - i) * DAY).toISOString().slice(0, 10), completed: 0, failed: 0 }));

describe('library stats', () => {
  let lib: TestLibrary;
  let raw: Database.Database;
  let clock: number;

  beforeEach(async () => {
    clock = NOW;
    lib = await openTestLibrary({ now: () => clock });
    raw = new Database(path.join(lib.dir, DB_FILE_NAME));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    raw.close();
    await lib.dispose();
  });

  const use = async (avatarId: string, appId: string, appName: string, at: number) => {
    clock = at;
    await lib.must('usage.record', { avatarId, appId, appName, action: 'use' });
    clock = NOW;
  };
  const stats = () => lib.must('stats.get', {});

  /** Three projects (one empty), twelve avatars, uses from three apps, jobs on and around the window's edges. */
  const seed = async () => {
    const a = (await lib.must('projects.create', { name: 'A' })).id;
    const b = (await lib.must('projects.create', { name: 'B' })).id;
    await lib.must('projects.create', { name: 'Empty' });
    const sources: SourceType[] = ['uploaded', 'uploaded', 'uploaded', 'text_to_image', 'text_to_image', 'text_to_image', 'text_to_image', 'text_to_image', 'from_preset', 'from_preset', 'from_preset', 'from_preset'];
    const ids = sources.map((source, i) => insertAvatar(raw, i < 7 ? a : b, `Avatar ${i}`, source));
    const T = NOW - 5 * DAY;
    for (let i = 0; i < 5; i += 1) await use(ids[0]!, 'pose-generator', i < 4 ? 'Pose Gen' : 'Pose Generator', T + i * 1000);
    for (let i = 0; i < 3; i += 1) await use(ids[1]!, 'exporter', 'Exporter', T + 10_000 + i);
    for (let i = 0; i < 3; i += 1) await use(ids[2]!, 'exporter', 'Exporter', T + 20_000 + i); // same count as [1], used later
    for (let i = 3; i <= 10; i += 1) await use(ids[i]!, 'clipboard', 'Clipboard', T + 30_000 + i * 1000);
    // ids[11] is never used.

    insertGeneration(raw, a, 'completed', TODAY); // midnight opens today
    insertGeneration(raw, a, 'completed', TODAY + 1);
    insertGeneration(raw, b, 'failed', TODAY + 15 * 3600_000);
    insertGeneration(raw, a, 'completed', TODAY - 29 * DAY); // first day of the window
    insertGeneration(raw, a, 'completed', TODAY - 29 * DAY - 1); // a millisecond too old
    insertGeneration(raw, a, 'completed', TODAY + DAY); // tomorrow (a clock ahead): not in the last 30 days
    for (const status of ['completed', 'completed', 'completed', 'failed', 'failed', 'cancelled']) insertGeneration(raw, b, status, TODAY - 10 * DAY + 5000);
    insertGeneration(raw, a, 'pending', null);
    return { a, b, ids, T };
  };

  it('counts a seeded library exactly: sources with zeros, 30 UTC days with empty ones, top ten, per app with its latest name', async () => {
    const { ids, T } = await seed();
    const days = zeroDays();
    days[0] = { day: '2026-04-21', completed: 1, failed: 0 };
    days[19] = { day: '2026-05-10', completed: 3, failed: 2 };
    days[29] = { day: '2026-05-20', completed: 2, failed: 1 };
    const used = (i: number, usageCount: number, lastUsedAt: number) => ({ avatarId: ids[i], name: `Avatar ${i}`, projectId: expect.any(String), usageCount, lastUsedAt });

    expect(await stats()).toEqual({
      avatars: 12,
      projects: 3,
      bySource: [
        { sourceType: 'uploaded', count: 3 },
        { sourceType: 'text_to_image', count: 5 },
        { sourceType: 'from_preset', count: 4 },
        { sourceType: 'from_reference', count: 0 },
      ],
      generationsPerDay: days,
      mostUsed: [
        used(0, 5, T + 4000),
        used(2, 3, T + 20_002),
        used(1, 3, T + 10_002),
        // Eight avatars used once, the most recent first; the ninth place is the last that fits.
        ...[10, 9, 8, 7, 6, 5, 4].map((i) => used(i, 1, T + 30_000 + i * 1000)),
      ],
      perApp: [
        { appId: 'clipboard', appName: 'Clipboard', count: 8, lastUsed: T + 40_000 },
        { appId: 'exporter', appName: 'Exporter', count: 6, lastUsed: T + 20_002 },
        { appId: 'pose-generator', appName: 'Pose Generator', count: 5, lastUsed: T + 4000 },
      ],
    });
  });

  it('answers an empty library with zeros and thirty empty days', async () => {
    expect(await stats()).toEqual({
      avatars: 0,
      projects: 0,
      bySource: [
        { sourceType: 'uploaded', count: 0 },
        { sourceType: 'text_to_image', count: 0 },
        { sourceType: 'from_preset', count: 0 },
        { sourceType: 'from_reference', count: 0 },
      ],
      generationsPerDay: zeroDays(),
      mostUsed: [],
      perApp: [],
    });
  });

  it('gives the same answers from the proposed running totals, kept exact through cascades; records stay immutable', async () => {
    const { b, ids, T } = await seed();
    const fromHistory = await stats();
    raw.exec(STATS_SCHEMA_SQL); // what the integrator's migration will contain
    expect(await stats()).toEqual(fromHistory);

    await use(ids[11]!, 'exporter', 'Exporter Pro', T + 50_000); // renamed on its latest use
    await use(ids[5]!, 'exporter', 'Exporter', T + 50_000); // a tie on time: the later record's name wins
    await use(ids[8]!, 'one-off', 'One Off', T + 60_000);
    await lib.must('avatars.delete', { id: ids[0]! }); // pose-generator's only uses cascade away
    await lib.must('projects.delete', { id: b }); // ids[7..11]: one-off's only use, and the 'Exporter Pro' tie
    const fromTotals = await stats();
    expect(fromTotals.perApp).toEqual([
      { appId: 'exporter', appName: 'Exporter', count: 7, lastUsed: T + 50_000 },
      { appId: 'clipboard', appName: 'Clipboard', count: 4, lastUsed: T + 36_000 },
    ]);
    expect(raw.prepare('select * from usage_app_totals order by app_id').all()).toEqual([
      { app_id: 'clipboard', app_name: 'Clipboard', count: 4, last_used: T + 36_000 },
      { app_id: 'exporter', app_name: 'Exporter', count: 7, last_used: T + 50_000 },
    ]);
    expect(() => raw.exec("update usage_history set app_id = 'other'")).toThrow(/immutable/);

    raw.exec('drop table usage_app_totals');
    expect(await stats()).toEqual(fromTotals);
  });

  it('reads every figure from an index once the proposed schema is in (EXPLAIN QUERY PLAN)', async () => {
    await seed();
    // Before it, per day must not take the queue index on status: that reads every finished job ever.
    const current = (await capturePlans(raw, stats)).flatMap((p) => p.plan);
    expect(current.filter((step) => step.includes('generations_queue_idx'))).toEqual([]);

    raw.exec(STATS_SCHEMA_SQL);
    const plans = await capturePlans(raw, stats);
    console.log(`stats query plans:\n${plans.map((p) => `  ${p.sql.replace(/\s+/g, ' ').slice(0, 90)}…\n    ${p.plan.join(' | ')}`).join('\n')}`);
    const steps = plans.flatMap((p) => p.plan);
    expect(steps.filter((step) => /^SCAN (generations|usage_history)\b/.test(step))).toEqual([]);
    expect(steps.filter((step) => /^SCAN avatars\b/.test(step) && !/COVERING INDEX/.test(step))).toEqual([]);
    expect(steps.filter((step) => /TEMP B-TREE FOR .*ORDER BY/.test(step))).toEqual([]);
    expect(steps).toContain('SEARCH generations USING COVERING INDEX generations_finished_idx (finished_at>? AND finished_at<?)');
    expect(steps).toContain('SEARCH avatars USING INDEX avatars_usage_rank_idx (usage_count>?)');
    expect(steps).toContain('SCAN usage_app_totals');
  });

  // USAGE_STATS_FULL=1 runs it at the issue's size (a few minutes of seeding); the figures are in the report.
  it('prints how long stats take on a larger generated library (not asserted)', async () => {
    const dir = tempDir('usage-stats-timing');
    try {
      const size: LargeLibrarySize = FULL_SIZE
        ? { projects: 200, avatars: 100_000, usages: 1_000_000, generations: 100_000, apps: 20 }
        : { projects: 20, avatars: 2_000, usages: 30_000, generations: 1_000, apps: 12 };
      const timed = await openTestLibrary({ dir, now: () => NOW, sweepOnOpen: false });
      await timed.library.close();
      let start = performance.now();
      seedLargeLibrary(dir, size, NOW);
      const seedMs = performance.now() - start;
      const measure = async () => {
        const library = await openTestLibrary({ dir, now: () => NOW, sweepOnOpen: false });
        const times: number[] = [];
        for (let i = 0; i < (FULL_SIZE ? 21 : 5); i += 1) {
          start = performance.now();
          await library.must('stats.get', {});
          times.push(performance.now() - start);
        }
        await library.library.close();
        const warm = times.slice(1).sort((x, y) => x - y);
        return `first ${times[0]!.toFixed(1)} ms, then p50 ${warm[Math.floor(warm.length / 2)]!.toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms`;
      };
      const before = await measure();
      const schema = new Database(path.join(dir, DB_FILE_NAME));
      schema.exec(STATS_SCHEMA_SQL);
      schema.close();
      const after = await measure();
      console.log(`stats on ${JSON.stringify(size)} (seeded in ${Math.round(seedMs)} ms): existing indexes: ${before}; with statsSchema: ${after}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, FULL_SIZE ? 3_600_000 : 60_000);
});

/** Runs `fn` while recording each SELECT the library prepares with its parameters, then explains them. */
const capturePlans = async (raw: Database.Database, fn: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> => {
  const captured: { sql: string; params: unknown[] }[] = [];
  const prepare = Database.prototype.prepare;
  vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    if (this === raw || !/^\s*select/i.test(source)) return statement;
    for (const method of ['all', 'get'] as const) {
      const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
      Object.assign(statement, { [method]: (...params: unknown[]) => (captured.push({ sql: source, params }), original(...params)) });
    }
    return statement;
  });
  await fn();
  vi.restoreAllMocks();
  return captured.map(({ sql, params }) => ({
    sql,
    plan: (raw.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail),
  }));
};
