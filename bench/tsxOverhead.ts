// ingestImage loads sharp with `await import('sharp')` on every job. Under tsx, which is how the
// benchmark runs src/, each such import is a round trip to the loader-hooks thread; the built app
// pays next to nothing. Measured here so the CPU per job can be read with that artefact taken out.
const CALLS = 400;

export const dynamicImportCpuUs = async (): Promise<number> => {
  await import('sharp');
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i += 1) await import('sharp');
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / CALLS);
};
