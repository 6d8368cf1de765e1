import { useCallback } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { describeError } from '../lib/errorText';
import { useActions } from './appContext';

/** Reports a failed command plainly: what was being done, then why it failed. */
export const useToast = () => {
  const { pushToast } = useActions();
  const success = useCallback((title: string, detail?: string) => pushToast({ tone: 'success', title, ...(detail && { detail }) }), [pushToast]);
  const info = useCallback((title: string, detail?: string) => pushToast({ tone: 'info', title, ...(detail && { detail }) }), [pushToast]);
  const failure = useCallback(
    (action: string, error: AppErrorShape) => {
      const text = describeError(error);
      return pushToast({ tone: 'error', title: action, detail: `${text.title}. ${text.detail}` });
    },
    [pushToast],
  );
  return { success, info, failure };
};
