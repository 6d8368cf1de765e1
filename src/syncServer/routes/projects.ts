import { authenticate } from '../auth/authenticate';
import { idempotent } from '../extension/withIdempotency';
import type { Route } from '../http/context';
import { jsonReply, notFoundResource } from '../http/reply';
import { enforceLimit } from '../rateLimit';
import * as projects from '../store/projects';
import { createProjectSchema, updateProjectSchema } from '../validation/schemas';
import { validateOrFail } from '../validation/validate';
import { APP_PREFIX, jsonBody } from './common';

const list: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/projects`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    return jsonReply(200, { projects: projects.listProjects(services.db, userId) });
  },
};

/** auth → rate limit (20/hour) → validateBody → create; every attempt counts against the limit, invalid ones too. */
const create: Route = {
  method: 'POST',
  pattern: `${APP_PREFIX}/projects`,
  body: 'json',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    return idempotent(context, services, async () => {
      const limits = services.options.rateLimits;
      if (limits) {
        const rule = {
          key: 'rl:avatar-creator:projects',
          max: limits.projectsPerHour,
          windowMs: limits.projectWindowMs,
          message: 'Too many project creation requests. Please try again later.',
        };
        enforceLimit(services.limiter, rule, context, services.clock);
      }
      const input = validateOrFail(createProjectSchema, jsonBody(context));
      const project = projects.createProject(services.db, { userId, ...input }, services.clock());
      return jsonReply(200, { message: 'Project created successfully', project });
    });
  },
};

const get: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/projects/:id`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const project = projects.findProjectWithAvatars(services.db, context.params.id as string, userId);
    if (!project) throw notFoundResource('Project');
    return jsonReply(200, { project });
  },
};

/** Validation runs before the owner check, so another user's project with a bad body is a 500, not a 404. */
const update: Route = {
  method: 'PUT',
  pattern: `${APP_PREFIX}/projects/:id`,
  body: 'json',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const input = validateOrFail(updateProjectSchema, jsonBody(context));
    const id = context.params.id as string;
    if (!projects.findProject(services.db, id, userId)) throw notFoundResource('Project');
    const project = projects.updateProject(services.db, id, userId, input, services.clock());
    return jsonReply(200, { message: 'Project updated successfully', project });
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: `${APP_PREFIX}/projects/:id`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const id = context.params.id as string;
    if (!projects.findProject(services.db, id, userId)) throw notFoundResource('Project');
    projects.deleteProject(services.db, id, userId);
    return jsonReply(200, { message: 'Project deleted successfully' });
  },
};

export const projectRoutes: readonly Route[] = [list, create, get, update, remove];
