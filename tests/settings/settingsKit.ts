import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openNodeSettingsBackend } from '../../src/main/core/settings/nodeBackend';
import { SettingsService, type SettingsServiceOptions } from '../../src/main/core/settings/settingsService';
import { tempDir } from '../helpers/library';

/** A temp folder for config.json, a recording logger, and services opened on it with real conf. */
export const settingsKit = () => {
  const dirs: string[] = [];
  const services: SettingsService[] = [];
  const logged: string[] = [];
  const log = (message: string, error?: unknown): void => void logged.push(error ? `${message} ${String(error)}` : message);

  return {
    logged,
    log,
    dir(): string {
      const dir = tempDir('settings');
      dirs.push(dir);
      return dir;
    },
    file: (dir: string): string => path.join(dir, 'config.json'),
    read: (dir: string): any => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')),
    text: (dir: string): string => readFileSync(path.join(dir, 'config.json'), 'utf8'),
    write: (dir: string, value: unknown): void => writeFileSync(path.join(dir, 'config.json'), typeof value === 'string' ? value : JSON.stringify(value)),
    async open(dir: string, options: Partial<SettingsServiceOptions> & { watch?: boolean } = {}): Promise<SettingsService> {
      const { watch = false, ...rest } = options;
      const service = new SettingsService({ backend: await openNodeSettingsBackend({ dir, watch, log }), log, ...rest });
      services.push(service);
      return service;
    },
    dispose(): void {
      for (const service of services.splice(0)) service.close();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
};
