/**
 * Runs one bench module's work the way the app runs the core: in a worker thread with the core worker's
 * heap limits (main/core/core-heap.ts), from a process that loads nothing else, as the app's host loads
 * no import or metrics code. Prints the module's result (one JSON line) with this process's peak RSS.
 *
 *   node --import tsx tests/bench/core-worker-launch.ts <bench module> [args...]
 *
 * The module, loaded in the worker, posts one JSON-able result to its parent port.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORE_YOUNG_GENERATION_MB } from '../../main/core/core-heap';

const [moduleFile, ...args] = process.argv.slice(2);
if (!moduleFile) throw new Error('usage: core-worker-launch.ts <bench module> [args...]');
const idleRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
// A worker does not inherit the parent's --import hooks: tsx's loader is registered in it first.
const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(path.resolve(moduleFile)).href)}); })`;
const worker = new Worker(boot, { eval: true, workerData: { args }, resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB } });
worker.once('message', (result: Record<string, unknown>) => {
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ...result, peakRssMb, hostIdleRssMb: idleRssMb }) + '\n');
});
worker.once('error', (err) => {
  console.error(err);
  process.exitCode = 1;
});
