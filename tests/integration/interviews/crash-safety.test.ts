import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import type { GuideSummary, InterviewDraft, SessionView } from '../../../shared/contract';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { accountWithContacts, call, withDefaultGuides } from '../../helpers/interview-fixtures';
import { draftText } from '../../helpers/draft-writer';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const WRITER = path.join(ROOT, 'tests', 'helpers', 'draft-writer.ts');
/** Enough saves to be well into typing; then the kill lands at a random point between two saves. */
const ACKS_BEFORE_KILL = 12;

interface WriterRun {
  currentInterviewId: string;
  lastAck: number;
  signal: NodeJS.Signals | null;
}

/** Runs the writer in its own process and SIGKILLs it mid-typing; returns what it had acknowledged. */
function typeThenKill(dataDir: string, file: string): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killScheduled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const acks = out.match(/^ack \d+$/gm)?.length ?? 0;
      if (!killScheduled && acks >= ACKS_BEFORE_KILL) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 100));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    // 'close' waits for the pipes to drain: every ack written before the kill is counted.
    child.on('close', (_code, signal) => {
      const current = /^current (\S+)$/m.exec(out)?.[1];
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      if (!current || acks.length === 0) reject(new Error(`writer produced no acknowledgements:\n${out}\n${err}`));
      else resolve({ currentInterviewId: current, lastAck: Math.max(...acks), signal });
    });
  });
}

describe('drafts survive the core being killed mid-typing', () => {
  it('keeps every acknowledged save and resumes at the same stakeholder (SIGKILL, separate process)', async () => {
    const { core, dataDir, file } = await emptyWorkspaceCore();
    const guides = await withDefaultGuides(core);
    const guide = guides.find((g: GuideSummary) => g.guideKey === 'default-relationship')!;
    const { account, contacts } = await accountWithContacts(core, 'Crash Test Dummies', [{ name: 'First' }, { name: 'Second' }, { name: 'Third' }]);
    const started = await call<SessionView>(core, 'interviews.start', { accountId: account.id, guideId: guide.id, contactIds: contacts.map((c) => c.id) });
    await core.close();

    const run = await typeThenKill(dataDir, file);
    expect(run.signal).toBe('SIGKILL');
    expect(run.currentInterviewId).toBe(started.stakeholders[1]!.interviewId);

    const reopened = await createCore({ dataDir, workspacePath: file });
    try {
      const { view } = (await reopened.call('interviews.openSession', { accountId: account.id })) as { view: SessionView | null };
      expect(view!.current!.id).toBe(run.currentInterviewId);
      expect(view!.current!.contactName).toBe('Second');
      const draft = (await reopened.call('interviews.get', { interviewId: run.currentInterviewId })) as InterviewDraft;
      // The last acknowledged text, or the one after it when that save had committed but its ack had not
      // reached the pipe yet when the kill landed. Never less: nothing acknowledged is lost.
      const acknowledged = [draftText(run.lastAck), draftText(run.lastAck + 1)];
      expect(acknowledged).toContain(draft.verbatim);
      expect(draft.status).toBe('draft');
      const words = draft.verbatim!.split(' ').length;
      expect(draft.notes).toBe(`notes after ${words} words`);
      expect(run.lastAck).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
