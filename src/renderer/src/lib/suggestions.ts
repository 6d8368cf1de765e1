import type { TextAttributeKey } from './drafts';

/** Offered in <datalist>s: common answers, never a limit on what can be typed. */
export const ATTRIBUTE_SUGGESTIONS: Record<TextAttributeKey, readonly string[]> = {
  ethnicity: ['African', 'East Asian', 'South Asian', 'Southeast Asian', 'European', 'Hispanic / Latino', 'Middle Eastern', 'Pacific Islander', 'Indigenous', 'Mixed'],
  bodyType: ['Slim', 'Athletic', 'Average', 'Curvy', 'Muscular', 'Stocky', 'Plus-size', 'Petite', 'Tall'],
  hairStyle: ['Short', 'Long', 'Shoulder-length', 'Curly', 'Wavy', 'Straight', 'Braided', 'Bun', 'Ponytail', 'Pixie cut', 'Buzz cut', 'Bald'],
  hairColor: ['Black', 'Dark brown', 'Brown', 'Blonde', 'Platinum', 'Red', 'Auburn', 'Grey', 'White', 'Pink', 'Blue'],
  eyeColor: ['Brown', 'Dark brown', 'Hazel', 'Green', 'Blue', 'Grey', 'Amber'],
  skinTone: ['Fair', 'Light', 'Medium', 'Olive', 'Tan', 'Brown', 'Dark'],
  style: ['Casual', 'Professional', 'Streetwear', 'Elegant', 'Sporty', 'Vintage', 'Bohemian', 'Minimalist', 'Fantasy', 'Cyberpunk'],
};

export const TRAIT_SUGGESTIONS: readonly string[] = [
  'Curious', 'Warm', 'Witty', 'Calm', 'Ambitious', 'Playful', 'Thoughtful', 'Confident', 'Kind', 'Bold',
  'Patient', 'Creative', 'Sarcastic', 'Loyal', 'Adventurous', 'Shy', 'Optimistic', 'Analytical',
];

export const ATTRIBUTE_LABELS: Record<TextAttributeKey, string> = {
  ethnicity: 'Ethnicity',
  bodyType: 'Body type',
  hairStyle: 'Hair style',
  hairColor: 'Hair colour',
  eyeColor: 'Eye colour',
  skinTone: 'Skin tone',
  style: 'Style',
};

export const GENDER_LABELS = { male: 'Male', female: 'Female', unisex: 'Unisex' } as const;
export const AGE_RANGE_LABELS = { young: 'Young', adult: 'Adult', mature: 'Mature' } as const;
