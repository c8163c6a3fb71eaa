import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { adminConsoleDirectory } from '../../src/platform/admin-console';

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each page's full-page screenshot goes (git-ignored), for a reviewer to look at. */
export const SCREENSHOTS = resolve(__dirname, '../admin/screenshots');

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails a browser suite at once when the console is not built: the suites drive the build in dist/admin. */
export function requireConsoleBuild(): void {
  if (!existsSync(join(adminConsoleDirectory(), 'index.html'))) {
    throw new Error('dist/admin is missing: run `npm run build` first');
  }
}

/**
 * The settings of an app the browser suites drive: its admin (created at start), a fast outbox
 * poll so pages see the saga move, and a cheap password hash so logging in costs no test time.
 */
export function consoleAppEnv(admin: { readonly email: string; readonly password: string }): Record<string, string> {
  return {
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    OUTBOX_POLL_MS: '50',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_ITERATIONS: '1',
  };
}

/** True once every finite animation or transition on the page has ended (the script is a string: no DOM types here). */
const ANIMATIONS_ENDED = `document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)`;

/**
 * A headless Chromium with a fresh profile of its own (removed on close), driving the admin console
 * of an app at `baseUrl` (the app's own origin: the console calls the API there).
 */
export class ConsoleBrowser {
  private constructor(
    readonly baseUrl: string,
    private readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'arcade-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    return new ConsoleBrowser(baseUrl, context, profile);
  }

  /** A new tab at `path` of the console (`/admin/...`). */
  async open(path = '/admin'): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`${this.baseUrl}${path}`);
    return page;
  }

  /** Fills the login form and submits it (the caller checks what follows). */
  async logIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /**
   * Runs axe on the page once its finite animations have ended and, when the console's navigation shows an active link, again
   * with the pointer over that link (its hover colours are checked too); answers the violations of
   * both runs (rule id, help and the nodes, each once), none when clean. The pointer stays there.
   */
  async accessibilityViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
    const found = new Map<string, { id: string; help: string; targets: string[] }>();
    const analyze = async () => {
      // Colours are checked as they end up: a dialog fading in (or a hover transition) would be
      // measured half-transparent. Endless animations (a loader's spin) are not waited for. Polled
      // with evaluate: waitForFunction evaluates its string with eval, which the console's CSP refuses.
      for (let poll = 0; poll < 100 && !(await page.evaluate<boolean>(ANIMATIONS_ENDED)); poll++) {
        await page.waitForTimeout(50);
      }
      for (const v of (await new AxeBuilder({ page }).analyze()).violations) {
        const seen = found.get(v.id) ?? { id: v.id, help: v.help, targets: [] };
        for (const node of v.nodes) {
          const target = node.target.join(' ');
          if (!seen.targets.includes(target)) seen.targets.push(target);
        }
        found.set(v.id, seen);
      }
    };
    await analyze();
    const active = page.getByRole('navigation', { name: 'Console pages' }).locator('[aria-current="page"]');
    const box = (await active.count()) === 1 ? await active.boundingBox() : null;
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await analyze();
    }
    return [...found.values()];
  }

  /** Writes test/admin/screenshots/<name>.png, the whole page. */
  async screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}
