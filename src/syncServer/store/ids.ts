import { randomBytes } from 'node:crypto';

/** Cuid-like ids (the cloud's Prisma models use cuid()): lowercase, 25 characters, starting with 'c'. */
export const newId = (now: number): string =>
  `c${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex').slice(0, 15)}`;

export const isoAt = (ms: number): string => new Date(ms).toISOString();
