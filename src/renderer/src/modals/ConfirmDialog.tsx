import { useState, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { Spinner } from '../components/Spinner';
import { errorLine } from '../lib/errorText';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  /** Does the work; an error keeps the dialog open and is shown in it. */
  onConfirm(): Promise<AppErrorShape | null>;
  onClose(): void;
}

/** Asks before something that cannot be undone. Cancel has focus first, so a stray Enter is harmless. */
export const ConfirmDialog = ({ title, children, confirmLabel = 'Delete', onConfirm, onClose }: ConfirmDialogProps) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const failure = await onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Modal
      title={title}
      description={children}
      size="small"
      role="alertdialog"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </button>
          <button type="button" className="btn btn--danger" onClick={() => void confirm()} disabled={busy}>
            {busy && <Spinner />}
            {confirmLabel}
          </button>
        </>
      }
    >
      {error && (
        <p className="form-error" role="alert">
          {errorLine(error)}
        </p>
      )}
    </Modal>
  );
};
