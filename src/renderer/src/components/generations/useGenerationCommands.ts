import { useMemo } from 'react';
import type { Generation } from '../../../../shared/domain';
import { useActions, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';

export interface GenerationCommands {
  cancel(generation: Generation): Promise<void>;
  retry(generation: Generation): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  setConcurrency(concurrency: number): Promise<void>;
}

/**
 * The tray's actions. Each answer is applied at once (the pushed event that follows changes
 * nothing more); a refusal is reported in plain words.
 */
export const useGenerationCommands = (): GenerationCommands => {
  const transport = useTransport();
  const { upsertGenerations, setQueue } = useActions();
  const { failure } = useToast();
  return useMemo(() => {
    const job = async (command: 'generations.cancel' | 'generations.retry', generation: Generation, action: string) => {
      const result = await transport.invoke(command, { id: generation.id });
      if (result.ok) upsertGenerations([result.value]);
      else failure(`Could not ${action} “${generation.name}”`, result.error);
    };
    const queue = async (result: Awaited<ReturnType<typeof transport.invoke<'queue.status'>>>, action: string) => {
      if (result.ok) setQueue(result.value);
      else failure(action, result.error);
    };
    return {
      cancel: (generation) => job('generations.cancel', generation, 'cancel'),
      retry: (generation) => job('generations.retry', generation, 'retry'),
      pause: async () => queue(await transport.invoke('queue.pause', {}), 'Could not pause the queue'),
      resume: async () => queue(await transport.invoke('queue.resume', {}), 'Could not resume the queue'),
      setConcurrency: async (concurrency) => queue(await transport.invoke('queue.setConcurrency', { concurrency }), 'Could not change how many run at once'),
    };
  }, [failure, setQueue, transport, upsertGenerations]);
};
