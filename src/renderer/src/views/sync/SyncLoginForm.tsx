import { useId, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SyncStatus } from '../../../../shared/sync';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { Field, describedBy } from '../../components/fields/Field';
import { useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { loginProblems } from './syncLogin';
import { useSyncStore } from './syncStore';

/**
 * Signs in to Lumiku. The password is read from its box only when the form is sent (never held in
 * React state) and the box is emptied whatever the answer; only the session is kept, by core.
 */
export const SyncLoginForm = ({ status, again = false }: { status: SyncStatus; again?: boolean }) => {
  const transport = useTransport();
  const sync = useSyncStore();
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { server: useId(), email: useId(), password: useId() };
  const [serverUrl, setServerUrl] = useState(status.serverUrl);
  const [email, setEmail] = useState(status.account?.email ?? '');
  const [errors, setErrors] = useState<{ serverUrl?: string; email?: string; password?: string }>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const password = passwordRef.current;
    if (!password) return;
    setFailure(null);
    const problems = loginProblems({ serverUrl, email, password: password.value });
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await transport.invoke('sync.login', { serverUrl: serverUrl.trim(), email: email.trim(), password: password.value });
    // Sent: the box lets go of the password whatever the answer was.
    password.value = '';
    setBusy(false);
    if (result.ok) sync.apply(result.value);
    else setFailure(result.error);
  };

  const hints = {
    server: 'The Lumiku server your account lives on.',
    password: 'Sent to that server once to sign in; only the session it answers with is kept.',
  };

  return (
    <form
      className="settings-form sync-login"
      noValidate
      aria-label={again ? 'Sign in to Lumiku again' : 'Sign in to Lumiku'}
      data-testid="sync-login"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormProblem problem={failure ? { ...describeError(failure), detail: `${describeError(failure).detail} Type the password again to retry.` } : null} />
      <Field id={ids.server} label="Server" hint={hints.server} error={errors.serverUrl}>
        <input
          id={ids.server}
          className="input"
          type="url"
          inputMode="url"
          value={serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
          aria-invalid={errors.serverUrl ? true : undefined}
          aria-describedby={describedBy(ids.server, errors.serverUrl, hints.server)}
          data-testid="sync-server-url"
        />
      </Field>
      <Field id={ids.email} label="Email" error={errors.email}>
        <input
          id={ids.email}
          className="input"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(ids.email, errors.email, undefined)}
          data-testid="sync-email"
        />
      </Field>
      <Field id={ids.password} label="Password" hint={hints.password} error={errors.password}>
        <input
          ref={passwordRef}
          id={ids.password}
          className="input sync-login__password"
          type="password"
          autoComplete="current-password"
          maxLength={200}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(ids.password, errors.password, hints.password)}
          data-testid="sync-password"
        />
      </Field>
      <div className="settings-card__footer">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? <Spinner /> : <Icon name="key" size={16} />}
          {busy ? 'Signing in…' : again ? 'Sign in again' : 'Sign in'}
        </button>
      </div>
    </form>
  );
};
