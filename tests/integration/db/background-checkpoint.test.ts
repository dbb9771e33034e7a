import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { BackgroundCheckpoint, withCheckpointInBackground } from '../../../main/db/background-checkpoint';
import { buildCheckpointWorker } from '../../helpers/bundle-worker';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import { WorkbookClient } from '../workbook/workbook-client';
import { RESPONSES_HEADER } from '../workbook/csv-import-workspace';

let workerFile: string;
beforeAll(async () => {
  workerFile = await buildCheckpointWorker();
});

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function importResponses(core: Core, rows: number): Promise<void> {
  // The new workspace's schema into the file first: the file alone then reads, with or without the rows.
  core.workspaces.opened()!.file.raw.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(tempDir('ax-checkpoint-'), 'responses.csv');
  const lines = Array.from({ length: rows }, (_, i) => `R_${i},2026-03-${String(1 + (i % 28)).padStart(2, '0')},Company ${i % 7},p${i}@example.com,Person ${i},${i % 11},${1 + (i % 5)}`);
  fs.writeFileSync(file, [RESPONSES_HEADER, ...lines].join('\n'));
  const client = new WorkbookClient(core);
  const run = await client.importPreview(file);
  const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
  expect(result.import).not.toBeNull();
}

/** What the workspace file holds on its own, without its write-ahead log: a copy of just the file, opened. */
function responsesInFileAlone(file: string): number {
  const copy = path.join(tempDir('ax-file-alone-'), 'copy.axw');
  fs.copyFileSync(file, copy);
  const db = new BetterSqlite3(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM interviews').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('checkpoints of big writes on their own thread', () => {
  it('copies an import into the workspace file on the checkpoint thread once it is committed', async () => {
    const { core, file } = await emptyWorkspaceCore({ checkpointWorkerFile: workerFile });
    opened.push(core);
    expect(core.checkpoint?.available).toBe(true);
    await importResponses(core, 300);
    await core.checkpoint!.idle();
    expect(responsesInFileAlone(file)).toBe(300);
    // The core's own setting is back: small writes still checkpoint as SQLite does by default.
    expect(core.workspaces.opened()!.file.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('without the thread, the same import stays in the log until SQLite checkpoints (what the thread changes)', async () => {
    const { core, file } = await emptyWorkspaceCore();
    opened.push(core);
    expect(core.checkpoint).toBeNull();
    await importResponses(core, 300);
    expect(responsesInFileAlone(file)).toBe(0);
  });

  it('closing the core waits for the thread, and the last connection folds the log into the file', async () => {
    const { core, file } = await emptyWorkspaceCore({ checkpointWorkerFile: workerFile });
    await importResponses(core, 300);
    await core.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(responsesInFileAlone(file)).toBe(300);
  });
});

describe('withCheckpointInBackground', () => {
  function database() {
    const db = new BetterSqlite3(path.join(tempDir('ax-checkpoint-unit-'), 'unit.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    return db;
  }

  it('turns SQLite automatic checkpoint off only while the write runs, even when it throws', async () => {
    const checkpoint = BackgroundCheckpoint.start(workerFile)!;
    const db = database();
    try {
      const during = withCheckpointInBackground(db, checkpoint, () => db.pragma('wal_autocheckpoint', { simple: true }));
      expect(during).toBe(0);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(() =>
        withCheckpointInBackground(db, checkpoint, () => {
          throw new Error('write failed');
        }),
      ).toThrow('write failed');
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      await checkpoint.close();
      db.close();
    }
  });

  it('leaves checkpoints to SQLite when the thread is gone', async () => {
    const checkpoint = BackgroundCheckpoint.start(workerFile)!;
    await checkpoint.close();
    expect(checkpoint.available).toBe(false);
    const db = database();
    try {
      expect(withCheckpointInBackground(db, checkpoint, () => db.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
      const reply = await checkpoint.request(db.name);
      expect(reply).toMatchObject({ ok: false });
    } finally {
      db.close();
    }
  });

  it('reports a file it cannot checkpoint instead of failing the thread', async () => {
    const checkpoint = BackgroundCheckpoint.start(workerFile)!;
    try {
      const reply = await checkpoint.request(path.join(tempDir('ax-checkpoint-missing-'), 'missing.axw'));
      expect(reply.ok).toBe(false);
      expect(checkpoint.available).toBe(true);
    } finally {
      await checkpoint.close();
    }
  });

  it('is not started without a worker file', () => {
    expect(BackgroundCheckpoint.start(undefined)).toBeNull();
    expect(BackgroundCheckpoint.start('/nonexistent/checkpoint-worker.cjs')).toBeNull();
  });
});
