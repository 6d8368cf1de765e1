/**
 * A handful of public presets in the cloud's AvatarPreset shape (JSON fields as strings), one or
 * two per category, ordered as the cloud orders them: most used first.
 */
const preset = (
  id: string,
  name: string,
  category: 'professional' | 'casual' | 'sports' | 'fashion' | 'traditional',
  persona: { name: string; age: number; personality: string[]; background: string },
  attributes: Record<string, string>,
  prompt: string,
  usageCount: number,
) => ({
  id,
  name,
  previewImageUrl: `/presets/${id}.jpg`,
  category,
  personaTemplate: JSON.stringify(persona),
  visualAttributes: JSON.stringify(attributes),
  generationPrompt: prompt,
  isPublic: true,
  usageCount,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

export const PRESETS = [
  preset('preset-business-executive', 'Business Executive', 'professional',
    { name: 'Alex Morgan', age: 42, personality: ['confident', 'decisive'], background: 'Runs a mid-size logistics company.' },
    { gender: 'unisex', ageRange: 'mature', style: 'formal' },
    'professional corporate headshot, tailored suit, neutral studio background', 40),
  preset('preset-friendly-teacher', 'Friendly Teacher', 'professional',
    { name: 'Sam Lee', age: 34, personality: ['patient', 'warm'], background: 'Teaches science to teenagers.' },
    { gender: 'female', ageRange: 'adult', style: 'smart casual' },
    'warm portrait of a teacher in a bright classroom', 25),
  preset('preset-weekend-explorer', 'Weekend Explorer', 'casual',
    { name: 'Jordan Park', age: 27, personality: ['curious', 'easygoing'], background: 'Hikes every weekend.' },
    { gender: 'male', ageRange: 'young', style: 'outdoor casual' },
    'casual outdoor portrait, denim jacket, golden hour light', 31),
  preset('preset-marathon-runner', 'Marathon Runner', 'sports',
    { name: 'Riley Chen', age: 30, personality: ['determined', 'energetic'], background: 'Trains for city marathons.' },
    { gender: 'female', ageRange: 'adult', bodyType: 'athletic', style: 'sportswear' },
    'athletic runner portrait, running gear, city street at dawn', 12),
  preset('preset-street-style', 'Street Style', 'fashion',
    { name: 'Noa Rivera', age: 24, personality: ['bold', 'creative'], background: 'Fashion blogger.' },
    { gender: 'unisex', ageRange: 'young', style: 'streetwear' },
    'fashion editorial portrait, streetwear, urban backdrop', 18),
  preset('preset-batik-artisan', 'Batik Artisan', 'traditional',
    { name: 'Dewi Lestari', age: 51, personality: ['wise', 'meticulous'], background: 'Makes hand-drawn batik.' },
    { gender: 'female', ageRange: 'mature', style: 'traditional batik' },
    'portrait of an artisan in traditional batik clothing, workshop background', 9),
] as const;
