import { memo, useState } from 'react';
import type { Generation } from '../../../../shared/domain';
import { useTransport } from '../../hooks/appContext';
import { errorLine } from '../../lib/errorText';
import { canCancel, canRetry } from '../../lib/generations';
import { percentOf, statusLabel } from '../../lib/generationText';
import { routeHash } from '../../lib/route';
import { Icon, type IconName } from '../Icon';
import type { GenerationCommands } from './useGenerationCommands';
import './GenerationItem.css';

interface GenerationItemProps {
  generation: Generation;
  /** Shown when the tray lists every project. */
  projectName: string | null;
  commands: GenerationCommands;
}

const STATUS_ICON: Record<Generation['status'], IconName> = {
  pending: 'sparkles',
  processing: 'sparkles',
  completed: 'check',
  failed: 'alert',
  cancelled: 'close',
};

const Preview = ({ generation }: { generation: Generation }) => {
  const transport = useTransport();
  const [broken, setBroken] = useState(false);
  if (generation.status === 'completed' && generation.avatarId && !broken) {
    return <img src={transport.imageUrl(generation.avatarId, 'thumb')} alt="" onError={() => setBroken(true)} />;
  }
  return <Icon name={STATUS_ICON[generation.status]} size={16} />;
};

/** One job: what it is, where it is, its bar, and what can be done with it. */
export const GenerationItem = memo(({ generation, projectName, commands }: GenerationItemProps) => {
  const [busy, setBusy] = useState(false);
  const percent = percentOf(generation);
  const label = statusLabel(generation);
  const run = (action: (generation: Generation) => Promise<void>) => async () => {
    setBusy(true);
    await action(generation);
    setBusy(false);
  };
  // A job held back by a paused queue needs no line of its own: the banner says why, for all of them.
  const showError = generation.status === 'failed' || (generation.status === 'pending' && generation.nextAttemptAt !== null);
  const name =
    generation.status === 'completed' && generation.avatarId ? (
      <a className="gen-item__name" href={routeHash({ kind: 'project', projectId: generation.projectId, avatarId: generation.avatarId })}>
        {generation.name}
      </a>
    ) : (
      <span className="gen-item__name">{generation.name}</span>
    );

  return (
    <li className={`gen-item gen-item--${generation.status}`} data-testid="generation-item" data-status={generation.status} data-name={generation.name}>
      <span className="gen-item__preview">
        <Preview generation={generation} />
      </span>
      <div className="gen-item__main">
        <div className="gen-item__top">
          {name}
          {canCancel(generation) && (
            <button type="button" className="gen-item__action" aria-label={`Cancel ${generation.name}`} disabled={busy} onClick={run(commands.cancel)}>
              Cancel
            </button>
          )}
          {canRetry(generation) && (
            <button type="button" className="gen-item__action gen-item__action--retry" aria-label={`Retry ${generation.name}`} disabled={busy} onClick={run(commands.retry)}>
              <Icon name="retry" size={13} />
              Retry
            </button>
          )}
        </div>
        <p className="gen-item__status">
          <span className="gen-item__stage" data-stage>
            {label}
          </span>
          {generation.status === 'processing' && <span>{percent}%</span>}
          {generation.attempts > 1 && (
            <span>
              attempt {generation.attempts} of {generation.maxAttempts}
            </span>
          )}
          {projectName && <span className="gen-item__project">{projectName}</span>}
        </p>
        {(generation.status === 'processing' || generation.status === 'pending') && (
          <span
            className={`progress gen-item__bar${generation.status === 'pending' ? ' gen-item__bar--waiting' : ''}`}
            role="progressbar"
            aria-label={`${generation.name}: ${label}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={generation.status === 'processing' ? `${label}, ${percent}%` : label}
          >
            <span className="progress__fill" style={{ width: `${percent}%` }} />
          </span>
        )}
        {showError && generation.error && (
          <p className="gen-item__error" title={generation.error.message}>
            {generation.status === 'pending' ? 'Last try: ' : ''}
            {errorLine(generation.error)}
          </p>
        )}
      </div>
    </li>
  );
});
GenerationItem.displayName = 'GenerationItem';
