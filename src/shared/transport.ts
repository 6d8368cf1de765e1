import type { AppEvent, CommandInput, CommandOutput, EventPayload } from './contract';
import type { ImageVariant } from './domain';
import type { CommandName, EventName } from './names';
import type { Result } from './result';

/** What the renderer talks to. Electron IPC and the web bridge each implement it. */
export interface Transport {
  invoke<C extends CommandName>(command: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Called after the event stream was interrupted and is back: events may have been missed, so reload. */
  onResync(listener: () => void): () => void;
  imageUrl(avatarId: string, variant: ImageVariant): string;
}

/**
 * What the preload exposes on `window.avatarCreator`: untyped on purpose (the main process
 * validates everything), and as small as it can be.
 */
export interface PreloadBridge {
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const PRELOAD_GLOBAL = 'avatarCreator' as const;

/** The custom scheme the Electron shell serves images on: `avatar-image://image/<avatarId>/<variant>`. */
export const IMAGE_SCHEME = 'avatar-image' as const;
