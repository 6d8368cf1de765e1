import { useEffect, useState } from 'react';
import { useActions, useAppStore } from '../hooks/appContext';
import type { Toast } from '../store/uiSlice';
import { Icon } from './Icon';
import './Toasts.css';

/** Errors stay until dismissed or pushed out; good news goes by itself. */
const LIFETIME_MS: Record<Toast['tone'], number | null> = { success: 4000, info: 6000, error: null };

const ToastItem = ({ toast }: { toast: Toast }) => {
  const { dismissToast } = useActions();
  const [paused, setPaused] = useState(false);
  const lifetime = LIFETIME_MS[toast.tone];
  useEffect(() => {
    if (lifetime === null || paused) return;
    const timer = setTimeout(() => dismissToast(toast.id), lifetime);
    return () => clearTimeout(timer);
  }, [dismissToast, lifetime, paused, toast.id]);

  return (
    <li
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast__icon">
        <Icon name={toast.tone === 'error' ? 'alert' : toast.tone === 'success' ? 'check' : 'info'} />
      </span>
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.detail && <p className="toast__detail">{toast.detail}</p>}
      </div>
      <button type="button" className="btn btn--icon btn--quiet toast__close" aria-label="Dismiss notification" onClick={() => dismissToast(toast.id)}>
        <Icon name="close" size={16} />
      </button>
    </li>
  );
};

export const Toasts = () => {
  const toasts = useAppStore((state) => state.toasts);
  return (
    <ol className="toasts" aria-label="Notifications" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ol>
  );
};
