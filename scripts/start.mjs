#!/usr/bin/env node
// `npm start`: checks what the desktop app needs, then `electron-vite preview` (build + launch).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT, buildElectronNative, electronBinaryPresent } from './native-electron.mjs';

const root = PROJECT_ROOT;

if (!electronBinaryPresent(root)) {
  console.error(
    [
      'Avatar Creator cannot start: the Electron binary is not installed (node_modules/electron/dist is missing).',
      'This happens when `npm install` ran without internet access or with ELECTRON_SKIP_BINARY_DOWNLOAD set.',
      '',
      'To get it, with internet: node node_modules/electron/install.js',
      '(behind a mirror, set ELECTRON_MIRROR first), then run `npm start` again.',
      '',
      'Meanwhile `npm run web` opens the same app in your browser, on the same library.',
    ].join('\n'),
  );
  process.exit(1);
}

try {
  const native = buildElectronNative({ root, log: (line) => console.log(line) });
  if (native.status === 'built') console.log(`Built better-sqlite3 for Electron: ${path.relative(root, native.file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('\nAvatar Creator cannot start without better-sqlite3 built for Electron (see above).');
  process.exit(1);
}

const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

// Ctrl+C reaches the whole process group anyway; forwarding covers a `kill <pid>` aimed at us.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Could not run electron-vite: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
