import { Icon } from '../../components/Icon';

/**
 * Said wherever a generate dialog picks the provider while no Hugging Face token is set: why it
 * is offline, or, when Hugging Face is chosen anyway, that the jobs would wait for a token.
 */
export const NoTokenNote = ({ offline }: { offline: boolean }) =>
  offline ? (
    <p className="note note--info" data-testid="no-token-note">
      <Icon name="wifiOff" size={16} />
      <span>
        No Hugging Face token: drawn offline. <a href="#/settings/token">Add a token in Settings.</a>
      </span>
    </p>
  ) : (
    <p className="note note--warning" data-testid="no-token-note">
      <Icon name="alert" size={16} />
      <span>
        No Hugging Face token is set: these would wait in the queue until you <a href="#/settings/token">add one in Settings</a>.
      </span>
    </p>
  );
