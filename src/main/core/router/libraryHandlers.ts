import type { AvatarSearch } from '../avatars/avatarSearch';
import type { PresetService } from '../presets/presetService';
import type { StatsService } from '../usage/statsService';
import type { UsageService } from '../usage/usageService';
import type { HandlerGroup } from './router';

type SearchAndUsageCommand = 'avatars.search' | 'usage.record' | 'usage.list' | 'stats.get';
type PresetCommand = 'presets.list' | 'presets.get' | 'presets.create' | 'presets.update' | 'presets.delete' | 'presets.use';

export const searchAndUsageHandlers = (search: AvatarSearch, usage: UsageService, stats: StatsService): HandlerGroup<SearchAndUsageCommand> => ({
  'avatars.search': (args) => search.search(args),
  'usage.record': (args) => usage.record(args),
  'usage.list': (args) => usage.list(args),
  'stats.get': () => stats.get(),
});

export const presetHandlers = (presets: PresetService): HandlerGroup<PresetCommand> => ({
  'presets.list': (args) => presets.list(args),
  'presets.get': ({ id }) => presets.require(id),
  'presets.create': (args) => presets.create(args),
  'presets.update': (args) => presets.update(args),
  'presets.delete': ({ id }) => presets.delete(id),
  'presets.use': (args) => presets.use(args),
});
