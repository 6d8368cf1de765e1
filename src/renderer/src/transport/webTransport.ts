import type { CommandOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { ErrorCode } from '../../../shared/errors';
import { decodeWire, encodeWire } from '../../../shared/wire';
import { createEventHub } from './eventHub';
import { connectEventSocket } from './eventSocket';
import { isResult, transportFailed } from './failure';
import type { AppTransport } from './types';

/** Must match src/web/access.ts. */
const TOKEN_HEADER = 'x-avatar-token';

const TOKEN_REFUSED = 'This page’s access token was refused. Open the full URL printed by `npm run web`: it carries the token of the running bridge.';

const describeHttpFailure = (status: number): string => (status === 401 ? TOKEN_REFUSED : `The web bridge answered with HTTP ${status}.`);

/**
 * Talks to the web bridge: commands are POSTs carrying the token in a header, events arrive on
 * one WebSocket, images are plain same-origin URLs authenticated by the bridge's HttpOnly cookie.
 */
export const createWebTransport = (location: Location): AppTransport => {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const hub = createEventHub();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const connection = connectEventSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`, hub);

  return {
    shell: 'web',
    connection,
    async invoke(command, input) {
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: encodeWire(input),
        });
      } catch {
        return transportFailed('Could not reach Avatar Creator. Is the web bridge still running?');
      }
      let body: unknown;
      try {
        body = decodeWire(await response.text());
      } catch {
        return transportFailed(describeHttpFailure(response.status));
      }
      // Envelopes come back with 200; refusals (401, 413…) carry an error envelope of their own.
      if (!isResult(body)) return transportFailed(describeHttpFailure(response.status));
      if (response.status === 401) return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: TOKEN_REFUSED } };
      return body as Result<CommandOutput<typeof command>>;
    },
    on: hub.on,
    onResync: hub.onResync,
    imageUrl: (avatarId, variant) => `/images/${encodeURIComponent(avatarId)}/${variant}`,
  };
};
