import { useId, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { TokenStatus } from '../../../../shared/settings';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { Field, describedBy } from '../../components/fields/Field';
import { useActions, useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { ChoiceCards } from './ChoiceCards';
import { TOKENS_PAGE, TOKEN_MAX, tokenKeeping, tokenProblem } from './tokenText';

type Keep = 'persist' | 'session';

/**
 * A new token: a password box read only when the form is sent (the token is never held in React
 * state), then emptied. How it is kept is asked plainly; weak storage needs the user's yes.
 */
export const TokenForm = ({ status }: { status: TokenStatus }) => {
  const transport = useTransport();
  const { tokenStatusLoaded } = useActions();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const keeping = tokenKeeping(transport.shell, status.canEncrypt);
  const [keep, setKeep] = useState<Keep>(keeping === 'encrypted' ? 'persist' : 'session');
  const [consent, setConsent] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const persisting = keeping !== 'sessionOnly' && keep === 'persist';
  const hint = status.state === 'unset' ? 'Starts with hf_. It is sent only to Hugging Face and never shown again.' : 'Replaces the token in use.';

  const submit = async () => {
    const input = inputRef.current;
    if (!input) return;
    setFailure(null);
    setDone(null);
    const problem = tokenProblem(input.value);
    setFieldError(problem);
    if (problem) return input.focus();
    if (persisting && keeping === 'weak' && !consent) return;
    setBusy(true);
    const result = await transport.invoke('token.set', { token: input.value.trim(), keep: persisting ? 'persist' : 'session', allowWeakStorage: persisting && keeping === 'weak' && consent });
    // Sent: the box lets go of it whatever the answer was.
    input.value = '';
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    tokenStatusLoaded(result.value);
    setConsent(false);
    setDone(result.value.storage === 'session' ? 'Token set for this session only.' : 'Token saved.');
  };

  return (
    <form
      className="settings-form token-form"
      noValidate
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormProblem problem={failure ? { ...describeError(failure), detail: `${describeError(failure).detail} Paste the token again to retry.` } : null} />
      <Field id={inputId} label={status.state === 'unset' ? 'Token' : 'New token'} hint={hint} error={fieldError}>
        <input
          ref={inputRef}
          id={inputId}
          className="input token-form__input"
          type="password"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={TOKEN_MAX + 20}
          placeholder="hf_…"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy(inputId, fieldError, hint)}
          data-testid="token-input"
        />
      </Field>
      {keeping === 'sessionOnly' ? (
        <p className="note note--info" data-testid="token-session-only">
          <Icon name="info" size={16} />
          <span>
            This window reaches Avatar Creator through the web bridge, which cannot store a token securely: it is kept <strong>for this session only</strong>, until the bridge stops. To keep it, save it in the desktop app or set HF_TOKEN.
          </span>
        </p>
      ) : (
        <ChoiceCards<Keep>
          legend="Keep it"
          value={keep}
          onChange={setKeep}
          choices={[
            { id: 'persist', label: keeping === 'encrypted' ? 'Remember it (encrypted)' : 'Remember it (weak protection)', detail: keeping === 'encrypted' ? 'Stored by this computer’s secure store.' : 'This system has no secure store.' },
            { id: 'session', label: 'Only for this session', detail: 'Forgotten when Avatar Creator quits.' },
          ]}
          note={
            keeping === 'weak' && keep === 'persist' ? (
              <div className="note note--warning token-form__weak" role="group" aria-label="Weak storage">
                <Icon name="alert" size={16} />
                <div>
                  <p>This system has no secure store (no keyring), so a remembered token would be saved with weak protection: anyone who can read your files could recover it. Keeping it for this session only is safer.</p>
                  <label className="check">
                    <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
                    <span>I understand; save it with weak protection anyway.</span>
                  </label>
                </div>
              </div>
            ) : null
          }
        />
      )}
      <div className="settings-card__footer">
        <p className="settings-card__status" role="status">
          {done}
        </p>
        <a className="btn btn--quiet" href={TOKENS_PAGE} target="_blank" rel="noreferrer">
          Get a token
        </a>
        <button type="submit" className="btn btn--primary" disabled={busy || (persisting && keeping === 'weak' && !consent)}>
          {busy ? <Spinner /> : <Icon name="key" size={16} />}
          {busy ? 'Saving…' : persisting ? 'Save token' : 'Use for this session'}
        </button>
      </div>
    </form>
  );
};
