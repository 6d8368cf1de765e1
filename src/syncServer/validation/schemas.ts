import { z } from 'zod';
import { typeError } from './zodMessages';

/** The cloud's avatar-creator validation schemas (validation/schemas.ts there), message for message. */

const text = (max: number, tooLong: string) => z.string({ error: typeError('string') }).max(max, tooLong);
const optionalText = (max: number, tooLong: string) => text(max, tooLong).optional();

const personaAndAttributes = {
  personaName: optionalText(100, 'Persona name too long (max 100 characters)'),
  personaAge: z
    .number({ error: typeError('number') })
    .int('Age must be an integer')
    .min(1, 'Age must be at least 1')
    .max(120, 'Age must not exceed 120')
    .optional(),
  personaPersonality: z
    .array(text(50, 'Personality trait too long (max 50 characters)'), { error: typeError('array') })
    .max(10, 'Too many personality traits (max 10)')
    .optional(),
  personaBackground: optionalText(500, 'Background too long (max 500 characters)'),
  gender: z.enum(['male', 'female', 'unisex'], { error: 'Gender must be one of: male, female, unisex' }).optional(),
  ageRange: z.enum(['young', 'adult', 'mature'], { error: 'Age range must be one of: young, adult, mature' }).optional(),
  ethnicity: optionalText(50, 'Ethnicity too long (max 50 characters)'),
  bodyType: optionalText(50, 'Body type too long (max 50 characters)'),
  hairStyle: optionalText(50, 'Hair style too long (max 50 characters)'),
  hairColor: optionalText(50, 'Hair color too long (max 50 characters)'),
  eyeColor: optionalText(50, 'Eye color too long (max 50 characters)'),
  skinTone: optionalText(50, 'Skin tone too long (max 50 characters)'),
  style: optionalText(50, 'Style too long (max 50 characters)'),
};

const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.object(shape, { error: typeError('object') });

// zod runs .trim() in check order, after min/max: a name of spaces passes and is stored empty, as in the cloud.
export const createProjectSchema = object({
  name: text(100, 'Project name too long (max 100 characters)').min(1, 'Project name is required').trim(),
  description: optionalText(500, 'Description too long (max 500 characters)'),
}).transform((data) => ({ name: data.name.replace(/\s+/g, ' '), description: data.description?.trim() }));

export const updateProjectSchema = object({
  name: text(100, 'Project name too long (max 100 characters)').min(1, 'Project name cannot be empty').trim().optional(),
  description: optionalText(500, 'Description too long (max 500 characters)'),
}).transform((data) => ({ name: data.name?.replace(/\s+/g, ' '), description: data.description?.trim() }));

export const uploadAvatarMetadataSchema = object({
  name: text(100, 'Avatar name too long (max 100 characters)').min(1, 'Avatar name is required').trim(),
  ...personaAndAttributes,
});

export const updateAvatarSchema = object({
  name: text(100, 'Avatar name too long (max 100 characters)').min(1, 'Avatar name cannot be empty').trim().optional(),
  ...personaAndAttributes,
});

export const PRESET_CATEGORIES = ['professional', 'casual', 'sports', 'fashion', 'traditional'] as const;

export const queryPresetsSchema = object({
  category: z
    .enum(PRESET_CATEGORIES, { error: 'Category must be one of: professional, casual, sports, fashion, traditional' })
    .optional(),
});

/** The platform's trackUsageSchema (defined there, with no route calling it); the extension's usage route uses it. */
export const trackUsageSchema = object({
  appId: text(50, 'App ID too long (max 50 characters)').min(1, 'App ID is required'),
  appName: text(100, 'App name too long (max 100 characters)').min(1, 'App name is required'),
  action: text(100, 'Action too long (max 100 characters)').min(1, 'Action is required'),
  referenceId: optionalText(100, 'Reference ID too long (max 100 characters)'),
  referenceType: optionalText(50, 'Reference type too long (max 50 characters)'),
  metadata: z.record(z.string(), z.any(), { error: typeError('object') }).optional(),
});

export type UploadMetadata = z.infer<typeof uploadAvatarMetadataSchema>;
export type AvatarUpdate = z.infer<typeof updateAvatarSchema>;
export type TrackUsageInput = z.infer<typeof trackUsageSchema>;
