import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** e2e tests drive the built app, exactly what `npm start` serves; build it once per run. */
export default function setup(): void {
  if (process.env.AX_E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [path.join('scripts', 'build.mjs')], {
    stdio: 'inherit',
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
