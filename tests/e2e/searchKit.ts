import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import type { AgeRange, Avatar, Gender } from '../../src/shared/domain';
import type { TestLibrary } from '../helpers/library';

export const FIRST_NAMES = [
  'Ana', 'Bruno', 'Chen', 'Dara', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaia', 'Luca', 'Mira', 'Noor', 'Omar', 'Priya',
  'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wren', 'Xavi', 'Yara', 'Zane', 'Aiko', 'Bea', 'Cyra', 'Dev',
] as const;
export const STYLES = ['Casual', 'Professional', 'Streetwear', 'Vintage', 'Cyberpunk'] as const;
const GENDERS: readonly Gender[] = ['female', 'male', 'unisex'];
const AGE_RANGES: readonly AgeRange[] = ['young', 'adult', 'mature'];
const TRAITS = ['Curious', 'Warm', 'Witty', 'Calm', 'Bold', 'Patient', 'Playful', 'Thoughtful'];
const BACKGROUNDS = ['a lighthouse keeper on a windy coast', 'a jazz pianist in a late-night bar', 'a marine biologist who dives at dawn', 'a baker who opens before sunrise'];

export interface SeedSpec {
  name: string;
  gender: Gender;
  ageRange: AgeRange;
  style: string;
  age: number;
  trait: string;
  background: string;
  hue: number;
}

/** Sixty (or `count`) avatars that differ in every searchable way, deterministically. */
export const seedSpecs = (count = 60): SeedSpec[] =>
  Array.from({ length: count }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const round = Math.floor(index / FIRST_NAMES.length);
    return {
      name: round === 0 ? first : `${first} ${String.fromCharCode(65 + round)}`,
      gender: GENDERS[index % GENDERS.length]!,
      ageRange: AGE_RANGES[Math.floor(index / 3) % AGE_RANGES.length]!,
      style: STYLES[index % STYLES.length]!,
      age: 18 + ((index * 7) % 60),
      trait: TRAITS[index % TRAITS.length]!,
      background: BACKGROUNDS[index % BACKGROUNDS.length]!,
      hue: (index * 47) % 360,
    };
  });

const hsl = (hue: number, saturation: number, lightness: number): string => `hsl(${hue} ${saturation}% ${lightness}%)`;

/** A small real PNG of a bust on a coloured ground: enough to tell cards apart in screenshots. */
export const portraitPng = (hue: number, size = 160): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(hue, 60, 78)}"/><stop offset="1" stop-color="${hsl((hue + 40) % 360, 55, 62)}"/></linearGradient></defs>
    <rect width="100" height="100" fill="url(#g)"/>
    <circle cx="50" cy="40" r="17" fill="${hsl((hue + 180) % 360, 30, 32)}"/>
    <path d="M18 100c3-22 16-33 32-33s29 11 32 33z" fill="${hsl((hue + 200) % 360, 35, 28)}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
};

/** Uploads each spec through the router, with its persona and attributes, oldest first (so index 0 is the oldest). */
export const seedProject = async (lib: TestLibrary, projectId: string, specs: readonly SeedSpec[]): Promise<Avatar[]> => {
  const made: Avatar[] = [];
  for (const spec of specs) {
    made.push(
      await lib.must('avatars.upload', {
        projectId,
        fileName: `${spec.name.toLowerCase().replace(/\s+/g, '-')}.png`,
        bytes: await portraitPng(spec.hue),
        name: spec.name,
        persona: { name: `${spec.name} ${spec.style === 'Professional' ? 'Okafor' : 'Lima'}`, age: spec.age, personality: [spec.trait], background: spec.background },
        attributes: { gender: spec.gender, ageRange: spec.ageRange, style: spec.style },
      }),
    );
  }
  return made;
};

/** The names on the rendered cards, in grid order. */
export const cardNames = (page: Page): Promise<string[]> =>
  page.getByTestId('avatar-card').locator('.avatar-card__name').allTextContents();

/** Scrolls the grid to its end, step by step, as a user would (so each page is asked for as the end nears). */
export const scrollGridToEnd = async (page: Page): Promise<void> => {
  await page.locator('.avatar-grid').evaluate((grid) => {
    const element = grid as unknown as { scrollTop: number; scrollHeight: number };
    element.scrollTop = element.scrollHeight;
  });
};

export const selectedCount = (grid: Locator): Promise<number> => grid.locator('[role="option"][aria-selected="true"]').count();
