import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { AccountRow } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { Field } from '../components/field';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { AccountSearchPicker } from './account-search-picker';
import { rememberInterviewer, rememberedInterviewer } from './interviewer-name';
import { StakeholderPicker } from './stakeholder-picker';
import type { NewPerson } from './stakeholder-picker';

/**
 * Sets up a day of interviews: the account, the guide, who interviews, and the stakeholders to see in order.
 * An account that already has an open session offers to resume it instead.
 */
export function StartSessionScreen({ accountId }: { accountId?: string | undefined }) {
  const [, navigate] = useLocation();
  const [account, setAccount] = useState<AccountRow | null>(null);
  const guides = useQuery(() => api.guides.list({}), []);
  const [guideId, setGuideId] = useState('');
  const [interviewer, setInterviewer] = useState(rememberedInterviewer());
  const [picked, setPicked] = useState<string[]>([]);
  const [newPeople, setNewPeople] = useState<NewPerson[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const chosenId = account?.id ?? accountId;
  const detail = useQuery(() => (chosenId ? api.accounts.get({ id: chosenId }) : Promise.resolve(null)), [chosenId]);
  const openSession = useQuery(() => (chosenId ? api.interviews.openSession({ accountId: chosenId }) : Promise.resolve({ view: null })), [chosenId]);

  useEffect(() => {
    if (!account && detail.data && detail.data.id === accountId) setAccount(detail.data);
  }, [detail.data, accountId, account]);
  useEffect(() => {
    const list = guides.data ?? [];
    if (!guideId && list.length > 0) setGuideId((list.find((g) => g.guideKey === 'default-relationship') ?? list[0]!).id);
  }, [guides.data, guideId]);

  const chooseAccount = (a: AccountRow | null) => {
    setAccount(a);
    setPicked([]);
    setNewPeople([]);
  };

  const start = async () => {
    const problems: Record<string, string> = {};
    if (!account) problems.account = 'Pick the account you are visiting';
    if (!guideId) problems.guide = 'Pick a guide';
    if (picked.length + newPeople.length === 0) problems.people = 'Pick at least one stakeholder to see';
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !account) return;
    setBusy(true);
    try {
      const view = await api.interviews.start({ accountId: account.id, guideId, contactIds: picked, newContacts: newPeople, interviewer: interviewer.trim() || null });
      rememberInterviewer(interviewer);
      navigate(`/interviews/session/${view.session.id}`);
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : String(err) });
      setBusy(false);
    }
  };

  const resumable = openSession.data?.view;
  return (
    <div className="page start-session">
      <Link href="/interviews" className="back-link">
        <Icon name="arrowLeft" size={16} />
        Interviews
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Start a session</h1>
          <p className="page-header__subtitle">Who you will see today, and with which guide.</p>
        </div>
      </header>
      {errors.form ? <p className="form-alert" role="alert">{errors.form}</p> : null}
      <form
        className="start-session__grid"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <section className="card" aria-labelledby="start-where">
          <div className="card__header">
            <h2 className="card__title" id="start-where">
              1. Account and guide
            </h2>
          </div>
          <div className="card__body stack">
            <AccountSearchPicker value={account} onChange={chooseAccount} error={errors.account} />
            {resumable ? (
              <div className="callout" role="status">
                <Icon name="info" />
                <span>
                  A session at {resumable.session.accountName} is still open ({resumable.session.completedCount} of {resumable.stakeholders.length} complete).{' '}
                  <Link href={`/interviews/session/${resumable.session.id}`}>Resume it</Link>
                </span>
              </div>
            ) : null}
            <Field label="Guide" error={errors.guide} hint="The questions asked; edit guides under Guides.">
              {(props) => (
                <select {...props} className="select" value={guideId} onChange={(e) => setGuideId(e.target.value)}>
                  {(guides.data ?? []).map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} · {g.questionCount} questions
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {guides.error ? <InlineError error={guides.error} onRetry={guides.reload} what="the guides" /> : null}
            <Field label="Interviewer" hint="Remembered on this computer.">
              {(props) => <input {...props} className="input" value={interviewer} onChange={(e) => setInterviewer(e.target.value)} autoComplete="name" />}
            </Field>
          </div>
        </section>
        <section className="card" aria-labelledby="start-who">
          <div className="card__header">
            <h2 className="card__title" id="start-who">
              2. Stakeholders, in order
            </h2>
            <span className="card__count">{picked.length + newPeople.length} picked</span>
          </div>
          <div className="card__body">
            {!chosenId ? (
              <p className="muted">Pick an account first: its contacts appear here.</p>
            ) : detail.data ? (
              <StakeholderPicker contacts={detail.data.contacts} picked={picked} onPicked={setPicked} newPeople={newPeople} onNewPeople={setNewPeople} error={errors.people} />
            ) : detail.error ? (
              <InlineError error={detail.error} onRetry={detail.reload} what="the contacts" />
            ) : (
              <Loading label="Loading contacts…" />
            )}
          </div>
        </section>
        <div className="start-session__actions">
          <Link href="/interviews" className="button button--ghost">
            Cancel
          </Link>
          <button type="submit" className="button button--primary" disabled={busy}>
            Start interviewing
            <Icon name="chevronRight" size={16} />
          </button>
        </div>
      </form>
    </div>
  );
}
