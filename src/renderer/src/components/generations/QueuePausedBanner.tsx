import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import { useAppStore } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { routeHash } from '../../lib/route';
import { Disclosure } from '../Disclosure';
import { Icon } from '../Icon';
import { useGenerationCommands } from './useGenerationCommands';
import './QueuePausedBanner.css';

const TOKENS_PAGE = 'https://huggingface.co/settings/tokens';
const BILLING_PAGE = 'https://huggingface.co/settings/billing';
const PERMISSION = '“Make calls to Inference Providers”';

const Link = ({ href, children }: { href: string; children: ReactNode }) => (
  <a href={href} target="_blank" rel="noreferrer">
    {children}
  </a>
);

const KEPT = 'Queued avatars are kept: they continue after a restart, or right away when you press Resume.';

/** What to do, in so many words, for each reason the queue pauses itself. */
const advice = (reason: AppErrorShape): { title: string; steps: ReactNode } => {
  switch (reason.code) {
    case 'TOKEN_MISSING':
      return {
        title: 'Generation is paused: no Hugging Face token is set',
        steps: (
          <>
            Create a fine-grained token with the {PERMISSION} permission at <Link href={TOKENS_PAGE}>huggingface.co/settings/tokens</Link>, add it in{' '}
            <a href={routeHash({ kind: 'settings', section: 'token' })}>Settings → Hugging Face token</a>, then press Resume. {KEPT}
          </>
        ),
      };
    case 'PROVIDER_AUTH':
      return {
        title: 'Generation is paused: Hugging Face refused the token',
        steps: (
          <>
            Replace it in <a href={routeHash({ kind: 'settings', section: 'token' })}>Settings → Hugging Face token</a> with a valid token that has the{' '}
            {PERMISSION} permission (create one at <Link href={TOKENS_PAGE}>huggingface.co/settings/tokens</Link>), then press Resume. {KEPT}
          </>
        ),
      };
    case 'PROVIDER_CREDITS':
      return {
        title: 'Generation is paused: your Hugging Face account is out of credits',
        steps: (
          <>
            Buy Inference Providers credits or upgrade to PRO at <Link href={BILLING_PAGE}>huggingface.co/settings/billing</Link>, then press Resume. Queued
            avatars are kept.
          </>
        ),
      };
    default:
      return { title: 'Generation is paused', steps: describeError(reason).detail };
  }
};

/** Shown across the app while the queue has paused itself: a bad token or no credits stops every job alike. */
export const QueuePausedBanner = () => {
  const reason = useAppStore((state) => (state.queue?.paused ? state.queue.pauseReason : null));
  const commands = useGenerationCommands();
  if (!reason) return null;
  const { title, steps } = advice(reason);
  return (
    <section className="paused-banner" role="alert" aria-label={title} data-testid="queue-paused-banner">
      <span className="paused-banner__icon">
        <Icon name={reason.code === 'PROVIDER_CREDITS' ? 'alert' : 'key'} size={18} />
      </span>
      <div className="paused-banner__text">
        <p className="paused-banner__title">{title}</p>
        <p className="paused-banner__steps">{steps}</p>
        <Disclosure title="Details">
          <p className="paused-banner__detail">{reason.message}</p>
        </Disclosure>
      </div>
      <button type="button" className="btn btn--primary" onClick={() => void commands.resume()}>
        <Icon name="play" size={14} />
        Resume
      </button>
    </section>
  );
};
