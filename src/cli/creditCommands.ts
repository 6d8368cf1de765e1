import type { Command } from 'commander';
import type { CreditSummary, LedgerEntry } from '../shared/credits';
import { formatDate, printResult, table, type Output } from './output';
import { usageError, type CliSession } from './session';

const limitText = (limit: number | null): string => (limit === null ? 'no limit' : `${limit}`);

export const describeCredits = (summary: CreditSummary, history: LedgerEntry[]): string =>
  [
    `Spent today: ${summary.spentToday}${summary.dailyLimit === null ? '' : ` of ${summary.dailyLimit} (${summary.remainingToday} left)`}`,
    `Spent in all: ${summary.spentTotal} (after ${summary.refundedTotal} refunded)`,
    `Limits: daily ${limitText(summary.dailyLimit)}, per batch ${limitText(summary.batchLimit)}`,
    '',
    history.length === 0
      ? 'No charges yet.'
      : table(
          ['WHEN', 'ENTRY', 'ACTION', 'CREDITS', 'FOR'],
          history.map((entry) => [
            formatDate(entry.createdAt),
            entry.note ? `${entry.kind} (${entry.note})` : entry.kind,
            entry.action,
            entry.kind === 'charge' ? `-${entry.amount}` : `+${entry.amount}`,
            entry.generationId ?? entry.avatarId ?? '-',
          ]),
        ),
  ].join('\n');

export const registerCreditCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  program
    .command('credits')
    .description("the spending guard: what was charged and refunded, today's total against the limits")
    .option('--limit <n>', 'how many ledger entries to show (1–500)', '20')
    .action(async (flags: { limit: string }) => {
      if (!/^\d+$/.test(flags.limit)) throw usageError('--limit must be a whole number');
      const cli = session();
      const summary = await cli.call('credits.summary', {});
      const history = await cli.call('credits.history', { limit: Number(flags.limit) });
      printResult(output(), { summary, history }, () => describeCredits(summary, history));
    });
};
