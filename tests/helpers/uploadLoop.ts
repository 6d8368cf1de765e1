// Child process for the crash test: uploads forever into one project, printing each id once committed.
import { readFileSync } from 'node:fs';
import { openLibrary } from '../../src/main/core';
import { MIGRATIONS } from './library';

const [dir, projectId, imagePath] = process.argv.slice(2) as [string, string, string];
const bytes = readFileSync(imagePath);
const library = await openLibrary({ dir, migrationsFolder: MIGRATIONS, orphanGraceMs: 60_000, log: () => {} });
for (let i = 0; ; i += 1) {
  const result = await library.router.invoke('avatars.upload', { projectId, fileName: `loop-${i}.jpg`, bytes }, { shell: 'test' });
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write(`${(result.value as { id: string }).id}\n`);
}
