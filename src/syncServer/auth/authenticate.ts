import { header, type RequestContext } from '../http/context';
import { HttpFailure, jsonReply } from '../http/reply';
import type { Services } from '../services';
import { findUserById } from '../store/users';

const unauthorized = (reason: string) => new HttpFailure(jsonReply(401, { error: `Unauthorized - ${reason}` }));

/** The cloud's authMiddleware: Bearer JWT, user must still exist; every failure is 401 with a reason. */
export const authenticate = async (context: RequestContext, services: Services): Promise<string> => {
  const authorization = header(context, 'authorization');
  if (!authorization || !authorization.startsWith('Bearer ')) throw unauthorized('No token provided');
  const claims = await services.tokens.verify(authorization.slice('Bearer '.length));
  if (!claims) throw unauthorized('Invalid token');
  if (!findUserById(services.db, claims.userId)) throw unauthorized('User not found');
  context.userId = claims.userId;
  return claims.userId;
};
