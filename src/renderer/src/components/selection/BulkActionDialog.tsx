import { useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { useTransport } from '../../hooks/appContext';
import { describeError, errorLine } from '../../lib/errorText';
import { Modal } from '../../modals/Modal';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';
import { Thumbnail } from '../Thumbnail';
import './selection.css';

export interface BulkTarget {
  id: string;
  name: string;
}

export interface BulkFailure extends BulkTarget {
  error: AppErrorShape;
}

export interface BulkOutcome {
  done: BulkTarget[];
  failed: BulkFailure[];
  /** Not attempted: the user pressed Stop. */
  skipped: number;
}

interface BulkActionDialogProps {
  title: string;
  description: ReactNode;
  targets: readonly BulkTarget[];
  confirmLabel: string;
  /** "Deleting" → "Deleting 2 of 5…" */
  verb: string;
  /** "deleted" → "3 deleted · 1 failed" */
  pastTense: string;
  tone?: 'danger' | 'primary';
  /** Extra fields before confirming (the project to move to); confirm stays off until `ready`. */
  children?: ReactNode;
  ready?: boolean;
  /** One command for one avatar; an error is listed and the rest go on. */
  run(target: BulkTarget): Promise<AppErrorShape | null>;
  /** Called once the run ends. With no failures the dialog then closes itself. */
  onFinished(outcome: BulkOutcome): void;
  onClose(): void;
}

type Phase = 'confirm' | 'running' | 'done';

/** Thumbnails shown in the dialog before "+N". */
const THUMBS_MAX = 6;

/**
 * Asks first (Cancel has focus, so a stray Enter is harmless), then runs the command for each
 * avatar in turn with a progress bar and a Stop button, and lists whatever failed and why.
 * One at a time on purpose: every change is its own event and its own error, never half of a batch.
 */
export const BulkActionDialog = ({
  title,
  description,
  targets,
  confirmLabel,
  verb,
  pastTense,
  tone = 'danger',
  children,
  ready = true,
  run,
  onFinished,
  onClose,
}: BulkActionDialogProps) => {
  const transport = useTransport();
  const [phase, setPhase] = useState<Phase>('confirm');
  const [position, setPosition] = useState(0);
  const [outcome, setOutcome] = useState<BulkOutcome>({ done: [], failed: [], skipped: 0 });
  const [stopping, setStopping] = useState(false);
  const stopRef = useRef(false);

  const start = async () => {
    setPhase('running');
    const done: BulkTarget[] = [];
    const failed: BulkFailure[] = [];
    let index = 0;
    for (; index < targets.length && !stopRef.current; index += 1) {
      const target = targets[index]!;
      setPosition(index);
      const error = await run(target);
      if (error) failed.push({ ...target, error });
      else done.push(target);
      setOutcome({ done: [...done], failed: [...failed], skipped: 0 });
    }
    const result = { done, failed, skipped: targets.length - index };
    setOutcome(result);
    setPhase('done');
    onFinished(result);
    if (failed.length === 0 && result.skipped === 0) onClose();
  };

  const finished = outcome.done.length + outcome.failed.length;
  const running = phase === 'running';
  const current = targets[position];

  return (
    <Modal
      title={title}
      description={description}
      size="small"
      role="alertdialog"
      busy={running}
      onClose={onClose}
      footer={
        phase === 'confirm' ? (
          <>
            <button type="button" className="btn btn--secondary" onClick={onClose} data-autofocus>
              Cancel
            </button>
            <button type="button" className={`btn ${tone === 'danger' ? 'btn--danger' : 'btn--primary'}`} disabled={!ready} onClick={() => void start()}>
              {confirmLabel}
            </button>
          </>
        ) : running ? (
          <button
            type="button"
            className="btn btn--secondary"
            disabled={stopping}
            onClick={() => {
              stopRef.current = true;
              setStopping(true);
            }}
          >
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="button" className="btn btn--secondary" onClick={onClose} data-autofocus>
            Close
          </button>
        )
      }
    >
      {phase === 'confirm' && (
        <ul className="bulk-thumbs" aria-hidden="true">
          {targets.slice(0, THUMBS_MAX).map((target) => (
            <li key={target.id}>
              <Thumbnail src={transport.imageUrl(target.id, 'thumb')} className="bulk-thumbs__image" />
            </li>
          ))}
          {targets.length > THUMBS_MAX && <li className="bulk-thumbs__more">+{targets.length - THUMBS_MAX}</li>}
        </ul>
      )}
      {phase === 'confirm' && children}
      {phase !== 'confirm' && (
        <div className="bulk-progress" data-testid="bulk-progress">
          <div className="bulk-progress__line">
            {running ? <Spinner /> : <Icon name={outcome.failed.length > 0 ? 'alert' : 'check'} size={16} />}
            <span role="status">
              {running
                ? `${verb} ${Math.min(position + 1, targets.length)} of ${targets.length}…`
                : [`${outcome.done.length} ${pastTense}`, outcome.failed.length > 0 && `${outcome.failed.length} failed`, outcome.skipped > 0 && `${outcome.skipped} not attempted`]
                    .filter(Boolean)
                    .join(' · ')}
            </span>
          </div>
          <span
            className="progress bulk-progress__bar"
            role="progressbar"
            aria-label={`${verb} avatars`}
            aria-valuemin={0}
            aria-valuemax={targets.length}
            aria-valuenow={finished}
          >
            <span className="progress__fill" style={{ width: `${(finished / Math.max(1, targets.length)) * 100}%` }} />
          </span>
          {running && current && <p className="bulk-progress__current">{current.name}</p>}
          {outcome.failed.length > 0 && (
            <ul className="bulk-progress__failures" aria-label="Failed">
              {outcome.failed.map((failure) => (
                <li key={failure.id}>
                  <strong>{failure.name}</strong>
                  <span>
                    {describeError(failure.error).title}. {errorLine(failure.error)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Modal>
  );
};
