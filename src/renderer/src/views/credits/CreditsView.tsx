import type { CreditSummary } from '../../../../shared/credits';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { LedgerTable } from './LedgerTable';
import { useCredits } from './useCredits';
import '../stats/StatsView.css';
import './CreditsView.css';

const number = (value: number): string => value.toLocaleString();

/** Today's spend against the daily limit, as a bar (or plainly, without a limit). */
const TodayCard = ({ summary }: { summary: CreditSummary }) => {
  const { spentToday, dailyLimit, remainingToday } = summary;
  const share = dailyLimit === null ? 0 : dailyLimit === 0 ? 1 : Math.min(1, spentToday / dailyLimit);
  return (
    <div className="stat-card credits-today" data-testid="credits-today">
      <dt className="stat-card__label">Spent today</dt>
      <dd className="stat-card__value" data-testid="credits-spent-today">
        {number(spentToday)}
        {dailyLimit !== null && <span className="credits-today__of"> of {number(dailyLimit)}</span>}
      </dd>
      {dailyLimit !== null ? (
        <>
          <dd>
            <span
              className={`credits-meter${share >= 1 ? ' credits-meter--full' : share >= 0.8 ? ' credits-meter--near' : ''}`}
              role="progressbar"
              aria-label="Today’s spend against the daily limit"
              aria-valuemin={0}
              aria-valuemax={dailyLimit}
              aria-valuenow={Math.min(spentToday, dailyLimit)}
            >
              <span className="credits-meter__fill" style={{ width: `${share * 100}%` }} />
            </span>
          </dd>
          <dd className="stat-card__detail" data-testid="credits-remaining">
            {remainingToday === 0 ? 'Nothing left today: new work is refused until tomorrow.' : `${plural(remainingToday ?? 0, 'credit')} left today`}
          </dd>
        </>
      ) : (
        <dd className="stat-card__detail" data-testid="credits-remaining">
          No daily limit. <a href="#/settings/credits">Set one</a>
        </dd>
      )}
    </div>
  );
};

const Stat = ({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) => (
  <div className="stat-card" data-testid={testId}>
    <dt className="stat-card__label">{label}</dt>
    <dd className="stat-card__value">{value}</dd>
    {detail && <dd className="stat-card__detail">{detail}</dd>}
  </div>
);

/** What the spending guard has counted: today against the limit, totals, and every entry. */
export const CreditsView = () => {
  const credits = useCredits();
  const { summary, entries, error } = credits;
  const header = (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">Credits</h1>
        <p className="page-header__subtitle">
          What your work would cost on the Lumiku cloud, counted as you go. Costs and limits are in <a href="#/settings/credits">Settings → Credits</a>.
        </p>
      </div>
    </header>
  );

  if (!summary) {
    return (
      <div className="stats-view credits-view">
        {header}
        {error ? (
          <EmptyState
            icon="alert"
            tone="error"
            title="The credits could not be loaded"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void credits.reload()}>
                Try again
              </button>
            }
          >
            {describeError(error).title}. {describeError(error).detail}
          </EmptyState>
        ) : (
          <div className="stats-grid" aria-busy="true" aria-label="Loading credits">
            {[0, 1, 2, 3].map((key) => (
              <div key={key} className="stat-card stat-card--skeleton" />
            ))}
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="stats-view credits-view" data-testid="credits-view">
      {header}
      <dl className="stats-grid">
        <TodayCard summary={summary} />
        <Stat label="Spent in all" value={number(summary.spentTotal)} detail="Charges less refunds" testId="credits-spent-total" />
        <Stat label="Refunded" value={number(summary.refundedTotal)} detail="For failed, cancelled or deleted jobs" testId="credits-refunded" />
        <Stat label="Per-batch limit" value={summary.batchLimit === null ? 'None' : number(summary.batchLimit)} detail="The most one request may cost" testId="credits-batch-limit" />
      </dl>
      <section className="stats-panel stats-panel--wide" aria-labelledby="credits-history">
        <h2 className="stats-panel__title" id="credits-history">
          History
        </h2>
        {entries.length === 0 ? (
          <p className="stats-panel__empty">Nothing charged yet. Uploads and images made with Hugging Face are charged; offline drawing is free.</p>
        ) : (
          <LedgerTable entries={entries} />
        )}
        {credits.moreError && (
          <p className="form-error" role="alert">
            Could not load more: {describeError(credits.moreError).detail}
          </p>
        )}
        {credits.hasMore && (
          <button type="button" className="btn btn--secondary credits-view__more" onClick={() => void credits.loadMore()} disabled={credits.loadingMore}>
            {credits.loadingMore && <Spinner />}
            {credits.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </section>
    </div>
  );
};
