import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The checkpoint worker bundled as the app ships it (scripts/build.mjs: esbuild to CommonJS, better-sqlite3
 * external), inside the repo so the bundle resolves better-sqlite3 from node_modules as dist/main does.
 */
export async function buildCheckpointWorker(): Promise<string> {
  const outfile = path.join(REPO, '.tmp', 'test-worker', `checkpoint-worker-${process.pid}.cjs`);
  await build({
    entryPoints: [path.join(REPO, 'main/db/checkpoint-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  return outfile;
}
