import type { SettingsService } from '../settings/settingsService';
import type { TokenService } from '../settings/tokenService';
import type { HandlerGroup } from './router';

type SettingsCommand = 'settings.get' | 'settings.update' | 'token.status' | 'token.set' | 'token.clear' | 'token.verify';

/** Every token command answers with TokenStatus: the token goes in through token.set and never comes out. */
export const settingsHandlers = (settings: SettingsService, tokens: TokenService): HandlerGroup<SettingsCommand> => ({
  'settings.get': () => settings.get(),
  'settings.update': (patch) => settings.update(patch),
  'token.status': () => tokens.status(),
  'token.set': ({ token, keep, allowWeakStorage }) => tokens.set(token, keep, allowWeakStorage),
  'token.clear': () => tokens.clear(),
  'token.verify': () => tokens.verify(),
});
