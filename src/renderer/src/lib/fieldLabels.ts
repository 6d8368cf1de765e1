/** The label each input path has on screen, so a server-side validation message names the field the user sees. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  'persona.name': 'Persona name',
  'persona.age': 'Age',
  'persona.personality': 'Personality traits',
  'persona.background': 'Background',
  'attributes.gender': 'Gender',
  'attributes.ageRange': 'Age range',
  'attributes.ethnicity': 'Ethnicity',
  'attributes.bodyType': 'Body type',
  'attributes.hairStyle': 'Hair style',
  'attributes.hairColor': 'Hair colour',
  'attributes.eyeColor': 'Eye colour',
  'attributes.skinTone': 'Skin tone',
  'attributes.style': 'Style',
  instruction: 'Instruction',
};

/** `persona.personality.3` → "Personality traits". */
export const labelForPath = (path: string): string | null => {
  for (let cut = path; cut; cut = cut.includes('.') ? cut.slice(0, cut.lastIndexOf('.')) : '') {
    const label = FIELD_LABELS[cut];
    if (label) return label;
  }
  return null;
};

/** Keyed by the field's base path, the first message for each. */
export const issuesByField = (issues: readonly { path: string; message: string }[] | undefined): Record<string, string> => {
  const byField: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const key = Object.keys(FIELD_LABELS).find((candidate) => issue.path === candidate || issue.path.startsWith(`${candidate}.`)) ?? issue.path;
    byField[key] ??= issue.message;
  }
  return byField;
};
