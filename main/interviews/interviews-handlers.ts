import type { Handlers } from '../core/handler-types';
import { getAction } from '../actions/actions-repo';
import { completeInterview } from './complete-interview';
import { readInterview } from './interview-read';
import { saveDraft } from './save-draft';
import { correctScore, listCorrections } from './score-corrections';
import { addStakeholders, findOpenSession, finishSession, goTo, listSessions, navigate, removeStakeholder, sessionView, startSession } from './sessions-repo';

export const interviewsHandlers: Handlers<'interviews.'> = {
  'interviews.start': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => startSession(trx, input));
    return sessionView(db, id);
  },
  'interviews.session': (input, ctx) => sessionView(ctx.workspaces.db(), input.sessionId),
  'interviews.openSession': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await findOpenSession(db, input?.accountId);
    return { view: id ? await sessionView(db, id) : null };
  },
  'interviews.sessions': (input, ctx) => listSessions(ctx.workspaces.db(), input),
  'interviews.addStakeholders': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => addStakeholders(trx, input));
    return sessionView(db, input.sessionId);
  },
  'interviews.removeStakeholder': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => removeStakeholder(trx, input));
    return sessionView(db, input.sessionId);
  },
  'interviews.navigate': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => navigate(trx, input));
    return sessionView(db, input.sessionId);
  },
  'interviews.goTo': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => goTo(trx, input));
    return sessionView(db, input.sessionId);
  },
  'interviews.get': (input, ctx) => readInterview(ctx.workspaces.db(), input.interviewId),
  'interviews.saveDraft': (input, ctx) => ctx.workspaces.db().transaction().execute((trx) => saveDraft(trx, input)),
  'interviews.complete': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const { followUpId, sessionId } = await db.transaction().execute((trx) => completeInterview(trx, input));
    return {
      interview: await readInterview(db, input.interviewId),
      followUp: followUpId ? await getAction(db, followUpId) : null,
      session: sessionId ? await sessionView(db, sessionId) : null,
    };
  },
  'interviews.finishSession': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const counts = await db.transaction().execute((trx) => finishSession(trx, input.sessionId));
    return { ...counts, session: (await sessionView(db, input.sessionId)).session };
  },
  'interviews.correctScore': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const { correctionId, followUpId } = await db.transaction().execute((trx) => correctScore(trx, input));
    const corrections = await listCorrections(db, input.interviewId);
    return {
      interview: await readInterview(db, input.interviewId),
      correction: corrections.find((c) => c.id === correctionId)!,
      followUp: followUpId ? await getAction(db, followUpId) : null,
    };
  },
  'interviews.corrections': (input, ctx) => listCorrections(ctx.workspaces.db(), input.interviewId),
};
