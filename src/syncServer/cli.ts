import { parseArgs } from 'node:util';
import { startSyncServer, type SyncServerHandle } from './startSyncServer';
import type { SyncServerOptions } from './options';

/** `npm run sync-server`: flags first, then SYNC_SERVER_* variables, then defaults. */
const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  extension: { type: 'boolean' },
  'no-rate-limits': { type: 'boolean' },
  'window-scale': { type: 'string' },
  data: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  credits: { type: 'string' },
  'token-ttl': { type: 'string' },
  'jwt-secret': { type: 'string' },
  'test-control': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Reference Lumiku server (the cloud API of LUMIKU_API.md, plus docs/sync-api.md's extension)

  --port <n>            default 8787            (SYNC_SERVER_PORT)
  --host <addr>         default 127.0.0.1       (SYNC_SERVER_HOST)
  --extension           offer the extension     (SYNC_SERVER_EXTENSION=1)
  --no-rate-limits      turn rate limits off    (SYNC_SERVER_RATE_LIMITS=off)
  --window-scale <x>    scale rate-limit windows, e.g. 0.01 (SYNC_SERVER_WINDOW_SCALE)
  --data <file>         SQLite file; default in memory (SYNC_SERVER_DATA)
  --email/--password    demo user               (SYNC_SERVER_EMAIL / SYNC_SERVER_PASSWORD)
  --credits <n>         demo user's balance, default 1000 (SYNC_SERVER_CREDITS)
  --token-ttl <s>       login token lifetime, default 7 days (SYNC_SERVER_TOKEN_TTL)
  --jwt-secret <s>      keep tokens valid across restarts (SYNC_SERVER_JWT_SECRET)
  --test-control        expose the fault handle under /__control (tests only)`;

const numberOr = (text: string | undefined, fallback: number, name: string): number => {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${text}"`);
  return value;
};

const envFlag = (value: string | undefined): boolean => value !== undefined && /^(1|true|on|yes)$/i.test(value);

export const cliOptions = (argv: string[], env: NodeJS.ProcessEnv): { options: SyncServerOptions; help: boolean } => {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  const rateLimitsOff = values['no-rate-limits'] === true || /^(0|false|off|no)$/i.test(env.SYNC_SERVER_RATE_LIMITS ?? '');
  const options: SyncServerOptions = {
    host: values.host ?? env.SYNC_SERVER_HOST ?? '127.0.0.1',
    port: numberOr(values.port ?? env.SYNC_SERVER_PORT, 8787, '--port'),
    extension: values.extension === true || envFlag(env.SYNC_SERVER_EXTENSION),
    rateLimits: rateLimitsOff ? false : { windowScale: numberOr(values['window-scale'] ?? env.SYNC_SERVER_WINDOW_SCALE, 1, '--window-scale') },
    dataFile: values.data ?? env.SYNC_SERVER_DATA ?? ':memory:',
    tokenTtlSeconds: numberOr(values['token-ttl'] ?? env.SYNC_SERVER_TOKEN_TTL, 7 * 24 * 60 * 60, '--token-ttl'),
    jwtSecret: values['jwt-secret'] ?? env.SYNC_SERVER_JWT_SECRET,
    controlRoutes: values['test-control'] === true,
    users: [
      {
        email: values.email ?? env.SYNC_SERVER_EMAIL ?? 'demo@lumiku.test',
        password: values.password ?? env.SYNC_SERVER_PASSWORD ?? 'demo-password',
        name: 'Demo User',
        creditBalance: numberOr(values.credits ?? env.SYNC_SERVER_CREDITS, 1000, '--credits'),
      },
    ],
  };
  return { options, help: values.help === true };
};

export const describeServer = (server: SyncServerHandle, options: SyncServerOptions): string => {
  const user = server.users[0];
  const limits = server.rateLimits;
  return [
    `Reference Lumiku server listening on ${server.url}`,
    `  extension:   ${server.extension ? 'on (GET /api/apps/avatar-creator/capabilities answers 200)' : 'off (the cloud as it is)'}`,
    `  rate limits: ${limits ? `${limits.uploadPerMinute} uploads per ${limits.uploadWindowMs} ms, ${limits.projectsPerHour} projects per ${limits.projectWindowMs} ms, per user` : 'off'}`,
    `  data:        ${options.dataFile === ':memory:' ? 'in memory (gone when it stops)' : options.dataFile}`,
    ...(server.controlToken ? [`  test control: ${server.url}/__control/*  X-Control-Token: ${server.controlToken}`] : []),
    '',
    `Demo user: ${user?.email} / ${user?.password} (${server.db.creditBalance(user?.id ?? '')} credits)`,
    `Log in:    curl -s -X POST ${server.url}/api/auth/login -H 'Content-Type: application/json' -d '{"email":"${user?.email}","password":"${user?.password}"}'`,
  ].join('\n');
};

export const runSyncServerCli = async (argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<SyncServerHandle | null> => {
  const { options, help } = cliOptions(argv, env);
  if (help) {
    console.log(HELP);
    return null;
  }
  const server = await startSyncServer(options);
  console.log(describeServer(server, options));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
};
