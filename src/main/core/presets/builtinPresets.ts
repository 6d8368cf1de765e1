/**
 * The presets that ship with the app. Migration 0004 seeds exactly these rows (it is generated from
 * this list by `npx tsx scripts/write-preset-migration.ts`, and a test keeps the two equal); the
 * previews in src/renderer/public/presets/<id>.webp are drawn from them by
 * `npx tsx scripts/render-preset-previews.ts`. Ids are fixed forever: avatars and jobs point at them.
 *
 * Every persona is an adult. Traditional presets describe clothing, not the wearer's ethnicity:
 * skin tone and the rest stay the user's to set.
 */
import type { Attributes, Persona } from '../../../shared/domain';
import type { PresetCategory } from '../../../shared/vocabulary';

export interface BuiltinPreset {
  id: string;
  name: string;
  category: PresetCategory;
  description: string;
  persona: Partial<Persona>;
  attributes: Partial<Attributes>;
  prompt: string;
}

/** created_at/updated_at of every built-in row (the release that introduced them). */
export const BUILTIN_PRESETS_AT = 1_795_309_492_542;

export const BUILTIN_PRESETS: readonly BuiltinPreset[] = [
  // ── Professional ──────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin01corporateexecut',
    name: 'Corporate Executive',
    category: 'professional',
    description: 'A confident senior leader for company pages, investor decks and LinkedIn headers.',
    persona: { age: 48, personality: ['decisive', 'composed', 'strategic'], background: 'Runs a mid-sized logistics company and chairs its board meetings.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'short side part', hairColor: 'dark brown', eyeColor: 'brown', skinTone: 'medium', style: 'professional business' },
    prompt: 'wearing a tailored charcoal suit and white shirt, modern glass office background, soft window light',
  },
  {
    id: 'pst_builtin02startupfounder0',
    name: 'Startup Founder',
    category: 'professional',
    description: 'A relaxed but sharp founder look: smart-casual, bright and approachable.',
    persona: { age: 31, personality: ['curious', 'energetic', 'optimistic'], background: 'Built a climate-tech startup from a garage prototype to a team of forty.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'shoulder-length bob', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'light', style: 'professional smart casual' },
    prompt: 'wearing a navy blazer over a plain t-shirt, bright co-working space background',
  },
  {
    id: 'pst_builtin03physician000000',
    name: 'Physician',
    category: 'professional',
    description: 'A trustworthy doctor for healthcare sites, apps and patient materials.',
    persona: { age: 42, personality: ['calm', 'caring', 'precise'], background: 'Family physician who has run a community clinic for twelve years.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'sleek bun', hairColor: 'dark brown', eyeColor: 'hazel', skinTone: 'brown', style: 'professional medical' },
    prompt: 'wearing a white coat over blue scrubs with a stethoscope, clean clinic background',
  },
  {
    id: 'pst_builtin04universityprofe',
    name: 'University Professor',
    category: 'professional',
    description: 'A thoughtful academic for course pages, lectures and publications.',
    persona: { age: 58, personality: ['thoughtful', 'patient', 'witty'], background: 'Teaches medieval history and writes popular books about it.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'short tousled', hairColor: 'salt and pepper', eyeColor: 'blue', skinTone: 'fair', style: 'professional academic with glasses' },
    prompt: 'wearing a tweed jacket and round glasses, bookshelves in the background',
  },
  {
    id: 'pst_builtin05financialadviso',
    name: 'Financial Advisor',
    category: 'professional',
    description: 'A polished, reassuring advisor for finance, insurance and banking brands.',
    persona: { age: 36, personality: ['reliable', 'analytical', 'friendly'], background: 'Helps young families plan their savings and first home purchase.' },
    attributes: { gender: 'unisex', ageRange: 'adult', hairStyle: 'short neat', hairColor: 'black', eyeColor: 'brown', skinTone: 'dark', style: 'professional corporate' },
    prompt: 'wearing a light grey suit, neutral studio background, warm confident smile',
  },

  // ── Casual ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin06coffeeshopregul',
    name: 'Coffee Shop Regular',
    category: 'casual',
    description: 'A friendly everyday face for community apps, blogs and social profiles.',
    persona: { age: 27, personality: ['friendly', 'creative', 'laid-back'], background: 'Freelance illustrator who works from the same corner café every morning.' },
    attributes: { gender: 'female', ageRange: 'young', hairStyle: 'long wavy', hairColor: 'auburn', eyeColor: 'green', skinTone: 'fair', style: 'casual everyday' },
    prompt: 'wearing an oversized knit sweater, cosy café background with warm light',
  },
  {
    id: 'pst_builtin07weekendhiker000',
    name: 'Weekend Hiker',
    category: 'casual',
    description: 'An outdoorsy, sun-kissed look for travel and lifestyle content.',
    persona: { age: 33, personality: ['adventurous', 'easygoing', 'cheerful'], background: 'Software tester who spends every free weekend on mountain trails.' },
    attributes: { gender: 'male', ageRange: 'adult', hairStyle: 'short wavy', hairColor: 'light brown', eyeColor: 'blue', skinTone: 'tan', style: 'casual outdoor' },
    prompt: 'wearing a flannel shirt and a daypack strap, pine forest trail background',
  },
  {
    id: 'pst_builtin08bookworm0000000',
    name: 'Bookworm',
    category: 'casual',
    description: 'A quiet, warm reader for libraries, reading apps and book clubs.',
    persona: { age: 24, personality: ['introverted', 'kind', 'imaginative'], background: 'Works at an independent bookshop and runs its monthly book club.' },
    attributes: { gender: 'female', ageRange: 'young', hairStyle: 'curly with bangs', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'deep brown', style: 'casual cozy with glasses' },
    prompt: 'wearing a cardigan and glasses, shelves of books softly blurred behind',
  },
  {
    id: 'pst_builtin09homechef0000000',
    name: 'Home Chef',
    category: 'casual',
    description: 'A cheerful cook for recipe sites, food apps and cooking channels.',
    persona: { age: 45, personality: ['warm', 'generous', 'playful'], background: 'Shares family recipes online and hosts a Sunday dinner for the whole street.' },
    attributes: { gender: 'male', ageRange: 'adult', hairStyle: 'short curly', hairColor: 'black', eyeColor: 'brown', skinTone: 'olive', style: 'casual kitchen' },
    prompt: 'wearing a denim apron over a t-shirt, bright home kitchen background',
  },
  {
    id: 'pst_builtin10citycommuter000',
    name: 'City Commuter',
    category: 'casual',
    description: 'A modern urban everyday look for transit, retail and lifestyle apps.',
    persona: { age: 29, personality: ['practical', 'upbeat', 'social'], background: 'Cycles across the city to a design studio every day.' },
    attributes: { gender: 'unisex', ageRange: 'young', hairStyle: 'undercut', hairColor: 'platinum blonde', eyeColor: 'grey', skinTone: 'light', style: 'casual street' },
    prompt: 'wearing a hooded rain jacket, blurred city street background',
  },

  // ── Sports ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin11marathonrunner0',
    name: 'Marathon Runner',
    category: 'sports',
    description: 'A determined endurance athlete for fitness apps and race events.',
    persona: { age: 34, personality: ['determined', 'disciplined', 'upbeat'], background: 'Has run twelve marathons and coaches a beginners’ running club.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'high ponytail', hairColor: 'blonde', eyeColor: 'blue', skinTone: 'light', style: 'sporty athletic', bodyType: 'lean' },
    prompt: 'wearing a running vest and sports headband, city marathon course background',
  },
  {
    id: 'pst_builtin12basketballplaye',
    name: 'Basketball Player',
    category: 'sports',
    description: 'A tall, energetic court athlete for team pages and sports media.',
    persona: { age: 25, personality: ['competitive', 'confident', 'team player'], background: 'Point guard for a semi-professional city team.' },
    attributes: { gender: 'male', ageRange: 'young', hairStyle: 'short buzz cut', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'deep brown', style: 'sporty athletic', bodyType: 'athletic' },
    prompt: 'wearing a sleeveless team jersey, indoor basketball court background',
  },
  {
    id: 'pst_builtin13yogainstructor0',
    name: 'Yoga Instructor',
    category: 'sports',
    description: 'A serene, grounded teacher for wellness apps and studios.',
    persona: { age: 38, personality: ['calm', 'encouraging', 'mindful'], background: 'Teaches sunrise yoga classes and leads weekend retreats.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'long braids', hairColor: 'dark brown', eyeColor: 'brown', skinTone: 'brown', style: 'sporty yoga', bodyType: 'slim' },
    prompt: 'wearing a fitted athletic top, bright airy studio with plants in the background',
  },
  {
    id: 'pst_builtin14footballcoach00',
    name: 'Football Coach',
    category: 'sports',
    description: 'An experienced coach for club sites, academies and sports apps.',
    persona: { age: 52, personality: ['motivating', 'strategic', 'stern'], background: 'Former midfielder who now coaches a youth academy’s senior squad.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'short cropped', hairColor: 'grey', eyeColor: 'green', skinTone: 'fair', style: 'sporty coach with beard' },
    prompt: 'wearing a club tracksuit jacket with a whistle, football pitch background',
  },
  {
    id: 'pst_builtin15rockclimber0000',
    name: 'Rock Climber',
    category: 'sports',
    description: 'An outdoor adventurer for climbing gyms, gear shops and travel content.',
    persona: { age: 28, personality: ['bold', 'focused', 'playful'], background: 'Route setter at a climbing gym who spends summers on big walls.' },
    attributes: { gender: 'unisex', ageRange: 'young', hairStyle: 'messy short', hairColor: 'copper red', eyeColor: 'hazel', skinTone: 'tan', style: 'sporty outdoor', bodyType: 'athletic' },
    prompt: 'wearing a climbing t-shirt with chalk on the hands, sunlit granite cliff background',
  },

  // ── Fashion ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin16runwaymodel0000',
    name: 'Runway Model',
    category: 'fashion',
    description: 'A striking editorial look for fashion brands and lookbooks.',
    persona: { age: 26, personality: ['poised', 'confident', 'expressive'], background: 'Walks for independent designers during fashion week.' },
    attributes: { gender: 'female', ageRange: 'young', hairStyle: 'long straight', hairColor: 'jet black', eyeColor: 'dark brown', skinTone: 'deep brown', style: 'high fashion editorial' },
    prompt: 'wearing a structured black designer dress, minimalist grey studio, dramatic lighting',
  },
  {
    id: 'pst_builtin17streetwearicon0',
    name: 'Streetwear Icon',
    category: 'fashion',
    description: 'A bold streetwear style for sneaker shops, music and youth brands.',
    persona: { age: 23, personality: ['bold', 'trendy', 'charismatic'], background: 'Runs a limited-drop clothing label from a small studio.' },
    attributes: { gender: 'male', ageRange: 'young', hairStyle: 'short twists', hairColor: 'black', eyeColor: 'brown', skinTone: 'dark', style: 'trendy streetwear fashion' },
    prompt: 'wearing an oversized graphic hoodie and a chain necklace, graffiti wall background',
  },
  {
    id: 'pst_builtin18vintagecurator0',
    name: 'Vintage Curator',
    category: 'fashion',
    description: 'A retro-chic look inspired by mid-century style.',
    persona: { age: 35, personality: ['elegant', 'nostalgic', 'witty'], background: 'Owns a vintage boutique and restores 1950s dresses.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'short curly bob', hairColor: 'red', eyeColor: 'green', skinTone: 'porcelain', style: 'chic vintage fashion' },
    prompt: 'wearing a polka-dot blouse and red lipstick, pastel boutique background',
  },
  {
    id: 'pst_builtin19minimalistdesig',
    name: 'Minimalist Designer',
    category: 'fashion',
    description: 'A clean, monochrome designer look for studios and portfolios.',
    persona: { age: 41, personality: ['precise', 'reserved', 'visionary'], background: 'Creative director of a Scandinavian-inspired fashion house.' },
    attributes: { gender: 'unisex', ageRange: 'adult', hairStyle: 'sleek slicked back', hairColor: 'silver', eyeColor: 'light blue', skinTone: 'fair', style: 'minimalist fashion' },
    prompt: 'wearing a black turtleneck, plain white studio background, soft shadows',
  },
  {
    id: 'pst_builtin20redcarpetglam00',
    name: 'Red Carpet Glam',
    category: 'fashion',
    description: 'Evening glamour for events, premieres and award nights.',
    persona: { age: 44, personality: ['glamorous', 'gracious', 'confident'], background: 'Film producer who never misses a festival premiere.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'voluminous waves', hairColor: 'honey blonde', eyeColor: 'hazel', skinTone: 'olive', style: 'glam fashion' },
    prompt: 'wearing an emerald satin evening gown and drop earrings, blurred red carpet background',
  },

  // ── Traditional ───────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin21kimonoelegance0',
    name: 'Kimono Elegance',
    category: 'traditional',
    description: 'Traditional Japanese kimono with an obi sash, for cultural and seasonal content.',
    persona: { age: 30, personality: ['graceful', 'serene', 'attentive'], background: 'Teaches the tea ceremony at a cultural centre.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'elegant updo', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'light', style: 'traditional cultural' },
    prompt: 'wearing a silk kimono with a floral pattern and an obi sash, Japanese garden background',
  },
  {
    id: 'pst_builtin22sarigrace000000',
    name: 'Sari Grace',
    category: 'traditional',
    description: 'A draped silk sari with classic jewellery, for festivals and celebrations.',
    persona: { age: 37, personality: ['warm', 'joyful', 'generous'], background: 'Classical dance teacher who organises the neighbourhood Diwali festival.' },
    attributes: { gender: 'female', ageRange: 'adult', hairStyle: 'long braid', hairColor: 'black', eyeColor: 'brown', skinTone: 'medium brown', style: 'traditional festive' },
    prompt: 'wearing a draped silk sari with gold borders and traditional jewellery, warm festival lights background',
  },
  {
    id: 'pst_builtin23highlandtartan0',
    name: 'Highland Tartan',
    category: 'traditional',
    description: 'Scottish Highland dress with tartan and a tweed jacket, for heritage events.',
    persona: { age: 55, personality: ['proud', 'jovial', 'storyteller'], background: 'Plays the bagpipes at weddings and Highland games.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'short with beard', hairColor: 'ginger', eyeColor: 'blue', skinTone: 'fair', style: 'traditional heritage' },
    prompt: 'wearing a tartan kilt outfit with a tweed jacket, misty Highland hills background',
  },
  {
    id: 'pst_builtin24hanbokheritage0',
    name: 'Hanbok Heritage',
    category: 'traditional',
    description: 'Traditional Korean hanbok in soft colours, for holidays and cultural features.',
    persona: { age: 28, personality: ['gentle', 'thoughtful', 'cheerful'], background: 'Museum guide specialising in Joseon-era textiles.' },
    attributes: { gender: 'unisex', ageRange: 'young', hairStyle: 'neat straight', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'light', style: 'traditional cultural' },
    prompt: 'wearing a pastel hanbok with a flowing jeogori jacket, traditional palace courtyard background',
  },
  {
    id: 'pst_builtin25kentecelebratio',
    name: 'Kente Celebration',
    category: 'traditional',
    description: 'Vibrant handwoven kente cloth for celebrations, graduations and heritage months.',
    persona: { age: 46, personality: ['dignified', 'warm', 'wise'], background: 'Community elder who leads the annual heritage festival.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'short cropped', hairColor: 'black', eyeColor: 'dark brown', skinTone: 'deep', style: 'traditional ceremonial' },
    prompt: 'wearing a draped handwoven kente cloth in gold, green and red, sunlit courtyard background',
  },

  // ── Creative ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'pst_builtin26cyberpunkhacker',
    name: 'Cyberpunk Hacker',
    category: 'creative',
    description: 'Neon-lit sci-fi character for games, stories and streaming overlays.',
    persona: { age: 29, personality: ['rebellious', 'clever', 'intense'], background: 'Freelance netrunner in a rain-soaked megacity.' },
    attributes: { gender: 'female', ageRange: 'young', hairStyle: 'asymmetric undercut', hairColor: 'electric blue', eyeColor: 'violet', skinTone: 'light', style: 'cyberpunk' },
    prompt: 'wearing a reflective jacket with glowing circuit patterns, neon-lit rainy street at night',
  },
  {
    id: 'pst_builtin27fantasyranger00',
    name: 'Fantasy Ranger',
    category: 'creative',
    description: 'A woodland ranger for tabletop games, novels and fantasy art.',
    persona: { age: 34, personality: ['loyal', 'watchful', 'quiet'], background: 'Guards the forest roads between two mountain kingdoms.' },
    attributes: { gender: 'male', ageRange: 'adult', hairStyle: 'long straight', hairColor: 'ash blonde', eyeColor: 'green', skinTone: 'fair', style: 'fantasy illustration' },
    prompt: 'wearing a green hooded cloak and leather armour, ancient misty forest background',
  },
  {
    id: 'pst_builtin28watercolourarti',
    name: 'Watercolour Artist',
    category: 'creative',
    description: 'A painterly, artistic persona for creative portfolios and art classes.',
    persona: { age: 63, personality: ['whimsical', 'gentle', 'curious'], background: 'Retired architect who now paints seaside towns in watercolour.' },
    attributes: { gender: 'female', ageRange: 'mature', hairStyle: 'short pixie', hairColor: 'white', eyeColor: 'blue', skinTone: 'fair', style: 'artistic painterly' },
    prompt: 'wearing a paint-splattered linen smock, sunny studio with easels in the background',
  },
  {
    id: 'pst_builtin29steampunkinvent',
    name: 'Steampunk Inventor',
    category: 'creative',
    description: 'A brass-and-gears inventor for games, comics and conventions.',
    persona: { age: 47, personality: ['eccentric', 'brilliant', 'cheerful'], background: 'Builds clockwork flying machines in a workshop above a tea shop.' },
    attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'wild curly', hairColor: 'chestnut', eyeColor: 'amber', skinTone: 'medium', style: 'steampunk with moustache' },
    prompt: 'wearing brass goggles and a leather waistcoat, workshop full of gears and copper pipes',
  },
  {
    id: 'pst_builtin30spaceexplorer00',
    name: 'Space Explorer',
    category: 'creative',
    description: 'A sci-fi astronaut for education, games and science content.',
    persona: { age: 39, personality: ['brave', 'curious', 'composed'], background: 'Mission specialist on a long-range survey ship.' },
    attributes: { gender: 'unisex', ageRange: 'adult', hairStyle: 'short afro', hairColor: 'dark brown', eyeColor: 'brown', skinTone: 'brown', style: 'sci-fi retro illustration' },
    prompt: 'wearing a white spacesuit without the helmet, starfield and planet through a window behind',
  },
];
