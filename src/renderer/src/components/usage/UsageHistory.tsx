import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AppEvent } from '../../../../shared/contract';
import type { Avatar, UsageRecord } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { useTransport } from '../../hooks/appContext';
import { useRefreshOnEvents } from '../../hooks/useRefreshOnEvents';
import { errorLine } from '../../lib/errorText';
import { formatDateTime, plural } from '../../lib/format';
import { formatRelative } from '../../lib/relativeTime';
import { THIS_APP, actionLabel } from '../../lib/usageText';
import { Icon, type IconName } from '../Icon';
import { onUsageRecorded } from './usageActions';
import './Usage.css';

/** More than this and the rest wait behind "Show all". */
const FIRST_ROWS = 5;
const LIMIT = 200;
const EVENTS = ['avatar.changed'] as const;

const ACTION_ICONS: Record<string, IconName> = { copy: 'copy', export: 'download', drag_out: 'move' };

/** Every recorded use of one avatar, newest first; refreshed when the avatar changes (its usage count moves). */
export const UsageHistory = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const titleId = useId();
  const [records, setRecords] = useState<UsageRecord[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [showAll, setShowAll] = useState(false);
  const latest = useRef(0);
  const avatarId = avatar.id;

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await transport.invoke('usage.list', { avatarId, limit: LIMIT });
    if (ticket !== latest.current) return;
    if (result.ok) {
      setRecords(result.value);
      setError(null);
    } else setError(result.error);
  }, [avatarId, transport]);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);
  const refreshSoon = useRefreshOnEvents(EVENTS, () => void load(), {
    relevant: (event: AppEvent) => event.name === 'avatar.changed' && event.payload.avatar.id === avatarId,
    delayMs: 150,
  });
  useEffect(() => onUsageRecorded((id) => id === avatarId && refreshSoon()), [avatarId, refreshSoon]);

  const shown = records ? (showAll ? records : records.slice(0, FIRST_ROWS)) : [];
  return (
    <section className="detail__section usage" aria-labelledby={titleId} data-testid="usage-history">
      <h3 className="usage__title" id={titleId}>
        Usage
        <span className="usage__count">{avatar.usageCount > 0 ? plural(avatar.usageCount, 'use') : ''}</span>
      </h3>
      {error && !records ? (
        <p className="form-error" role="alert">
          {errorLine(error)}
        </p>
      ) : records === null ? (
        <p className="usage__empty" aria-busy="true">
          Loading…
        </p>
      ) : records.length === 0 ? (
        <p className="usage__empty">Not used yet. Copying, exporting or dragging this avatar out of the app — or using it in another Lumiku app — shows up here.</p>
      ) : (
        <>
          <ol className="usage-timeline" aria-label="Uses, newest first">
            {shown.map((record) => (
              <li key={record.id} className="usage-timeline__item" data-testid="usage-record" data-action={record.action}>
                <span className="usage-timeline__icon" aria-hidden="true">
                  <Icon name={ACTION_ICONS[record.action] ?? 'sparkles'} size={14} />
                </span>
                <div className="usage-timeline__text">
                  <p className="usage-timeline__action">{actionLabel(record.action)}</p>
                  <p className="usage-timeline__meta">
                    <span className={record.appId === THIS_APP.appId ? undefined : 'usage-timeline__app'}>{record.appName}</span>
                    {' · '}
                    <time dateTime={new Date(record.createdAt).toISOString()} title={formatDateTime(record.createdAt)}>
                      {formatRelative(record.createdAt)}
                    </time>
                  </p>
                  {record.referenceId && (
                    <p className="usage-timeline__reference">
                      {record.referenceType ? `${record.referenceType}: ` : ''}
                      <code>{record.referenceId}</code>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {records.length > FIRST_ROWS && (
            <button type="button" className="btn btn--small btn--quiet usage__more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show fewer' : `Show all ${records.length >= LIMIT ? `${LIMIT}+` : records.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
};
