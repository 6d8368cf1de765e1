import { useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../components/Icon';
import { useFocusTrap } from '../hooks/useFocusTrap';
import { useModalLayer } from '../hooks/useModalLayer';
import './Modal.css';

interface ModalProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  onClose(): void;
  /** While work is in flight the dialog cannot be dismissed by Escape, the backdrop or ×. */
  busy?: boolean;
  size?: 'small' | 'medium' | 'large';
  role?: 'dialog' | 'alertdialog';
  /** Makes body + footer one form, so Enter submits. */
  onSubmit?(): void;
}

/** A modal dialog: portalled above the app, which goes inert; focus trapped; Escape closes. */
export const Modal = ({ title, description, children, footer, onClose, busy = false, size = 'medium', role = 'dialog', onSubmit }: ModalProps) => {
  const dialogRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useModalLayer(layerRef);
  const trapTab = useFocusTrap(dialogRef);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Portals bubble through the React tree: keep a panel behind us from closing too.
      event.stopPropagation();
      event.preventDefault();
      if (!busy) onClose();
      return;
    }
    trapTab(event);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit?.();
  };

  const content = (
    <>
      <div className="modal__body">{children}</div>
      {footer && <div className="modal__footer">{footer}</div>}
    </>
  );

  return createPortal(
    <div className="modal-layer" ref={layerRef}>
      <div
        className="modal-backdrop"
        onMouseDown={(event) => {
          if (event.target === event.currentTarget && !busy) onClose();
        }}
      >
        <div
          ref={dialogRef}
          className={`modal modal--${size}`}
          role={role}
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={description ? descriptionId : undefined}
          aria-busy={busy || undefined}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          <div className="modal__header">
            <div>
              <h2 id={titleId} className="modal__title">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="modal__description">
                  {description}
                </p>
              )}
            </div>
            <button type="button" className="btn btn--icon btn--quiet" aria-label="Close dialog" onClick={onClose} disabled={busy}>
              <Icon name="close" />
            </button>
          </div>
          {onSubmit ? (
            <form className="modal__form" onSubmit={submit} noValidate>
              {content}
            </form>
          ) : (
            content
          )}
        </div>
      </div>
    </div>,
    document.body,
  );
};
