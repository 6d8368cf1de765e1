import { useId, useState, type KeyboardEvent } from 'react';
import type { QueueStatus } from '../../../../shared/domain';
import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { Icon } from '../Icon';
import type { GenerationCommands } from './useGenerationCommands';
import './QueueControls.css';

const { concurrencyMin: MIN, concurrencyMax: MAX } = GENERATION_LIMITS;
const clamp = (value: number): number => Math.min(MAX, Math.max(MIN, Math.round(value)));

/** How many run at once: −, a box to type in, +. The service may hold it lower for a while (shown). */
export const ConcurrencyStepper = ({ queue, commands }: { queue: QueueStatus; commands: GenerationCommands }) => {
  const id = useId();
  const { ceiling, effective } = queue.concurrency;
  // What is being typed; null shows the queue's own value, whoever changed it.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(ceiling);

  const commit = (value: number) => {
    const next = clamp(value);
    setDraft(null);
    if (next !== ceiling) void commands.setConcurrency(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit(Number(text) || ceiling);
  };

  return (
    <div className="stepper" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="stepper__label" title={effective < ceiling ? `The service is limiting requests: ${effective} run now, up to ${ceiling} when it allows.` : undefined}>
        At once{effective < ceiling ? ` (${effective} now)` : ''}
      </span>
      <button type="button" className="stepper__button" aria-label="Run fewer at once" disabled={ceiling <= MIN} onClick={() => commit(ceiling - 1)}>
        <Icon name="minus" size={14} />
      </button>
      <input
        className="stepper__input"
        type="number"
        inputMode="numeric"
        min={MIN}
        max={MAX}
        value={text}
        aria-label="Concurrency: how many generations run at once"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => commit(Number(text) || ceiling)}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="stepper__button" aria-label="Run more at once" disabled={ceiling >= MAX} onClick={() => commit(ceiling + 1)}>
        <Icon name="plus" size={14} />
      </button>
    </div>
  );
};

/** Pause or resume the whole queue (running jobs finish, nothing new starts): an icon, named for screen readers and on hover. */
export const PauseButton = ({ queue, commands }: { queue: QueueStatus; commands: GenerationCommands }) => {
  const label = queue.paused ? 'Resume queue' : 'Pause queue';
  return (
    <button
      type="button"
      className={`btn btn--icon ${queue.paused ? 'btn--ghost' : 'btn--quiet'}`}
      aria-label={label}
      title={label}
      onClick={() => void (queue.paused ? commands.resume() : commands.pause())}
    >
      <Icon name={queue.paused ? 'play' : 'pause'} size={16} />
    </button>
  );
};
