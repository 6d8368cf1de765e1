import { CloudError, type CloudClient } from './cloudClient';

export interface Capabilities {
  serverUrl: string;
  /** true: the extension (usage route, Idempotency-Key); false: the cloud as it is; null: not known yet. */
  extension: boolean | null;
  retentionSeconds: number;
  checkedAt: number;
}

/**
 * docs/sync-api.md §2.1: 200 with the extension's name and version ≥ 1 → on; a plain 404 → off;
 * anything else → unknown (sync as if off, ask again later).
 */
export const discoverCapabilities = async (cloud: CloudClient, now: number): Promise<Capabilities> => {
  const base = { serverUrl: cloud.baseUrl, retentionSeconds: 86_400, checkedAt: now };
  try {
    const { body } = await cloud.request('GET', '/api/apps/avatar-creator/capabilities');
    const features = body.features as { idempotencyKeys?: { retentionSeconds?: number }; usage?: unknown } | undefined;
    const on = body.extension === 'avatar-creator-sync' && typeof body.version === 'number' && body.version >= 1 && Boolean(features?.usage);
    return { ...base, extension: on, retentionSeconds: features?.idempotencyKeys?.retentionSeconds ?? base.retentionSeconds };
  } catch (error) {
    if (error instanceof CloudError && error.failure.kind === 'notFound' && error.failure.plain) return { ...base, extension: false };
    return { ...base, extension: null };
  }
};
