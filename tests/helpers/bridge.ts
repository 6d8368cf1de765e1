import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import type { LibraryOptions } from '../../src/main/core';
import { openTestLibrary, type TestLibrary } from './library';

export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface TestBridge {
  lib: TestLibrary;
  bridge: WebBridge;
  dispose(): Promise<void>;
}

/** A web bridge over a fresh temp library, serving the built renderer (`npm test` builds it first). */
export const startTestBridge = async (options: { dir?: string; generation?: LibraryOptions['generation'] } = {}): Promise<TestBridge> => {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
  const lib = await openTestLibrary({ watch: true, ...(options.dir && { dir: options.dir }), ...(options.generation && { generation: options.generation }) });
  const bridge = await startWebBridge({ library: lib.library, rendererDir: RENDERER_DIR });
  return {
    lib,
    bridge,
    async dispose() {
      await bridge.close();
      lib.dispose();
    },
  };
};
