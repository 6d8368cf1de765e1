import type { AppErrorShape } from '../shared/errors';

export interface Output {
  json: boolean;
}

/** One JSON document on stdout in --json mode; readable text otherwise. */
export const printResult = (output: Output, value: unknown, human: () => string): void => {
  process.stdout.write(output.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
};

export const printError = (output: Output, error: AppErrorShape, report: Record<string, unknown> = {}): void => {
  if (output.json) {
    process.stdout.write(`${JSON.stringify({ error: { ...error, ...report } }, null, 2)}\n`);
    return;
  }
  process.stderr.write(`error [${error.code}]: ${error.message}\n`);
  for (const issue of error.issues ?? []) process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`);
};

/** Columns padded to their widest cell, for `list` commands. */
export const table = (headers: string[], rows: string[][]): string => {
  if (rows.length === 0) return '(none)';
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
};

export const formatDate = (epochMs: number | null): string => (epochMs === null ? '-' : new Date(epochMs).toISOString().slice(0, 16).replace('T', ' '));
