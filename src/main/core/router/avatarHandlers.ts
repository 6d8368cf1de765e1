import type { AvatarService } from '../avatars/avatarService';
import type { HandlerGroup } from './router';

export const avatarHandlers = (
  avatars: AvatarService,
): HandlerGroup<'avatars.upload' | 'avatars.get' | 'avatars.list' | 'avatars.update' | 'avatars.delete' | 'avatars.move'> => ({
  'avatars.upload': (args) => avatars.upload(args),
  'avatars.get': ({ id }) => avatars.require(id),
  'avatars.list': (args) => avatars.list(args),
  'avatars.update': (args) => avatars.update(args),
  'avatars.delete': (args) => avatars.delete(args),
  'avatars.move': (args) => avatars.move(args),
});
