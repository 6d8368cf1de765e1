import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../../../shared/contract';
import type { LibraryStats } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { EmptyState } from '../../components/EmptyState';
import { Thumbnail } from '../../components/Thumbnail';
import { useTransport } from '../../hooks/appContext';
import { useRefreshOnEvents } from '../../hooks/useRefreshOnEvents';
import { describeError } from '../../lib/errorText';
import { formatDateTime, plural } from '../../lib/format';
import { formatRelative } from '../../lib/relativeTime';
import { routeHash } from '../../lib/route';
import { SOURCE_LABELS } from '../../lib/usageText';
import { DailyChart } from './DailyChart';
import './StatsView.css';

/** What changes a number on this page. Progress ticks and queue moves do not. */
const EVENTS = ['avatar.changed', 'avatar.deleted', 'project.changed', 'project.deleted', 'generation.changed'] as const;
const relevant = (event: AppEvent): boolean =>
  event.name !== 'generation.changed' || event.payload.generation.status === 'completed' || event.payload.generation.status === 'failed';

const StatCard = ({ label, value, detail }: { label: string; value: number; detail?: string }) => (
  <div className="stat-card" data-testid="stat-card" data-label={label}>
    <dt className="stat-card__label">{label}</dt>
    <dd className="stat-card__value" data-testid="stat-value">
      {value.toLocaleString()}
    </dd>
    {detail && <dd className="stat-card__detail">{detail}</dd>}
  </div>
);

/** A labelled horizontal bar per row, scaled to the largest. */
const BarList = ({ rows, label }: { rows: { key: string; label: string; count: number; detail?: string }[]; label: string }) => {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul className="bar-list" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className="bar-list__row" data-key={row.key}>
          <div className="bar-list__text">
            <span className="bar-list__label">{row.label}</span>
            <span className="bar-list__count">{row.count.toLocaleString()}</span>
          </div>
          <span className="bar-list__track" aria-hidden="true">
            <span className="bar-list__fill" style={{ width: row.count === 0 ? 0 : `max(4px, ${(row.count / max) * 100}%)` }} />
          </span>
          {row.detail && <span className="bar-list__detail">{row.detail}</span>}
        </li>
      ))}
    </ul>
  );
};

/** The library in numbers: loaded on open, refreshed (debounced) when something it counts changes. */
export const StatsView = () => {
  const transport = useTransport();
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await transport.invoke('stats.get', {});
    // A slower, older answer must not overwrite a newer one.
    if (ticket !== latest.current) return;
    if (result.ok) {
      setStats(result.value);
      setError(null);
    } else setError(result.error);
  }, [transport]);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);
  useRefreshOnEvents(EVENTS, () => void load(), { relevant, delayMs: 500 });

  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">Stats</h1>
        <p className="page-header__subtitle">How your library is made and where your avatars are used.</p>
      </div>
    </header>
  );

  if (!stats) {
    return (
      <div className="stats-view">
        {header}
        {error ? (
          <EmptyState
            icon="alert"
            tone="error"
            title="The stats could not be loaded"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void load()}>
                Try again
              </button>
            }
          >
            {describeError(error).title}. {describeError(error).detail}
          </EmptyState>
        ) : (
          <div className="stats-grid" aria-busy="true" aria-label="Loading stats">
            {[0, 1, 2, 3].map((key) => (
              <div key={key} className="stat-card stat-card--skeleton" />
            ))}
          </div>
        )}
      </div>
    );
  }

  const generated = stats.generationsPerDay.reduce((sum, day) => sum + day.completed, 0);
  const failed = stats.generationsPerDay.reduce((sum, day) => sum + day.failed, 0);
  const uses = stats.perApp.reduce((sum, app) => sum + app.count, 0);
  const sources = [...stats.bySource].sort((a, b) => b.count - a.count);

  return (
    <div className="stats-view" data-testid="stats-view">
      {header}
      {error && (
        <p className="form-error stats-view__stale" role="alert">
          Could not refresh: {describeError(error).detail} These numbers may be out of date.
        </p>
      )}
      <dl className="stats-grid">
        <StatCard label="Avatars" value={stats.avatars} detail={`in ${plural(stats.projects, 'project')}`} />
        <StatCard label="Projects" value={stats.projects} />
        <StatCard label="Generated, 30 days" value={generated} detail={failed > 0 ? `${failed.toLocaleString()} failed` : 'none failed'} />
        <StatCard label="Uses recorded" value={uses} detail={stats.perApp.length > 0 ? `by ${plural(stats.perApp.length, 'app')}` : 'none yet'} />
      </dl>

      <section className="stats-panel stats-panel--wide" aria-labelledby="stats-daily">
        <h2 className="stats-panel__title" id="stats-daily">
          Generations per day
          <span className="stats-panel__hint">last 30 days</span>
        </h2>
        <DailyChart days={stats.generationsPerDay} />
      </section>

      <div className="stats-columns">
        <section className="stats-panel" aria-labelledby="stats-sources">
          <h2 className="stats-panel__title" id="stats-sources">
            Avatars by source
          </h2>
          {sources.every((row) => row.count === 0) ? (
            <p className="stats-panel__empty">No avatars yet.</p>
          ) : (
            <BarList label="Avatars by source" rows={sources.map((row) => ({ key: row.sourceType, label: SOURCE_LABELS[row.sourceType] ?? row.sourceType, count: row.count }))} />
          )}
        </section>
        <section className="stats-panel" aria-labelledby="stats-apps">
          <h2 className="stats-panel__title" id="stats-apps">
            Use by app
          </h2>
          {stats.perApp.length === 0 ? (
            <p className="stats-panel__empty">No uses recorded yet. Copy, export or drag an avatar out of the app, or use it from another Lumiku app, and it shows here.</p>
          ) : (
            <BarList
              label="Use by app"
              rows={stats.perApp.map((app) => ({ key: app.appId, label: app.appName, count: app.count, detail: `Last used ${formatRelative(app.lastUsed)}` }))}
            />
          )}
        </section>
      </div>

      <section className="stats-panel stats-panel--wide" aria-labelledby="stats-most-used">
        <h2 className="stats-panel__title" id="stats-most-used">
          Most used avatars
        </h2>
        {stats.mostUsed.length === 0 ? (
          <p className="stats-panel__empty">Nothing used yet.</p>
        ) : (
          <ol className="most-used" aria-label="Most used avatars">
            {stats.mostUsed.map((avatar, index) => (
              <li key={avatar.avatarId} className="most-used__item">
                <a className="most-used__link" href={routeHash({ kind: 'project', projectId: avatar.projectId, avatarId: avatar.avatarId })} data-testid="most-used">
                  <span className="most-used__rank" aria-hidden="true">
                    {index + 1}
                  </span>
                  <Thumbnail src={transport.imageUrl(avatar.avatarId, 'thumb')} className="most-used__thumb" />
                  <span className="most-used__text">
                    <span className="most-used__name">{avatar.name}</span>
                    <span className="most-used__meta" title={avatar.lastUsedAt ? formatDateTime(avatar.lastUsedAt) : undefined}>
                      {avatar.lastUsedAt ? `Last used ${formatRelative(avatar.lastUsedAt)}` : 'Not used yet'}
                    </span>
                  </span>
                  <span className="most-used__count">{plural(avatar.usageCount, 'use')}</span>
                </a>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
};
