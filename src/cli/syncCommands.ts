import type { Command } from 'commander';
import { SYNC_RESOLUTIONS, type SyncStatus } from '../shared/sync';
import { printResult, type Output } from './output';
import { usageError, type CliSession } from './session';
import { describeSyncStatus, initialText, issuesTable, stateText } from './syncDescribe';
import { readPassword } from './syncPassword';

/** States `sync now` stops at: the user or the cloud stopped sync, so waiting would not help. */
const STOPPED: readonly SyncStatus['state'][] = ['paused', 'auth_required', 'out_of_credits', 'signed_out'];
const POLL_MS = 400;

/** What can still go out: usage waits for good on a server without the usage route. */
const sendable = (status: SyncStatus): number => Math.max(0, status.queued - (status.serverAcceptsUsage === false ? status.pendingUsage : 0));

const progressLine = (status: SyncStatus): string =>
  status.initial ? `First sync: ${initialText(status.initial)}` : `${stateText(status)}: ${sendable(status)} queued${status.errors ? `, ${status.errors} error(s)` : ''}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends what is queued and waits until the outbox is drained, sync stops, or the time is up. */
const runNow = async (cli: CliSession, timeoutMs: number, tty: NodeJS.WriteStream | null): Promise<{ status: SyncStatus; timedOut: boolean }> => {
  let status = await cli.call('sync.now', {});
  const started = Date.now();
  let lastKick = started;
  while (!STOPPED.includes(status.state) && !(status.state === 'idle' && sendable(status) === 0)) {
    if (Date.now() - started > timeoutMs) return { status, timedOut: true };
    tty?.write(`\r\x1b[2K${progressLine(status)}`);
    await sleep(POLL_MS);
    status = await cli.call('sync.status', {});
    // Idle with work left (between the relay's turns): ask again rather than wait for its timer.
    if (status.state === 'idle' && sendable(status) > 0 && Date.now() - lastKick > 2_000) {
      lastKick = Date.now();
      status = await cli.call('sync.now', {});
    }
  }
  tty?.write('\r\x1b[2K');
  return { status, timedOut: false };
};

const RESOLUTION_WORDS: Record<string, (typeof SYNC_RESOLUTIONS)[number]> = Object.fromEntries(SYNC_RESOLUTIONS.map((resolution) => [resolution.replace('_', '-'), resolution]));

export const registerSyncCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const sync = program.command('sync').description('Lumiku sync: sign in, see where it stands, send now, pause, choose projects, resolve issues');
  const show = (status: SyncStatus, lead?: string) => printResult(output(), status, () => (lead ? `${lead}\n${describeSyncStatus(status)}` : describeSyncStatus(status)));

  sync
    .command('login')
    .description(`sign in (the password comes from a hidden prompt, stdin or AVATAR_CREATOR_SYNC_PASSWORD; only the session is kept)`)
    .option('--server <url>', 'the Lumiku server (default: the setting)')
    .requiredOption('--email <email>', "the account's email")
    .action(async (flags: { server?: string; email: string }) => {
      const password = await readPassword();
      const status = await session().call('sync.login', { email: flags.email, password, ...(flags.server !== undefined && { serverUrl: flags.server }) });
      show(status, `Signed in as ${status.account?.email ?? flags.email}.`);
    });

  sync
    .command('logout')
    .description('forget the session on this computer (nothing is deleted)')
    .action(async () => show(await session().call('sync.logout', {}), 'Signed out.'));

  sync
    .command('status')
    .description('state, account, last sync, queued items, pending usage, errors and conflicts')
    .action(async () => show(await session().call('sync.status', {})));

  sync
    .command('now')
    .description('send what is queued and wait until it is all sent or sync stops (paused, signed out, out of credits)')
    .option('--timeout <seconds>', 'give up waiting after this long (the queue stays)', '600')
    .action(async (flags: { timeout: string }) => {
      if (!/^\d+$/.test(flags.timeout)) throw usageError('--timeout must be a whole number of seconds');
      const tty = !output().json && process.stderr.isTTY ? process.stderr : null;
      const { status, timedOut } = await runNow(session(), Number(flags.timeout) * 1000, tty);
      const stopped = STOPPED.includes(status.state) || timedOut;
      if (stopped) process.exitCode = 1;
      const lead = timedOut ? `Still ${sendable(status)} queued after ${flags.timeout} s; sync carries on next time.` : stopped ? `Sync stopped: ${status.pauseReason?.message ?? stateText(status)}` : 'All sent.';
      printResult(output(), { ...status, timedOut }, () => `${lead}\n${describeSyncStatus(status)}`);
    });

  sync
    .command('pause')
    .description('stop sending until resumed')
    .action(async () => show(await session().call('sync.pause', {}), 'Sync paused.'));

  sync
    .command('resume')
    .description('carry on sending (also after topping up credits)')
    .action(async () => show(await session().call('sync.resume', {}), 'Sync resumed.'));

  sync
    .command('project <id>')
    .description('turn sync on or off for one project (on: its avatars are queued for the first sync)')
    .option('--on', 'sync this project')
    .option('--off', 'stop syncing this project')
    .action(async (projectId: string, flags: { on?: boolean; off?: boolean }) => {
      if (Boolean(flags.on) === Boolean(flags.off)) throw usageError('say --on or --off');
      const status = await session().call('sync.setProject', { projectId, enabled: Boolean(flags.on) });
      show(status, `Sync ${flags.on ? 'on' : 'off'} for project ${projectId}.`);
    });

  sync
    .command('issues')
    .description('what sync stopped on: refusals (with the server’s message) and conflicts')
    .action(async () => {
      const issues = await session().call('sync.issues', {});
      printResult(output(), issues, () => issuesTable(issues));
    });

  sync
    .command('resolve <issueId> <resolution>')
    .description('keep-mine or take-theirs for a conflict; retry or discard for an error')
    .action(async (issueText: string, word: string) => {
      if (!/^\d+$/.test(issueText)) throw usageError('the issue id is a whole number (see `avatar-creator sync issues`)');
      const resolution = RESOLUTION_WORDS[word];
      if (!resolution) throw usageError(`resolution must be one of ${Object.keys(RESOLUTION_WORDS).join(', ')}`);
      show(await session().call('sync.resolve', { issueId: Number(issueText), resolution }), `Issue ${issueText}: ${word}.`);
    });
};
