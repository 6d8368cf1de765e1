import { useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';

/**
 * "Copy diagnostics": versions, settings and recent errors for a bug report, gathered by the
 * library with every secret cut out. Where the page may not write the clipboard (the desktop
 * window grants no permissions) the text is shown selected, ready for Ctrl/Cmd+C.
 */
export const DiagnosticsPanel = () => {
  const transport = useTransport();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const areaId = useId();

  const copy = async () => {
    setBusy(true);
    const result = await transport.invoke('diagnostics.get', {});
    setBusy(false);
    if (!result.ok) {
      toast.failure('Could not gather diagnostics', result.error);
      return;
    }
    const report = JSON.stringify(result.value, null, 2);
    try {
      await navigator.clipboard.writeText(report);
      setText(null);
      toast.success('Diagnostics copied', 'Paste them into your bug report. They hold no token or password.');
    } catch {
      setText(report);
      requestAnimationFrame(() => area.current?.select());
    }
  };

  return (
    <div className="diagnostics" data-testid="diagnostics">
      <p className="settings-card__description">Versions, settings and the latest errors, for a bug report. Tokens and passwords are left out.</p>
      <button type="button" className="btn btn--secondary" onClick={() => void copy()} disabled={busy}>
        {busy ? <Spinner /> : <Icon name="copy" size={16} />}
        Copy diagnostics
      </button>
      {text !== null && (
        <>
          <label htmlFor={areaId} className="diagnostics__label">
            This window cannot write to the clipboard: the text is selected, press Ctrl+C (⌘C on a Mac).
          </label>
          <textarea id={areaId} ref={area} className="input diagnostics__text" readOnly rows={10} value={text} />
        </>
      )}
    </div>
  );
};
