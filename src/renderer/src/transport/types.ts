import type { Transport } from '../../../shared/transport';

export const CONNECTION_STATES = ['connecting', 'open', 'reconnecting'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** The live event stream's health, for transports whose stream can drop (the web bridge). */
export interface ConnectionSource {
  state(): ConnectionState;
  onChange(listener: (state: ConnectionState) => void): () => void;
}

/** The shared Transport plus what only some shells can tell the UI. */
export interface AppTransport extends Transport {
  readonly shell: 'electron' | 'web';
  readonly connection: ConnectionSource | null;
}
