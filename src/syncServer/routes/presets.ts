import type { Route } from '../http/context';
import { jsonReply, notFoundResource } from '../http/reply';
import { PRESETS } from '../presets';
import { queryPresetsSchema } from '../validation/schemas';
import { preprocessQuery, validateOrFail } from '../validation/validate';
import { APP_PREFIX } from './common';

/** No auth, as in the cloud. An unknown category is a validation failure: 500 "Query validation failed: ...". */
const list: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/presets`,
  body: 'none',
  handle: async (context) => {
    const { category } = validateOrFail(queryPresetsSchema, preprocessQuery(context.query), 'Query validation failed: ');
    return jsonReply(200, { presets: PRESETS.filter((preset) => !category || preset.category === category) });
  },
};

const get: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/presets/:id`,
  body: 'none',
  handle: async (context) => {
    const preset = PRESETS.find((candidate) => candidate.id === context.params.id);
    if (!preset) throw notFoundResource('Preset');
    return jsonReply(200, { preset });
  },
};

export const presetRoutes: readonly Route[] = [list, get];
