import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The page's CSP meta would block the dev server's inline React Refresh preamble and injected
 * styles; in dev the main process sends a dev-aware policy as a header instead.
 */
const cspMetaInBuildOnly: Plugin = {
  name: 'csp-meta-build-only',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
};

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI and the web bridge are plain Node shells over the same core; they share chunks with the app.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          web: resolve('src/web/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      minify: true,
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react(), cspMetaInBuildOnly],
  },
});
