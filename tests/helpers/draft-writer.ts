/**
 * A stand-in for the interview screen, run as its own process by the crash-safety test:
 *
 *   node --import tsx tests/helpers/draft-writer.ts <dataDir> <workspaceFile>
 *
 * Opens the workspace through the real core, resumes the open session, moves to the next stakeholder,
 * then "types" the verbatim: one more word every 100 ms, each time saving the whole draft. It prints
 * `current <interviewId>` once, then `ack <n>` after the save of draftText(n) resolved. It never stops by
 * itself: the test kills it.
 */
import { createCore } from '../../main/core/core';
import type { SessionView } from '../../shared/contract';

/** The verbatim after n words: the test recomputes it from the last acknowledged n. */
export function draftText(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');
}

async function main(): Promise<void> {
  const [dataDir, workspacePath] = process.argv.slice(2);
  if (!dataDir || !workspacePath) throw new Error('usage: draft-writer <dataDir> <workspaceFile>');
  const core = await createCore({ dataDir, workspacePath });
  const { view } = (await core.call('interviews.openSession', {})) as { view: SessionView | null };
  if (!view) throw new Error('no open session to resume');
  const moved = (await core.call('interviews.navigate', { sessionId: view.session.id, direction: 'next' })) as SessionView;
  const interviewId = moved.current!.id;
  const verbatimQuestion = moved.guide!.questions.find((q) => q.field === 'verbatim')!.id;
  process.stdout.write(`current ${interviewId}\n`);
  for (let n = 1; ; n++) {
    await core.call('interviews.saveDraft', { interviewId, answers: { [verbatimQuestion]: draftText(n) }, notes: `notes after ${n} words` });
    process.stdout.write(`ack ${n}\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const invokedDirectly = process.argv[1]?.endsWith('draft-writer.ts');
if (invokedDirectly) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
