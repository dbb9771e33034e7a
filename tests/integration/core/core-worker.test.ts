import { bundleWorker } from '../../helpers/bundle-worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/core-host';
import type { CoreEvent, WorkspaceInfo } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';

let workerFile: string;

// The worker runs as the app ships it: bundled by esbuild to CommonJS, better-sqlite3 left external.
beforeAll(async () => {
  workerFile = await bundleWorker('main/core/worker.ts', `core-worker-${process.pid}.cjs`);
});

describe('the data core in its worker thread', () => {
  it('answers contract calls, forwards errors as ApiError, and keeps the calling thread free', async () => {
    const dataDir = tempDir();
    const core = startCore({ dataDir, workerFile, demoOnFirstStart: false });
    await core.ready;
    const events: CoreEvent[] = [];
    core.onEvent((e) => events.push(e));

    // Measure the longest gap between timer ticks on this thread while the worker builds a demo workspace.
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const info = (await core.call('workspace.create', { name: 'Worker demo', withDemoData: true })) as WorkspaceInfo;
    const busyFor = performance.now() - started;
    clearInterval(ticker);

    expect(info.counts.accounts).toBeGreaterThan(50);
    expect(busyFor).toBeGreaterThan(100); // the call did real work…
    expect(longestGap).toBeLessThan(Math.max(80, busyFor / 3)); // …and this thread kept ticking meanwhile
    expect(events).toContainEqual({ type: 'workspace', state: 'opened' });

    const error = await core.call('accounts.create', { name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields).toEqual({ name: 'Name is required' });

    expect(await core.internal({ op: 'currentPath' })).toMatch(/Worker demo\.axw$/);
    await core.close();
    await expect(core.call('workspace.status', {})).rejects.toThrow(/closed/);
  });
});
