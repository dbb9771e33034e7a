// `npm test`: every check and test, on a fresh machine too. Ends with one plain line "N passed, N failed"
// (CI reads that line, not Vitest's summary) and exits non-zero on any failure. Skipped tests count as failures:
// a test that cannot run here is a defect to fix, not to hide.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const outDir = path.join(root, '.tmp');
fs.mkdirSync(outDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status ?? 1;
}

function ensureChromium() {
  if (fs.existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is missing at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return run('apt-get', ['update', '-qq'], { env }) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) === 0 && fs.existsSync(chromium);
}

function vitestCounts(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const failedSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numPendingTests + report.numTodoTests + failedSuites,
  };
}

let passed = 0;
let failed = 0;
const tally = (ok, label) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAILED: ${label}`);
  }
};

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
tally(run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--noEmit']) === 0, 'typecheck (tsc --noEmit)');

for (const [label, args] of [
  ['unit + integration', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(outDir, 'unit.json')}`]],
  ['e2e', ['run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(outDir, 'e2e.json')}`]],
]) {
  const file = path.join(outDir, label === 'e2e' ? 'e2e.json' : 'unit.json');
  fs.rmSync(file, { force: true });
  if (label === 'e2e' && !ensureChromium()) {
    tally(false, 'e2e: Chromium unavailable');
    continue;
  }
  const status = run(vitest, args);
  const counts = vitestCounts(file);
  if (!counts) tally(false, `${label}: no report (vitest exited ${status})`);
  else {
    passed += counts.passed;
    failed += counts.failed;
    if (status !== 0 && counts.failed === 0) tally(false, `${label}: vitest exited ${status}`);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
