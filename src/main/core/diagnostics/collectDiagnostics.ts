import os from 'node:os';
import type { Diagnostics } from '../../../shared/diagnostics';
import type { QueueStatus } from '../../../shared/domain';
import type { Settings, TokenStatus } from '../../../shared/settings';
import { redactSecrets } from '../logging/redact';
import type { RecentError } from '../logging/appLog';

export interface DiagnosticsSources {
  appVersion: string;
  shell: string;
  libraryDir: string;
  counts(): { projects: number; avatars: number };
  settings(): Settings | Promise<Settings>;
  token(): TokenStatus | null | Promise<TokenStatus | null>;
  queue(): QueueStatus;
  recentErrors(): RecentError[];
  now(): number;
}

/** Settings hold no token, but an endpoint URL can carry a password or a key: those go. */
const withoutSecrets = (settings: Settings): Settings => ({
  ...settings,
  generation: { ...settings.generation, endpointUrl: settings.generation.endpointUrl && redactSecrets(settings.generation.endpointUrl) },
});

export const collectDiagnostics = async (sources: DiagnosticsSources): Promise<Diagnostics> => {
  const queue = sources.queue();
  return {
    generatedAt: sources.now(),
    app: { version: sources.appVersion, shell: sources.shell },
    runtime: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      platform: process.platform,
      arch: process.arch,
      osRelease: os.release(),
    },
    library: { dir: sources.libraryDir, ...sources.counts(), pendingGenerations: queue.counts.pending, processingGenerations: queue.counts.processing },
    settings: withoutSecrets(await sources.settings()),
    token: await sources.token(),
    queue,
    recentErrors: sources.recentErrors().map((entry) => ({ at: entry.at, message: redactSecrets(entry.message) })),
  };
};
