import { describe, expect, it } from 'vitest';
import { cliOptions } from '../../src/syncServer/cli';

describe('npm run sync-server options', () => {
  it('defaults to loopback, the cloud as it is, rate limits on, a demo user in memory', () => {
    const { options, help } = cliOptions([], {});
    expect(help).toBe(false);
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      extension: false,
      rateLimits: { windowScale: 1 },
      dataFile: ':memory:',
      users: [{ email: 'demo@lumiku.test', password: 'demo-password', creditBalance: 1000 }],
    });
  });

  it('takes flags over SYNC_SERVER_* variables', () => {
    const env = { SYNC_SERVER_PORT: '9000', SYNC_SERVER_EXTENSION: '1', SYNC_SERVER_DATA: '/tmp/a.db', SYNC_SERVER_RATE_LIMITS: 'off' };
    expect(cliOptions([], env).options).toMatchObject({ port: 9000, extension: true, dataFile: '/tmp/a.db', rateLimits: false });
    const flags = ['--port', '9100', '--extension', '--no-rate-limits', '--data', 'x.db', '--email', 'me@x.test', '--credits', '5'];
    expect(cliOptions(flags, env).options).toMatchObject({
      port: 9100,
      extension: true,
      rateLimits: false,
      dataFile: 'x.db',
      users: [{ email: 'me@x.test', creditBalance: 5 }],
    });
    expect(cliOptions(['--window-scale', '0.01'], {}).options.rateLimits).toEqual({ windowScale: 0.01 });
    expect(() => cliOptions(['--port', 'abc'], {})).toThrow(/--port must be a number/);
    expect(() => cliOptions(['--nope'], {})).toThrow();
  });
});
