import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTransport } from '../hooks/appContext';
import type { ConnectionSource } from '../transport';
import { Icon } from './Icon';

/** Short drops (a bridge restart) heal before anyone should be bothered. */
const GRACE_MS = 1500;

const noConnection = { state: () => 'open' as const, onChange: () => () => {} } satisfies ConnectionSource;

export const ConnectionBanner = () => {
  const source = useTransport().connection ?? noConnection;
  const state = useSyncExternalStore(source.onChange, source.state);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (state !== 'reconnecting') {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  if (!visible) return null;
  return (
    <div className="connection-banner" role="status">
      <Icon name="wifiOff" size={16} />
      Live updates paused — reconnecting to Avatar Creator…
    </div>
  );
};
