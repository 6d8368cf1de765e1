import type { Locator, Page } from 'playwright-core';

const WAIT = { timeout: 15_000 };

/** Every command the page sends to the web bridge, in order, to prove what it never asks for. */
export class InvokeLog {
  private readonly log: string[] = [];
  private markAt = 0;

  attach(page: Page): void {
    page.on('request', (request) => {
      const match = /\/api\/invoke\/([^/?#]+)/.exec(request.url());
      if (match?.[1]) this.log.push(decodeURIComponent(match[1]));
    });
  }

  names(): string[] {
    return [...this.log];
  }

  mark(): void {
    this.markAt = this.log.length;
  }

  sinceMark(): string[] {
    return this.log.slice(this.markAt);
  }
}

export interface DialogInput {
  prompt: string;
  count: number;
  name: string;
}

/** Opens the generate dialog from the project header, fills it in and queues the jobs. */
export const generateFromDialog = async (page: Page, { prompt, count, name }: DialogInput): Promise<void> => {
  await page.getByTestId('generate-button').click();
  const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
  await dialog.waitFor(WAIT);
  await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await dialog.getByRole('spinbutton', { name: 'How many' }).fill(String(count));
  await dialog.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await dialog.getByRole('button', { name: count > 1 ? `Generate ${count} avatars` : 'Generate', exact: true }).click();
  await dialog.waitFor({ state: 'detached', ...WAIT });
};

export interface TrayRow {
  name: string;
  status: string;
  stage: string;
  /** aria-valuenow of the row's progress bar; null when it has none. */
  value: number | null;
}

/** What the tray shows, row by row, read from its accessible parts. */
export const readTray = (tray: Locator): Promise<TrayRow[]> =>
  tray.getByTestId('generation-item').evaluateAll((items) =>
    items.map((item) => {
      const element = item as unknown as { dataset: Record<string, string | undefined>; querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null };
      const bar = element.querySelector('[role="progressbar"]');
      const now = bar?.getAttribute('aria-valuenow');
      return {
        name: element.dataset.name ?? '',
        status: element.dataset.status ?? '',
        stage: element.querySelector('[data-stage]')?.textContent ?? '',
        value: now === null || now === undefined ? null : Number(now),
      };
    }),
  );

/** Whether the element has the keyboard focus; false (not a wait) while it is not there, so expect.poll can retry. */
export const hasFocus = (target: Locator): Promise<boolean> =>
  target
    .evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement, undefined, { timeout: 1000 })
    .catch(() => false);
