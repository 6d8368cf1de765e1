import { plural } from './format';

export interface FinishedSet {
  completed: string[];
  failed: string[];
}

/** One line for a set of jobs that finished together: named when it is one, counted when more. */
export const finishedNotice = ({ completed, failed }: FinishedSet): { title: string; body: string } | null => {
  const total = completed.length + failed.length;
  if (total === 0) return null;
  if (total === 1) {
    const [name] = completed.length === 1 ? completed : failed;
    return completed.length === 1 ? { title: `“${name}” is ready`, body: 'It is in its project in Avatar Creator.' } : { title: `“${name}” failed`, body: 'Open Avatar Creator to see why and retry it.' };
  }
  if (failed.length === 0) return { title: `${plural(completed.length, 'avatar')} ready`, body: 'They are in their projects in Avatar Creator.' };
  if (completed.length === 0) return { title: `${plural(failed.length, 'generation')} failed`, body: 'Open Avatar Creator to see why and retry them.' };
  return { title: `${plural(completed.length, 'avatar')} ready, ${failed.length} failed`, body: 'Open Avatar Creator to see the failed ones and retry them.' };
};

export type SystemNotices = 'granted' | 'ask' | 'blocked' | 'unavailable';

/**
 * Whether this page may show system notifications. The desktop app grants no web permissions
 * (src/main/security/policies.ts), so there they are `unavailable` and a notice waits in the app.
 */
export const systemNotices = (shell: 'electron' | 'web'): SystemNotices => {
  if (shell === 'electron' || typeof Notification === 'undefined') return 'unavailable';
  if (Notification.permission === 'granted') return 'granted';
  return Notification.permission === 'denied' ? 'blocked' : 'ask';
};
