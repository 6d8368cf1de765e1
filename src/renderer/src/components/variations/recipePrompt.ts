import type { Avatar, Generation } from '../../../../shared/domain';
import type { AppTransport } from '../../transport';

/**
 * The free text an avatar was made with lives on its job (the avatar keeps only the compiled
 * prompt): in memory when the window knows the job, else asked for. Null for an upload.
 */
export const loadRecipePrompt = async (avatar: Avatar, jobs: Readonly<Record<string, Generation>>, transport: AppTransport): Promise<string | null> => {
  if (!avatar.generation) return null;
  const held = (avatar.generationId ? jobs[avatar.generationId] : undefined) ?? Object.values(jobs).find((job) => job.avatarId === avatar.id);
  if (held) return held.recipe.prompt ?? null;
  if (avatar.generationId) {
    const result = await transport.invoke('generations.get', { id: avatar.generationId });
    if (result.ok) return result.value.recipe.prompt ?? null;
  }
  const result = await transport.invoke('generations.list', { projectId: avatar.projectId, statuses: ['completed'], limit: 1000 });
  return result.ok ? (result.value.find((job) => job.avatarId === avatar.id)?.recipe.prompt ?? null) : null;
};
