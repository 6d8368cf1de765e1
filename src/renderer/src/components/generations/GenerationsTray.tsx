import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useActions, useAppStore } from '../../hooks/appContext';
import { isActive } from '../../lib/generations';
import { countJobs, countsText, pillText } from '../../lib/generationText';
import { Icon } from '../Icon';
import { GenerationItem } from './GenerationItem';
import { ConcurrencyStepper, PauseButton } from './QueueControls';
import { useGenerationCommands } from './useGenerationCommands';
import { useProjectNames, useTrayJobs, type TrayScope } from './useTrayJobs';
import './GenerationsTray.css';

/** Rows beyond this are summed up in one line: a 1,000-job batch needs no 1,000 rows to be followed. */
const MAX_ROWS = 150;

const focusSoon = (selector: string): void => {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
};

/**
 * Every generation this window knows, bottom-left: a one-line summary that opens into the list
 * with progress, cancel and retry, counts, and the queue's own controls. Fed by pushed events only.
 */
export const GenerationsTray = ({ projectId }: { projectId: string | null }) => {
  const [chosenScope, setScope] = useState<TrayScope>('project');
  const scope: TrayScope = projectId ? chosenScope : 'all';
  const everything = useTrayJobs(null, 'all');
  const jobs = useTrayJobs(projectId, scope);
  const queue = useAppStore((state) => state.queue);
  const open = useAppStore((state) => state.trayOpen);
  const { setTrayOpen, clearFinished } = useActions();
  const commands = useGenerationCommands();
  const names = useProjectNames();
  const titleId = useId();
  const allCounts = useMemo(() => countJobs(everything), [everything]);
  const counts = useMemo(() => countJobs(jobs), [jobs]);

  if (!queue || (everything.length === 0 && !queue.paused)) return null;

  const collapse = () => {
    setTrayOpen(false);
    focusSoon('.gen-pill');
  };
  const expand = () => {
    setTrayOpen(true);
    focusSoon('.gen-tray__collapse');
  };

  if (!open) {
    return (
      <button type="button" className={`gen-pill${queue.paused ? ' gen-pill--paused' : ''}`} aria-expanded={false} aria-label={`Generations: ${pillText(allCounts, queue.paused)}`} onClick={expand}>
        {allCounts.running && !queue.paused ? <span className="spinner" aria-hidden="true" /> : <Icon name={queue.paused ? 'pause' : 'sparkles'} size={16} />}
        <span className="gen-pill__text">{pillText(allCounts, queue.paused)}</span>
        {allCounts.failed > 0 && <span className="gen-pill__failed">{allCounts.failed} failed</span>}
        <Icon name="chevronUp" size={16} />
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    collapse();
  };
  const finished = jobs.some((job) => !isActive(job));
  const hidden = Math.max(0, jobs.length - MAX_ROWS);

  return (
    <section className="gen-tray" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="generations-tray">
      <header className="gen-tray__header">
        <div className="gen-tray__heading">
          <h2 id={titleId} className="gen-tray__title">
            Generations
          </h2>
          <p className="gen-tray__counts">{countsText(counts)}</p>
        </div>
        <div className="gen-tray__header-actions">
          <PauseButton queue={queue} commands={commands} />
          <button type="button" className="btn btn--icon btn--quiet gen-tray__collapse" aria-label="Collapse generations" aria-expanded={true} onClick={collapse}>
            <Icon name="chevronDown" />
          </button>
        </div>
      </header>
      <div className="gen-tray__toolbar">
        {projectId && (
          <div className="segmented" role="group" aria-label="Show generations from">
            <button type="button" className="segmented__option" aria-pressed={scope === 'project'} onClick={() => setScope('project')}>
              This project
            </button>
            <button type="button" className="segmented__option" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
              All
            </button>
          </div>
        )}
        <ConcurrencyStepper queue={queue} commands={commands} />
      </div>
      {queue.paused && (
        <div className={`gen-tray__paused${queue.pauseReason ? ' gen-tray__paused--error' : ''}`}>
          <Icon name="pause" size={14} />
          <p>{queue.pauseReason ? 'Paused by a problem with the image service: see the message at the top.' : 'Paused. Running avatars finish; queued ones wait.'}</p>
          {!queue.pauseReason && (
            <button type="button" className="btn btn--small btn--primary" onClick={() => void commands.resume()}>
              Resume
            </button>
          )}
        </div>
      )}
      {jobs.length === 0 ? (
        <p className="gen-tray__empty">{scope === 'project' ? 'Nothing generated in this project yet.' : 'Nothing generated yet.'}</p>
      ) : (
        <ol className="gen-tray__list" aria-label="Generations">
          {jobs.slice(0, MAX_ROWS).map((job) => (
            <GenerationItem key={job.id} generation={job} commands={commands} projectName={scope === 'all' ? (names.get(job.projectId) ?? null) : null} />
          ))}
          {hidden > 0 && <li className="gen-tray__more">and {hidden.toLocaleString()} more</li>}
        </ol>
      )}
      {finished && (
        <footer className="gen-tray__footer">
          <button type="button" className="btn btn--small btn--quiet" onClick={clearFinished}>
            Clear finished
          </button>
        </footer>
      )}
    </section>
  );
};
