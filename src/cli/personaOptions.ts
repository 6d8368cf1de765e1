import type { Command } from 'commander';
import type { AttributesInput, PersonaInput } from '../shared/domain';

/** The persona and attribute flags `avatar upload` and `avatar update` share. */
export const addPersonaOptions = (command: Command): Command =>
  command
    .option('--name <name>', 'avatar name')
    .option('--persona-name <name>', "the character's name")
    .option('--persona-age <years>', "the character's age (1–120)")
    .option('--personality <traits>', 'comma-separated traits, e.g. "calm,curious"')
    .option('--background <text>', "the character's background")
    .option('--gender <gender>', 'male | female | unisex')
    .option('--age-range <range>', 'young | adult | mature')
    .option('--ethnicity <text>')
    .option('--body-type <text>')
    .option('--hair-style <text>')
    .option('--hair-color <text>')
    .option('--eye-color <text>')
    .option('--skin-tone <text>')
    .option('--style <text>');

export interface PersonaFlags {
  name?: string;
  personaName?: string;
  personaAge?: string;
  personality?: string;
  background?: string;
  gender?: string;
  ageRange?: string;
  ethnicity?: string;
  bodyType?: string;
  hairStyle?: string;
  hairColor?: string;
  eyeColor?: string;
  skinTone?: string;
  style?: string;
}

const defined = <T extends object>(value: T): Partial<T> | undefined => {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
};

/**
 * Flags become contract input untouched but for obvious conversions; anything odd (a gender of
 * "robot", an age of "ten") is left for the shared schema to refuse with its usual message.
 */
export const personaInput = (flags: PersonaFlags) => ({
  ...(flags.name !== undefined && { name: flags.name }),
  persona: defined({
    name: flags.personaName,
    age: flags.personaAge === undefined ? undefined : /^\d+$/.test(flags.personaAge) ? Number(flags.personaAge) : flags.personaAge,
    personality: flags.personality?.split(',').map((trait) => trait.trim()).filter(Boolean),
    background: flags.background,
  }) as Partial<PersonaInput> | undefined,
  attributes: defined({
    gender: flags.gender,
    ageRange: flags.ageRange,
    ethnicity: flags.ethnicity,
    bodyType: flags.bodyType,
    hairStyle: flags.hairStyle,
    hairColor: flags.hairColor,
    eyeColor: flags.eyeColor,
    skinTone: flags.skinTone,
    style: flags.style,
  }) as Partial<AttributesInput> | undefined,
});
