import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

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

  /** Runs axe on the page as it is and answers its violations (rule id and the nodes), none when clean. */
  async accessibilityViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    }));
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
