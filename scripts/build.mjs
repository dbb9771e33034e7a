// Builds everything `npm start` and browser mode run: the Node-side bundles (esbuild) and the renderer (vite).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';

// AX_DIST_DIR lets parallel e2e runs (one per checkout or helper) build without overwriting each other.
const dist = process.env.AX_DIST_DIR ?? 'dist';

const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';
fs.mkdirSync(`${dist}/main`, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  legalComments: 'none',
};

if (only !== 'renderer') {
  const entries = [
    ['main/core/worker.ts', `${dist}/main/core-worker.cjs`],
    ['main/db/checkpoint-worker.ts', `${dist}/main/checkpoint-worker.cjs`],
    ['main/metrics/engine/metrics-reader-worker.ts', `${dist}/main/metrics-reader-worker.cjs`],
    ['main/serve-cli.ts', `${dist}/main/serve.cjs`],
  ];
  if (fs.existsSync('main/electron/main.ts')) entries.push(['main/electron/main.ts', `${dist}/main/electron-main.cjs`]);
  if (fs.existsSync('main/electron/preload.ts')) entries.push(['main/electron/preload.ts', `${dist}/main/preload.cjs`]);
  await Promise.all(entries.map(([entry, outfile]) => build({ ...common, entryPoints: [entry], outfile })));
}
if (only !== 'main') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: path.resolve(dist, 'renderer') } });
}
console.log('build: done');
