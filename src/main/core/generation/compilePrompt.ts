/**
 * Recipe → FLUX.1 prompt. Pure and deterministic: the stored prompt must be reproducible from the
 * stored recipe (the app, the CLI and presets all compile through here), so no clock, no
 * randomness and no dependence on object key order: every field is read by name, in a fixed order.
 */
import type { Recipe } from '../../../shared/domain';
import { GENERATION_LIMITS, LIMITS } from '../../../shared/vocabulary';
import {
  QUALITY_TERMS,
  REALISM_LEAD,
  backstoryPhrase,
  expressionPhrase,
  hasSubjectDetail,
  shortDescription,
  stylePhrase,
  subjectPhrase,
  traitList,
} from './promptPhrases';
import { cleanText, clipAtWord, fragment, joinSegments } from './promptText';

export { NEGATIVE_PROMPT_NOTE, modelHonoursNegativePrompt } from '../../../shared/negativePrompt';

/**
 * Upper bound on the compiled prompt, in UTF-16 units (so also in characters). FLUX's T5 encoder
 * reads 512 tokens on dev (256 on schnell) and silently drops the rest; 1,500 characters of English
 * is roughly 350 tokens, which leaves room for wordier scripts. Segments are ordered most important
 * first, so whatever an encoder does drop is the least important part.
 */
export const PROMPT_MAX_LENGTH = 1500;

/** Words in an unnamed avatar's label taken from the free text when the attributes say nothing. */
const DESCRIPTION_FROM_TEXT_MAX = 40;

export interface CompiledPrompt {
  prompt: string;
  /** Stored and sent as given; FLUX.1 ignores it (see NEGATIVE_PROMPT_NOTE). */
  negativePrompt: string | null;
}

interface PromptParts {
  lead: string;
  traits: readonly string[];
  style: string;
  free: string;
  backstory: string;
}

const assemble = (parts: PromptParts): string =>
  joinSegments([parts.lead, expressionPhrase(parts.traits), parts.style, parts.free, QUALITY_TERMS, parts.backstory]);

/**
 * Drops the least important content first: the backstory, then traits from the last one back,
 * then the tail of the free text at a word boundary. The subject, style and quality terms are
 * bounded by the field limits and always fit.
 */
function fitToLength(initial: PromptParts): string {
  let parts = initial;
  let prompt = assemble(parts);
  if (prompt.length <= PROMPT_MAX_LENGTH) return prompt;

  parts = { ...parts, backstory: '' };
  prompt = assemble(parts);
  while (prompt.length > PROMPT_MAX_LENGTH && parts.traits.length > 0) {
    parts = { ...parts, traits: parts.traits.slice(0, -1) };
    prompt = assemble(parts);
  }
  if (prompt.length > PROMPT_MAX_LENGTH) {
    const budget = PROMPT_MAX_LENGTH - assemble({ ...parts, free: '' }).length - ', '.length;
    prompt = assemble({ ...parts, free: clipAtWord(parts.free, budget) });
  }
  // Unreachable for recipes within the schema's limits (fragments are clipped to them); kept so the bound is unconditional.
  return prompt.length <= PROMPT_MAX_LENGTH ? prompt : clipAtWord(prompt, PROMPT_MAX_LENGTH);
}

export function compilePrompt(recipe: Recipe): CompiledPrompt {
  const persona = recipe.persona ?? {};
  const attributes = recipe.attributes ?? {};
  const free = fragment(recipe.prompt, GENERATION_LIMITS.prompt);
  // Free text alone usually names its own subject ("a fisherman at dawn"); "an adult person" before it would fight it.
  const lead = free === '' || hasSubjectDetail(persona, attributes) ? `${REALISM_LEAD} of ${subjectPhrase(persona, attributes)}` : REALISM_LEAD;
  const prompt = fitToLength({
    lead,
    traits: traitList(persona.personality),
    style: stylePhrase(attributes.style),
    free,
    backstory: backstoryPhrase(persona.background),
  });
  const negative = clipAtWord(cleanText(recipe.negativePrompt), GENERATION_LIMITS.prompt);
  return { prompt, negativePrompt: negative === '' ? null : negative };
}

/**
 * The name a generated avatar gets: the persona's name, else a short description ("Auburn-haired
 * woman"), else the start of the free text, else "Avatar". `index` is 0-based; in a batch
 * (count > 1) the first keeps the plain name and the rest are numbered " 2", " 3"…, as a file
 * manager numbers copies. Always within LIMITS.avatarName.
 */
export function defaultAvatarName(recipe: Recipe, index: number, count: number): string {
  const name = cleanText(recipe.persona?.name);
  const base = name !== '' ? name : shortDescription(recipe, DESCRIPTION_FROM_TEXT_MAX) || 'Avatar';
  const position = Number.isInteger(index) && index > 0 ? index : 0;
  const suffix = count > 1 && position > 0 ? ` ${position + 1}` : '';
  return `${clipAtWord(base, LIMITS.avatarName - suffix.length)}${suffix}`;
}
