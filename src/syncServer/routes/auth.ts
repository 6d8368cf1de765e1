import { verifyPassword } from '../auth/password';
import type { Route } from '../http/context';
import { appError, jsonReply } from '../http/reply';
import { findUserByEmail, publicUser } from '../store/users';
import { jsonBody } from './common';

/**
 * POST /api/auth/login. Any failure (unknown email, wrong password, a body without them) is the
 * cloud's generic 500: the service throws a plain Error and the handler hides its message.
 */
const login: Route = {
  method: 'POST',
  pattern: '/api/auth/login',
  body: 'json',
  handle: async (context, services) => {
    const generic = () => appError(500, 'UNHANDLED_ERROR', 'An unexpected error occurred');
    let input: unknown;
    try {
      input = jsonBody(context);
    } catch {
      throw generic();
    }
    const { email, password } = (input ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== 'string' || typeof password !== 'string') throw generic();
    const user = findUserByEmail(services.db, email);
    if (!user || !(await verifyPassword(password, user.passwordHash))) throw generic();
    const token = await services.tokens.issue({ userId: user.id, email: user.email });
    return jsonReply(200, { success: true, data: { user: publicUser(services.db, user), token }, message: 'Login successful' });
  },
};

const health: Route = {
  method: 'GET',
  pattern: '/health',
  body: 'none',
  handle: async (_context, services) => jsonReply(200, { status: 'ok', timestamp: new Date(services.clock()).toISOString() }),
};

export const authRoutes: readonly Route[] = [login, health];
