#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, for running the
// desktop app from the repository (`npm start`). node_modules/better-sqlite3/build is left alone:
// tests and browser mode run on Node and need the Node build that lives there.
//
// The build happens in a copy of the package in a temporary folder, so a failed or half-finished
// build can never leave node_modules with a binary of the wrong ABI.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'node_modules', 'better-sqlite3');
const OUT_DIR = path.join(ROOT, 'native', 'electron');
const OUT_FILE = path.join(OUT_DIR, 'better_sqlite3.node');
/** Read by scripts/start.mjs to notice a build for another Electron or better-sqlite3 version. */
const INFO_FILE = path.join(OUT_DIR, 'build-info.json');
const HEADERS_URL = 'https://electronjs.org/headers';

/** Thrown rather than process.exit, so the temporary folder is still removed on the way out. */
class Failure extends Error {}
const fail = (message) => {
  throw new Failure(message);
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

try {
  await main();
} catch (error) {
  const text = error instanceof Failure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`rebuild-electron-native: ${text}`);
  process.exitCode = 1;
}

async function main() {
  if (!fs.existsSync(path.join(SOURCE, 'package.json'))) fail('node_modules/better-sqlite3 is missing; run `npm ci` first.');
  const electronVersion = readJson(path.join(ROOT, 'node_modules', 'electron', 'package.json')).version;
  const electronAbi = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  const sqliteVersion = readJson(path.join(SOURCE, 'package.json')).version;

  // npm exports the machine's npmrc as npm_config_* variables, and node-gyp obeys them. A `nodedir`
  // there points node-gyp at Node's headers, which would yield a Node-ABI binary under Electron's name.
  for (const key of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete process.env[key];
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ax-electron-native-'));
  try {
    const moduleDir = path.join(work, 'node_modules', 'better-sqlite3');
    // The sources without the Node build (its object files are large, and of the wrong ABI anyway).
    fs.cpSync(SOURCE, moduleDir, {
      recursive: true,
      filter: (src) => path.relative(SOURCE, src).split(path.sep)[0] !== 'build',
    });
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'ax-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
    );

    console.log(
      `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${electronAbi}); compiling SQLite takes a few minutes…`,
    );
    const { rebuild } = await import('@electron/rebuild');
    try {
      await rebuild({
        buildPath: work,
        electronVersion,
        onlyModules: ['better-sqlite3'],
        force: true,
        buildFromSource: true,
        headerURL: HEADERS_URL,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      fail(
        `could not build better-sqlite3 for Electron ${electronVersion}: ${reason}\n` +
          `  This step downloads Electron's headers from ${HEADERS_URL} (so it needs a network connection the first time)\n` +
          '  and compiles C++ (so it needs Python 3 and a C++ toolchain: build-essential, Xcode tools or Visual Studio Build Tools).\n' +
          '  Without it, `npm start` opens the app in browser mode instead.',
      );
    }

    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) fail('the build finished but produced no build/Release/better_sqlite3.node.');
    assertElectronAbi(built, electronVersion, electronAbi);

    fs.mkdirSync(OUT_DIR, { recursive: true });
    const temp = `${OUT_FILE}.tmp`;
    fs.copyFileSync(built, temp);
    fs.renameSync(temp, OUT_FILE);
    const info = { electron: electronVersion, abi: electronAbi, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
    fs.writeFileSync(INFO_FILE, `${JSON.stringify(info, null, 2)}\n`);
    console.log(`Wrote ${path.relative(ROOT, OUT_FILE)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Node must refuse to load the result, naming Electron's module version. If Node loads it, the
 * build used Node's headers after all, and Electron would fail on it at the first query.
 */
function assertElectronAbi(file, electronVersion, electronAbi) {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { encoding: 'utf8' });
  if (probe.status === 0) fail(`the binary was built for Node ${process.versions.node}, not for Electron (check npm's nodedir setting).`);
  const found = /NODE_MODULE_VERSION (\d+)/.exec(probe.stderr);
  if (found && found[1] !== electronAbi) fail(`the binary has module version ${found[1]}; Electron ${electronVersion} needs ${electronAbi}.`);
}
