import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A worker entry bundled as the app ships it (scripts/build.mjs: esbuild to CommonJS, better-sqlite3
 * external), into `folder` (default .tmp/test-worker) inside the repo, so the bundle resolves
 * better-sqlite3 from node_modules as dist/main does. Returns the bundle's path.
 */
export async function bundleWorker(
  entry: 'main/core/worker.ts' | 'main/db/checkpoint-worker.ts' | 'main/metrics/engine/metrics-reader-worker.ts' | 'tests/helpers/held-worker.ts',
  fileName: string,
  folder = path.join(REPO, '.tmp', 'test-worker'),
): Promise<string> {
  const outfile = path.join(folder, fileName);
  await build({
    entryPoints: [path.join(REPO, entry)],
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

/** The checkpoint thread's worker (main/db/background-checkpoint.ts), bundled for this process. */
export function buildCheckpointWorker(): Promise<string> {
  return bundleWorker('main/db/checkpoint-worker.ts', `checkpoint-worker-${process.pid}.cjs`);
}

/** The metrics reader thread's worker (main/metrics/engine/metrics-reader.ts), bundled for this process. */
export function buildMetricsReaderWorker(): Promise<string> {
  return bundleWorker('main/metrics/engine/metrics-reader-worker.ts', `metrics-reader-worker-${process.pid}.cjs`);
}

/** A request thread's worker for tests (tests/helpers/held-worker.ts), bundled for this process. */
export function buildHeldWorker(): Promise<string> {
  return bundleWorker('tests/helpers/held-worker.ts', `held-worker-${process.pid}.cjs`);
}
