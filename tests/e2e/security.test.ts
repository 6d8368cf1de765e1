import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { launchChromium } from '../helpers/browser';
import { makeImage } from '../helpers/images';

const WAIT = { timeout: 15_000 };
const POLL = { timeout: 15_000, interval: 100 };

/** Markup typed as names: each must show as the very text typed, and none may run. */
const PROJECT_NAME = '<img src=x onerror=alert(1)>';
const AVATAR_NAME = '<script>alert(2)</script>';
const PERSONA_NAME = '"><svg onload=alert(3)>';
const BACKGROUND = '<iframe src="javascript:alert(4)"></iframe>';

/** What the in-page code touches; the test project compiles without DOM types. */
interface PageWindow {
  document: {
    cookie: string;
    head: { append(node: unknown): void };
    body: { append(node: unknown): void };
    createElement(tag: string): { textContent: string; innerHTML: string };
    addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
    querySelectorAll(selector: string): { length: number };
  };
  eval(code: string): unknown;
  setTimeout(handler: string | (() => void), ms: number): void;
  [key: string]: unknown;
}

/** A page on another origin of this machine, as malware or a malicious site on a local port would serve. */
const startAttackerSite = async (): Promise<{ server: Server; origin: string }> => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>attacker</title><body></body>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

describe('security of the renderer in a real browser, through the web bridge', () => {
  let t: TestBridge;
  let browser: Browser;
  let page: Page;
  let attacker: { server: Server; origin: string };
  let avatarId = '';
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestBridge();
    attacker = await startAttackerSite();
    browser = await launchChromium();
    // A context of our own, so the attacker's page below shares the browser's cookie jar with the app.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.server.close(resolve));
    await t?.dispose();
  });

  it('serves the page with its CSP, in the header and in the document', async () => {
    const response = await page.goto(t.bridge.url);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'self'");
    await page.getByText('No projects yet').waitFor(WAIT);
  });

  it('blocks injected inline script, inline handlers, eval and string timers', async () => {
    const outcome = await page.evaluate(async () => {
      const win = globalThis as unknown as PageWindow;
      const violations: string[] = [];
      win.document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const script = win.document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      win.document.head.append(script);
      const holder = win.document.createElement('div');
      holder.innerHTML = '<img src="/nothing.png" onerror="window.__handlerRan = true">';
      win.document.body.append(holder);
      // Later, from a callback: code evaluated by the test driver itself is allowed eval, page code is not.
      setTimeout(() => {
        try {
          win.eval('window.__evalRan = true');
        } catch {
          win.__evalRefused = true;
        }
      }, 0);
      win.setTimeout('window.__timerRan = true', 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { ran: ['__inlineRan', '__handlerRan', '__evalRan', '__timerRan'].filter((flag) => flag in win), evalRefused: win.__evalRefused === true, violations };
    });
    expect(outcome.ran).toEqual([]);
    expect(outcome.evalRefused).toBe(true);
    expect(outcome.violations.length).toBeGreaterThanOrEqual(3);
    expect(outcome.violations.every((directive) => directive.startsWith('script-src'))).toBe(true);
  });

  it('gives the page no Node: require, process, module and Buffer are undefined, and the token cookie is HttpOnly', async () => {
    const globals = await page.evaluate(() => {
      const win = globalThis as unknown as PageWindow;
      return {
        types: ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((name) => `${name}:${typeof win[name]}`),
        bridge: typeof win.avatarCreator,
        cookie: win.document.cookie,
      };
    });
    expect(globals.types).toEqual(['require:undefined', 'process:undefined', 'module:undefined', 'Buffer:undefined', 'global:undefined', '__dirname:undefined']);
    expect(globals.bridge).toBe('undefined');
    expect(globals.cookie).not.toContain(t.bridge.token);
  });

  it('shows markup typed as a project name as text, and runs none of it', async () => {
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Project name').fill(PROJECT_NAME);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name: PROJECT_NAME });
    await heading.waitFor(WAIT);
    expect(await heading.textContent()).toBe(PROJECT_NAME);
    expect(await t.lib.must('projects.list', {})).toMatchObject([{ name: PROJECT_NAME }]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('shows markup in an avatar name, persona and search as text, and runs none of it', async () => {
    const [project] = await t.lib.must('projects.list', {});
    const bytes = new Uint8Array(await makeImage('png', 120, 120));
    const avatar = await t.lib.must('avatars.upload', {
      projectId: project!.id,
      fileName: 'x.png',
      bytes,
      name: AVATAR_NAME,
      persona: { name: PERSONA_NAME, age: 30, personality: ['<b>bold</b>'], background: BACKGROUND },
    });
    avatarId = avatar.id;
    const card = page.getByTestId('avatar-card');
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await card.first().textContent()).toContain(PERSONA_NAME);

    await card.first().click();
    const detail = page.getByTestId('avatar-detail');
    await expect.poll(() => detail.getByLabel('Persona name').inputValue(), POLL).toBe(PERSONA_NAME);
    expect(await detail.getByLabel('Background').inputValue()).toBe(BACKGROUND);
    expect(await detail.getByRole('listitem').filter({ hasText: '<b>bold</b>' }).count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Search avatars' }).fill('<script>');
    await expect.poll(() => page.getByTestId('search-count').textContent(), POLL).toMatch(/\b0\b|\b1\b/);
    const injected = await page.evaluate(() => {
      const doc = (globalThis as unknown as PageWindow).document;
      return ['script:not([src])', 'iframe', 'svg[onload]', 'img[onerror]', 'b'].map((selector) => `${selector}:${doc.querySelectorAll(`#root ${selector}`).length}`);
    });
    expect(injected).toEqual(['script:not([src]):0', 'iframe:0', 'svg[onload]:0', 'img[onerror]:0', 'b:0']);
  });

  it('refuses a page without the token, and its calls', async () => {
    const stranger = await browser.newContext();
    try {
      const other = await stranger.newPage();
      const response = await other.goto(t.bridge.origin);
      expect(response?.status()).toBe(401);
      expect(await other.textContent('body')).toContain('access token');
      const status = await other.evaluate(async () => (await fetch('/api/invoke/projects.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"no token"}' })).status);
      expect(status).toBe(401);
    } finally {
      await stranger.close();
    }
  });

  it('refuses another origin on this machine, even one holding the token, and keeps its images from it', async () => {
    const evil = await page.context().newPage();
    const failed: string[] = [];
    evil.on('requestfailed', (request) => failed.push(`${request.method()} ${new URL(request.url()).pathname.split('/')[1]} ${request.failure()?.errorText}`));
    await evil.goto(attacker.origin);
    const { origin: bridge, token } = t.bridge;
    const outcome = await evil.evaluate(
      async ({ bridge, token, avatarId }) => {
        const simple = await fetch(`${bridge}/api/invoke/projects.create`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{"name":"from evil, simple"}' })
          .then((response) => response.type)
          .catch(() => 'network error');
        const withToken = await fetch(`${bridge}/api/invoke/projects.create`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-avatar-token': token }, body: '{"name":"from evil, token"}' })
          .then((response) => `read ${response.status}`)
          .catch(() => 'network error');
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${bridge.replace('http', 'ws')}/api/events?token=${token}`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        });
        // Same site (ports do not count), so the SameSite cookie goes along; CORP still keeps the image out.
        const image = await new Promise<string>((resolve) => {
          const doc = (globalThis as unknown as { document: { createElement(tag: 'img'): { src: string; onload: () => void; onerror: () => void } } }).document;
          const img = doc.createElement('img');
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('blocked');
          img.src = `${bridge}/images/${avatarId}/thumb`;
        });
        return { simple, withToken, socket, image };
      },
      { bridge, token, avatarId },
    );
    await evil.close();
    // The page can read none of it: answers carry CORP same-origin, the preflight gets no CORS grant, the upgrade is refused.
    expect(outcome).toEqual({ simple: 'network error', withToken: 'network error', socket: 'refused', image: 'blocked' });
    expect(failed).toEqual(['POST api net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'POST api net::ERR_FAILED', 'GET images net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
    // CORP only hides an answer: the simple POST did reach the bridge, which refused it by its Origin and created nothing.
    expect((await t.lib.must('projects.list', {})).map((project) => project.name)).toEqual([PROJECT_NAME]);
  });

  it('never opened a dialog or threw in the page', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
