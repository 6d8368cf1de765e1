import type { CommandOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { IMAGE_SCHEME, type PreloadBridge } from '../../../shared/transport';
import { createEventHub } from './eventHub';
import { isResult, transportFailed } from './failure';
import type { AppTransport } from './types';

/** IPC never drops events while the window lives, so there is nothing to resync and no connection to show. */
export const createElectronTransport = (bridge: PreloadBridge): AppTransport => {
  const hub = createEventHub();
  bridge.onEvent((event) => hub.emit(event));
  return {
    shell: 'electron',
    connection: null,
    async invoke(command, input) {
      try {
        const result = await bridge.invoke(command, input);
        if (!isResult(result)) return transportFailed('Avatar Creator answered in a form this window does not understand.');
        return result as Result<CommandOutput<typeof command>>;
      } catch (error) {
        return transportFailed(`Could not reach Avatar Creator: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    on: hub.on,
    onResync: hub.onResync,
    imageUrl: (avatarId, variant) => `${IMAGE_SCHEME}://image/${avatarId}/${variant}`,
  };
};
