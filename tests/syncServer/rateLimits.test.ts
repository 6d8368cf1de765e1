import { describe, expect, it } from 'vitest';
import { BOB, PREFIX, call, createProject, image, login, manualClock, startServer, upload, uploadForm } from './helpers';

describe('sync server: rate limits', () => {
  it('lets 10 uploads a minute through per user, then 429 with Retry-After and X-RateLimit-* until the window ends', async () => {
    const clock = manualClock();
    const server = await startServer({ clock: clock.now });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const png = await image('png');
    const resetAt = String(Math.ceil((clock.now() + 60_000) / 1000));
    for (let index = 1; index <= 10; index += 1) {
      const answer = await upload(server, token, id, uploadForm(png, 'a.png'));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('10');
      expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(10 - index));
      expect(answer.headers.get('x-ratelimit-reset')).toBe(resetAt);
    }
    clock.advance(15_000);
    const refused = await upload(server, token, id, uploadForm(png, 'a.png'));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: 'Rate limit exceeded',
      message: 'Too many upload requests. Please wait before uploading more images.',
      retryAfter: 45,
    });
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-reset')).toBe(resetAt);
    expect(server.db.charges('alice@example.test')).toBe(10);

    // Per user: Bob has his own window.
    const bob = await login(server, BOB);
    const bobProject = await createProject(server, bob);
    expect((await upload(server, bob, bobProject.id, uploadForm(png, 'b.png'))).status).toBe(200);

    // Refused attempts count too but do not extend the window; at its end Alice may upload again.
    clock.advance(44_000);
    expect((await upload(server, token, id, uploadForm(png, 'a.png'))).headers.get('retry-after')).toBe('1');
    clock.advance(1_000);
    const after = await upload(server, token, id, uploadForm(png, 'a.png'));
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('9');
  });

  it('limits project creation (20/hour by default; scaled here) and counts invalid attempts', async () => {
    const clock = manualClock();
    const server = await startServer({ clock: clock.now, rateLimits: { projectsPerHour: 3, windowScale: 0.001 } });
    expect(server.rateLimits).toMatchObject({ projectsPerHour: 3, projectWindowMs: 3600, uploadPerMinute: 10, uploadWindowMs: 60 });
    const token = await login(server);
    await createProject(server, token, 'one');
    expect((await call(server, 'POST', `${PREFIX}/projects`, { token, json: {} })).status).toBe(500);
    await createProject(server, token, 'three');
    const refused = await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: 'four' } });
    expect(refused).toMatchObject({
      status: 429,
      body: { error: 'Rate limit exceeded', message: 'Too many project creation requests. Please try again later.', retryAfter: 4 },
    });
    expect(refused.headers.get('retry-after')).toBe('4');
    expect(server.db.projects()).toHaveLength(2);
    clock.advance(3_600);
    expect((await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: 'four' } })).status).toBe(200);
    // Other routes are not limited and carry no rate-limit headers.
    const list = await call(server, 'GET', `${PREFIX}/projects`, { token });
    expect(list.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('with real time and a scaled window, answers again once Retry-After has passed', async () => {
    const server = await startServer({ rateLimits: { uploadPerMinute: 1, windowScale: 1 / 60 } });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const png = await image('png');
    expect((await upload(server, token, id, uploadForm(png, 'a.png'))).status).toBe(200);
    const refused = await upload(server, token, id, uploadForm(png, 'a.png'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await upload(server, token, id, uploadForm(png, 'a.png'))).status).toBe(200);
    // How a client test proves it waited: the log has the 429's answer time and Retry-After.
    const [, limited, next] = server.requests.matching('POST', /upload$/);
    expect(limited).toMatchObject({ status: 429, retryAfter: '1' });
    expect(next?.receivedAt).toBeGreaterThanOrEqual((limited?.respondedAt ?? 0) + 1_000);
  });

  it('turns off completely: no 429 and no headers', async () => {
    const server = await startServer({ rateLimits: false });
    expect(server.rateLimits).toBeNull();
    const token = await login(server);
    for (let index = 0; index < 25; index += 1) {
      const answer = await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: `p${index}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const { id } = await createProject(server, token);
    const png = await image('png');
    const answers = await Promise.all(Array.from({ length: 12 }, () => upload(server, token, id, uploadForm(png, 'a.png'))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
  });
});
