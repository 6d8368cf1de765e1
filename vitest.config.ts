import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real SQLite files, real sharp and real browsers: two cores are plenty for two workers.
    maxWorkers: 2,
    // electron-store imports 'electron' itself: bundled through Vite, its import meets the tests' vi.mock fake.
    server: { deps: { inline: ['electron-store'] } },
    // Tests (and the CLIs they spawn) never read or write the settings file or the log in the real home folder.
    env: {
      AVATAR_CREATOR_CONFIG_DIR: path.join(os.tmpdir(), 'avatar-creator-tests', 'config'),
      AVATAR_CREATOR_LOG_DIR: path.join(os.tmpdir(), 'avatar-creator-tests', 'logs'),
    },
  },
});
