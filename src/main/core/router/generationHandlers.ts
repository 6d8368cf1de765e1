import type { GenerationService } from '../generation/generationService';
import type { HandlerGroup } from './router';

type GenerationCommand =
  | 'generations.create'
  | 'generations.list'
  | 'generations.get'
  | 'generations.cancel'
  | 'generations.retry'
  | 'queue.status'
  | 'queue.pause'
  | 'queue.resume'
  | 'queue.setConcurrency'
  | 'generations.vary'
  | 'generations.fromReference';

export const generationHandlers = (generations: GenerationService): HandlerGroup<GenerationCommand> => ({
  'generations.create': (args) => generations.create(args),
  'generations.list': (args) => generations.list(args),
  'generations.get': ({ id }) => generations.require(id),
  'generations.cancel': ({ id }) => generations.cancel(id),
  'generations.retry': ({ id }) => generations.retry(id),
  'queue.status': () => generations.queueStatus(),
  'queue.pause': () => generations.pause(),
  'queue.resume': () => generations.resume(),
  'queue.setConcurrency': ({ concurrency }) => generations.setConcurrency(concurrency),
  'generations.vary': (args) => generations.vary(args),
  'generations.fromReference': (args) => generations.fromReference(args),
});
