import { useState } from 'react';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import type { AppErrorShape } from '../../../../shared/errors';
import type { LibraryMove } from '../../../../shared/diagnostics';

/**
 * "Move library…": the desktop app asks for a folder, copies and checks everything, then restarts
 * there. A browser window cannot pick folders on this computer, so it says how to do it instead.
 */
export const MoveLibrary = () => {
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [moved, setMoved] = useState<LibraryMove | null>(null);

  if (transport.shell !== 'electron') {
    return (
      <p className="settings-card__description" data-testid="move-library-hint">
        To move the library, use the desktop app, or close the app and run <code>avatar-creator library move &lt;folder&gt;</code>.
      </p>
    );
  }

  const move = async () => {
    setBusy(true);
    setProblem(null);
    const result = await transport.invoke('library.move', {});
    setBusy(false);
    if (result.ok) setMoved(result.value);
    else if (result.error.code !== 'CANCELLED') setProblem(result.error);
  };

  if (moved) {
    return (
      <p className="settings-card__description" role="status">
        Moved {moved.avatars} avatars to <code>{moved.to}</code>. Avatar Creator restarts there now.
      </p>
    );
  }
  return (
    <div className="move-library">
      <FormProblem problem={problem && describeError(problem)} />
      <button type="button" className="btn btn--secondary" onClick={() => void move()} disabled={busy}>
        {busy ? <Spinner /> : <Icon name="folder" size={16} />}
        {busy ? 'Moving the library…' : 'Move library…'}
      </button>
    </div>
  );
};
