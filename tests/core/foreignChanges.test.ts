import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/contract';
import { makeImage } from '../helpers/images';
import { openTestLibrary } from '../helpers/library';

describe('changes made by another process', () => {
  it('reach a watching library as events, once each, with current state', async () => {
    const app = await openTestLibrary({ watch: true });
    const other = await openTestLibrary({ dir: app.dir });
    const seen: AppEvent[] = [];
    app.library.events.subscribe((event) => seen.push(event));

    const project = await other.must('projects.create', { name: 'From elsewhere' });
    await expect.poll(() => seen.map((event) => event.name), { timeout: 5000 }).toEqual(['project.changed']);
    expect(seen[0]).toMatchObject({ payload: { project: { id: project.id, name: 'From elsewhere' } } });

    const avatar = await other.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: await makeImage('png') });
    await other.must('avatars.update', { id: avatar.id, name: 'Renamed twice' });
    await expect.poll(() => seen.filter((event) => event.name === 'avatar.changed').length, { timeout: 5000 }).toBeGreaterThan(0);
    const last = seen.filter((event) => event.name === 'avatar.changed').at(-1);
    expect(last).toMatchObject({ payload: { avatar: { id: avatar.id, name: 'Renamed twice' } } });

    await other.must('projects.delete', { id: project.id });
    await expect.poll(() => seen.at(-1)?.name, { timeout: 5000 }).toBe('project.deleted');
    other.library.close();
    app.dispose();
  });
});
