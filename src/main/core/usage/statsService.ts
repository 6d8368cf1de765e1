import { sql } from 'drizzle-orm';
import type { LibraryStats } from '../../../shared/domain';
import { SOURCE_TYPES } from '../../../shared/vocabulary';
import type { Queryable } from '../db/open';
import type { LibraryContext } from '../library/context';
import { DAY_MS, utcDayWindow } from './utcDays';

export const STATS_DAYS = 30;
export const MOST_USED_LIMIT = 10;

type PerApp = LibraryStats['perApp'][number];

/**
 * Library-wide figures for the stats view, all read from one snapshot so they agree. Each query
 * is shaped for an index; statsSchema.ts lists the ones the 100,000-avatar budget needs.
 */
export class StatsService {
  constructor(private readonly ctx: LibraryContext) {}

  get(): LibraryStats {
    const { db, now } = this.ctx;
    const at = now();
    return db.transaction(
      (tx) => ({
        avatars: countRows(tx, 'avatars'),
        projects: countRows(tx, 'projects'),
        bySource: countBySource(tx),
        generationsPerDay: generationsPerDay(tx, at),
        mostUsed: mostUsed(tx),
        perApp: sortPerApp(hasTable(tx, 'usage_app_totals') ? perAppFromTotals(tx) : perAppFromHistory(tx)),
      }),
      { behavior: 'deferred' },
    );
  }
}

/** A bare count(*) walks page headers rather than rows: well under a millisecond for 100,000. */
const countRows = (db: Queryable, table: 'avatars' | 'projects'): number =>
  db.get<{ count: number }>(sql`select count(*) as count from ${sql.identifier(table)}`)?.count ?? 0;

/**
 * Every source type in the vocabulary's order, zeros included, so a chart's bars do not come and
 * go. One indexed count per type is about twice as fast as a GROUP BY over the whole index.
 */
const countBySource = (db: Queryable): LibraryStats['bySource'] =>
  SOURCE_TYPES.map((sourceType) => ({
    sourceType,
    count: db.get<{ count: number }>(sql`select count(*) as count from avatars where source_type = ${sourceType}`)?.count ?? 0,
  }));

/** Finished jobs per UTC day (by finished_at) over the last STATS_DAYS days, oldest first, empty days as zeros. */
const generationsPerDay = (db: Queryable, at: number): LibraryStats['generationsPerDay'] => {
  const window = utcDayWindow(at, STATS_DAYS);
  // Only the finished_at range constrains the scan: with `status in (...)` in the WHERE the planner
  // takes the queue index on status and reads every finished job ever (~550 ms at 100,000 jobs).
  // The divisor is a literal: a bound JS number arrives as REAL, which would make the day bucket fractional.
  const rows = db.all<{ dayIndex: number; completed: number; failed: number }>(sql`
    select finished_at / ${sql.raw(String(DAY_MS))} as dayIndex,
      sum(status = 'completed') as completed, sum(status = 'failed') as failed
    from generations
    where finished_at >= ${window.startMs} and finished_at < ${window.endMs}
    group by dayIndex`);
  const days = window.days.map((day) => ({ day: day.label, completed: 0, failed: 0 }));
  for (const row of rows) {
    const entry = days[row.dayIndex - window.firstDayIndex];
    if (entry) Object.assign(entry, { completed: row.completed, failed: row.failed });
  }
  return days;
};

/**
 * No id tie-break on purpose: with (usage_count, last_used_at) indexed, this ORDER BY is the
 * index's own order and the query stops after ten entries. Adding `id` makes the planner fall
 * back to sorting every avatar that shares the top count (85 ms when all of 100,000 are tied).
 */
const mostUsed = (db: Queryable): LibraryStats['mostUsed'] =>
  db.all<LibraryStats['mostUsed'][number]>(sql`
    select id as avatarId, name, project_id as projectId, usage_count as usageCount, last_used_at as lastUsedAt
    from avatars
    where usage_count > 0
    order by usage_count desc, last_used_at desc
    limit ${MOST_USED_LIMIT}`);

const hasTable = (db: Queryable, name: string): boolean =>
  db.get<{ found: number }>(sql`select 1 as found from sqlite_schema where type = 'table' and name = ${name}`) !== undefined;

/** The running totals the triggers in statsSchema.ts keep: one row per app. */
const perAppFromTotals = (db: Queryable): PerApp[] =>
  db.all<PerApp>(sql`select app_id as appId, app_name as appName, count, last_used as lastUsed from usage_app_totals`);

/**
 * The same figures from the history itself: counts and last uses from the (app_id, created_at)
 * index, and each app's name as it gave it on its latest use (later insert wins a tie, as in the
 * triggers). Correct at any size, but counting every index entry costs ~150 ms at 1,000,000 rows.
 */
const perAppFromHistory = (db: Queryable): PerApp[] =>
  db
    .all<{ appId: string; count: number; lastUsed: number }>(sql`
      select app_id as appId, count(*) as count, max(created_at) as lastUsed from usage_history group by app_id`)
    .map((total) => {
      const latest = db.get<{ appName: string }>(sql`
        select app_name as appName from usage_history where app_id = ${total.appId} order by created_at desc, rowid desc limit 1`);
      return { ...total, appName: latest?.appName ?? total.appId };
    });

/** Busiest first; then most recently used; then by id, so equal apps keep a stable order. */
const sortPerApp = (apps: PerApp[]): PerApp[] =>
  apps
    .map(({ appId, appName, count, lastUsed }) => ({ appId, appName, count, lastUsed }))
    .sort((a, b) => b.count - a.count || b.lastUsed - a.lastUsed || (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
