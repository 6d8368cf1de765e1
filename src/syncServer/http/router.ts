import type { Route } from './context';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export interface Router {
  match(method: string, path: string): RouteMatch | null;
}

const split = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * Exact segment matching with :params, first route wins. As in Hono, a known path with an
 * unknown method is simply not found (404 {error: 'Not Found'}), not 405.
 */
export const createRouter = (routes: readonly Route[]): Router => {
  const compiled = routes.map((route) => ({ route, segments: split(route.pattern) }));
  return {
    match: (method, path) => {
      let parts: string[];
      try {
        parts = split(path).map((part) => decodeURIComponent(part));
      } catch {
        return null;
      }
      for (const { route, segments } of compiled) {
        if (route.method !== method || segments.length !== parts.length) continue;
        const params: Record<string, string> = {};
        const matched = segments.every((segment, index) => {
          const part = parts[index] as string;
          if (segment.startsWith(':')) {
            params[segment.slice(1)] = part;
            return true;
          }
          return segment === part;
        });
        if (matched) return { route, params };
      }
      return null;
    },
  };
};
