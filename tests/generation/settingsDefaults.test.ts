import { afterEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

describe('generation defaults', () => {
  let lib: TestLibrary;
  afterEach(async () => lib?.dispose());

  it('a request that names no size, steps or guidance takes them from Settings → Generation, live', async () => {
    lib = await openTestLibrary();
    const projectId = (await lib.must('projects.create', { name: 'Defaults' })).id;
    await lib.must('settings.update', { generation: { width: 768, height: 512, steps: 12, guidance: 5 } });
    const [job] = await lib.must('generations.create', { projectId, recipe: { prompt: 'x' }, params: { provider: 'huggingface' } });
    expect(job!.params).toMatchObject({ width: 768, height: 512, steps: 12, guidance: 5 });
    const [named] = await lib.must('generations.create', { projectId, recipe: { prompt: 'x' }, params: { provider: 'huggingface', width: 1024, steps: 4 } });
    expect(named!.params).toMatchObject({ width: 1024, height: 512, steps: 4, guidance: 5 });
  });
});
