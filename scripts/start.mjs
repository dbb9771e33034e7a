#!/usr/bin/env node
// `npm start` (after the build): the desktop app when Electron can run here, otherwise the same app
// in browser mode, so that a machine without the Electron binary still gets a working workbench.
// Arguments after `npm start --` go to whichever of the two starts.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const NATIVE_DIR = path.join(ROOT, 'native', 'electron');
/** First launch downloads the binary (~100 MB); give a slow connection time before calling it unavailable. */
const RESOLVE_TIMEOUT_MS = 15 * 60_000;

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * The Electron executable, or null. `require('electron')` downloads the binary on first use and
 * throws when it cannot; it runs in a child process so its download noise and stack trace stay
 * out of the terminal unless the download is actually happening.
 */
async function electronExecutable() {
  const marker = '@@ax-electron-path@@';
  const child = spawn(process.execPath, ['-e', `process.stdout.write('${marker}' + require('electron'))`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.resume();
  const slow = setTimeout(() => console.log('Preparing Electron (the first start downloads it)…'), 3000);
  const killer = setTimeout(() => child.kill(), RESOLVE_TIMEOUT_MS);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(slow);
  clearTimeout(killer);
  const at = out.lastIndexOf(marker);
  if (code !== 0 || at < 0) return null;
  const executable = out.slice(at + marker.length).trim();
  if (!executable || !fs.existsSync(executable)) return null;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const version = spawnSync(executable, ['--version'], { env, encoding: 'utf8', timeout: 30_000 });
  return version.status === 0 ? executable : null;
}

/** The Electron build of better-sqlite3 exists and matches the installed Electron and better-sqlite3. */
function nativeBuildIsCurrent() {
  if (!fs.existsSync(path.join(NATIVE_DIR, 'better_sqlite3.node'))) return false;
  const info = readJson(path.join(NATIVE_DIR, 'build-info.json'));
  const electron = readJson(path.join(ROOT, 'node_modules', 'electron', 'package.json'));
  const sqlite = readJson(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'));
  return (
    info !== null &&
    info.electron === electron?.version &&
    info.betterSqlite3 === sqlite?.version &&
    info.platform === process.platform &&
    info.arch === process.arch
  );
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function requireBuilt(file) {
  if (fs.existsSync(path.join(ROOT, file))) return;
  console.error(`${file} is missing; run \`npm run build\` first (\`npm start\` does it for you).`);
  process.exit(1);
}

function startBrowserMode(reason) {
  console.log(`${reason}; opening AX Workbench in browser mode instead.`);
  requireBuilt('dist/main/serve.cjs');
  run(process.execPath, [path.join('dist', 'main', 'serve.cjs'), ...args]);
}

const electron = await electronExecutable();
if (!electron) {
  startBrowserMode('Electron is not available on this machine (its binary could not be downloaded)');
} else {
  requireBuilt('dist/main/electron-main.cjs');
  let nativeReady = nativeBuildIsCurrent();
  if (!nativeReady) {
    const rebuild = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rebuild-electron-native.mjs')], { cwd: ROOT, stdio: 'inherit' });
    nativeReady = rebuild.status === 0 && nativeBuildIsCurrent();
  }
  if (!nativeReady) {
    startBrowserMode('The database module could not be built for Electron (see above)');
  } else {
    const env = { ...process.env };
    // Set in some shells and CI images; it would make Electron behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    run(electron, ['.', ...args], env);
  }
}
