import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Where the built app lives; AX_DIST_DIR keeps parallel runs apart (see scripts/build.mjs). */
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.AX_DIST_DIR ?? 'dist');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts');

export interface RunningApp {
  /** URL with the token fragment, as printed to the user. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** SIGKILL: the way a crash or a power cut ends the process. */
  kill(): Promise<void>;
}

/** Starts browser mode from the built bundle (dist/), as `npm run serve` does, on a free port with its own data folder. */
export async function startApp(options: { dataDir?: string; demo?: boolean; workspace?: string } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ax-e2e-'));
  const args = [path.join(DIST_DIR, 'main', 'serve.cjs'), '--port', '0', '--data-dir', dataDir];
  if (options.demo === false) args.push('--no-demo');
  if (options.workspace) args.push('--workspace', options.workspace);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir in args).
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openApp(browser: Browser, app: RunningApp, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(app.url);
  return page;
}

/** Fails on serious or critical axe-core violations, listing them so the failure says what to fix. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const details = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n');
    throw new Error(`Accessibility violations on ${label}:\n${details}`);
  }
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
