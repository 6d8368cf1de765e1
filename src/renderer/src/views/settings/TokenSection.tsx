import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { TokenStatus } from '../../../../shared/settings';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useActions, useAppStore, useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { formatRelative } from '../../lib/relativeTime';
import { ConfirmDialog } from '../../modals/ConfirmDialog';
import { SettingsCard } from './SettingsCard';
import { TokenForm } from './TokenForm';
import { tokenStateLabel, tokenStorageText } from './tokenText';
import './TokenSection.css';

/** How each state of the token reads at a glance. */
const TOKEN_TONE = { unset: 'neutral', set: 'info', valid: 'success', invalid: 'danger' } as const;

/** The token's state and where it is kept, with Verify and Remove. Never the token itself. */
const TokenStatusRow = ({ status }: { status: TokenStatus }) => {
  const transport = useTransport();
  const { tokenStatusLoaded } = useActions();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const storage = tokenStorageText(status);

  const verify = async () => {
    setChecking(true);
    setFailure(null);
    const result = await transport.invoke('token.verify', {});
    setChecking(false);
    if (result.ok) tokenStatusLoaded(result.value);
    else setFailure(result.error);
  };

  const remove = async (): Promise<AppErrorShape | null> => {
    const result = await transport.invoke('token.clear', {});
    if (!result.ok) return result.error;
    tokenStatusLoaded(result.value);
    return null;
  };

  return (
    <div className="token-status" data-testid="token-status" data-state={status.state} data-storage={status.storage}>
      <div className="token-status__text">
        <p className="token-status__line">
          <span className={`status-chip status-chip--${TOKEN_TONE[status.state]}`} data-testid="token-chip">
            {tokenStateLabel(status)}
          </span>
          {status.checkedAt !== null && (
            <span className="token-status__checked" title={formatDateTime(status.checkedAt)}>
              checked {formatRelative(status.checkedAt)}
            </span>
          )}
        </p>
        <p className="token-status__storage" data-testid="token-storage">
          {storage}
        </p>
        {status.state === 'invalid' && <p className="token-status__advice">Hugging Face refused it: it may be expired, revoked, or lack the “Make calls to Inference Providers” permission. Set a new one below.</p>}
        {failure && (
          <p className="form-error" role="alert">
            <Icon name="alert" size={16} />
            <span>
              Could not check the token: {describeError(failure).detail}
            </span>
          </p>
        )}
      </div>
      {status.state !== 'unset' && (
        <div className="token-status__actions">
          <button type="button" className="btn btn--secondary" onClick={() => void verify()} disabled={checking}>
            {checking ? <Spinner /> : <Icon name="check" size={16} />}
            {checking ? 'Checking…' : 'Verify'}
          </button>
          <button type="button" className="btn btn--danger-ghost" onClick={() => setConfirming(true)}>
            <Icon name="trash" size={16} />
            Remove
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog title="Remove the Hugging Face token?" confirmLabel="Remove token" onConfirm={remove} onClose={() => setConfirming(false)}>
          {status.storage === 'environment'
            ? 'Avatar Creator stops using HF_TOKEN from the environment until it restarts. '
            : 'It is deleted from this computer. '}
          Avatars are then drawn offline until you set a token again.
        </ConfirmDialog>
      )}
    </div>
  );
};

export const TokenSection = () => {
  const status = useAppStore((state) => state.tokenStatus);
  const error = useAppStore((state) => state.tokenError);
  return (
    <SettingsCard section="token" title="Hugging Face token" description="Needed to make avatars with FLUX.1 on Hugging Face. It goes to Hugging Face and nowhere else, and is never shown again once set.">
      {status ? (
        <>
          <TokenStatusRow status={status} />
          <TokenForm status={status} />
        </>
      ) : (
        <p className="settings-card__empty">{error ? `The token’s status could not be read: ${describeError(error).detail}` : 'Reading the token’s status…'}</p>
      )}
    </SettingsCard>
  );
};
