import type { Route } from '../http/context';
import { extensionRoutes } from '../extension/usageRoute';
import { authRoutes } from './auth';
import { avatarRoutes } from './avatars';
import { presetRoutes } from './presets';
import { projectRoutes } from './projects';
import { statsRoutes } from './stats';
import { uploadFileRoutes } from './uploads';
import { uploadRoutes } from './upload';

/** Without the extension its routes do not exist at all, so they answer the cloud's 404 like any unknown path. */
export const buildRoutes = (extension: boolean): Route[] => [
  ...authRoutes,
  ...projectRoutes,
  ...uploadRoutes,
  ...avatarRoutes,
  ...presetRoutes,
  ...statsRoutes,
  ...uploadFileRoutes,
  ...(extension ? extensionRoutes : []),
];
