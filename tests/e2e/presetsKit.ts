import type { Locator, Page } from 'playwright-core';

const WAIT = { timeout: 20_000 };

export interface PresetCardInfo {
  id: string;
  name: string;
  category: string;
  builtin: boolean;
  /** 'image' while a picture source is in use, 'placeholder' once none could load. */
  preview: string;
  /** naturalWidth of the preview image: 0 until it really decoded. */
  width: number;
  usage: string;
  /** Accessible names of the card's buttons. */
  buttons: string[];
}

/** Every preset card on screen, read from the DOM. */
export const readPresetCards = (page: Page): Promise<PresetCardInfo[]> =>
  page.getByTestId('preset-card').evaluateAll((cards) =>
    cards.map((node) => {
      const card = node as unknown as {
        dataset: Record<string, string | undefined>;
        querySelector(selector: string): { textContent: string | null; dataset: Record<string, string | undefined>; naturalWidth?: number } | null;
        querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;
      };
      return {
        id: card.dataset.presetId ?? '',
        name: card.querySelector('.preset-card__name')?.textContent ?? '',
        category: card.querySelector('[data-category]')?.dataset.category ?? '',
        builtin: card.dataset.builtin === 'true',
        preview: card.querySelector('[data-preview]')?.dataset.preview ?? '',
        width: card.querySelector('.preset-card__preview img')?.naturalWidth ?? 0,
        usage: card.querySelector('[data-testid="preset-usage"]')?.textContent ?? '',
        buttons: Array.from(card.querySelectorAll('button')).map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? ''),
      };
    }),
  );

export const presetCard = (page: Page, name: string): Locator =>
  page.getByTestId('preset-card').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

/** The dialog of "Use preset", opened from the named card. */
export const openUsePreset = async (page: Page, name: string): Promise<Locator> => {
  await presetCard(page, name).getByRole('button', { name: 'Use preset' }).click();
  const dialog = page.getByRole('dialog', { name: `Use “${name}”` });
  await dialog.waitFor(WAIT);
  return dialog;
};

/** The toasts come and go by themselves; a test that wants a clean page closes them. */
export const dismissToasts = async (page: Page): Promise<void> => {
  for (const close of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await close.click({ timeout: 1000 }).catch(() => {}); // it may leave by itself meanwhile
};

/** The Stats view's totals, by card label. */
export const readStatCards = (page: Page): Promise<Record<string, number>> =>
  page.getByTestId('stat-card').evaluateAll((cards) =>
    Object.fromEntries(
      cards.map((node) => {
        const card = node as unknown as { dataset: Record<string, string | undefined>; querySelector(selector: string): { textContent: string | null } | null };
        return [card.dataset.label ?? '', Number((card.querySelector('[data-testid="stat-value"]')?.textContent ?? '').replace(/[^\d]/g, ''))];
      }),
    ),
  );
