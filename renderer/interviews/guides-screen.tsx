import { Link, useLocation } from 'wouter';
import type { GuideSummary } from '../../shared/contract';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { showToast, useToasts } from '../state/toast-store';
import { GUIDE_KIND_NAMES } from './guide-labels';
import { InterviewsNav } from './interviews-nav';

/** Interview guides: the defaults that ship and the team's own, each at its current version. */
export function GuidesScreen() {
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const guides = useQuery(() => api.guides.list({}), []);

  const duplicate = async (g: GuideSummary) => {
    try {
      const copy = await api.guides.duplicate({ id: g.id, name: `${g.name} (copy)` });
      navigate(`/interviews/guides/${copy.id}`);
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const remove = async (g: GuideSummary) => {
    try {
      await api.guides.delete({ id: g.id });
      useToasts.getState().show({
        message: `Deleted ${g.name}. Interviews that used it keep their questions.`,
        tone: 'neutral',
        undo: async () => {
          await api.guides.restore({ id: g.id });
          guides.reload();
        },
      });
      guides.reload();
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Interview guides</h1>
          <p className="page-header__subtitle">The questions asked in each kind of conversation. Changing a guide that has answers makes a new version.</p>
        </div>
        <div className="page-header__actions">
          <Link href="/interviews/guides/new" className="button button--primary">
            <Icon name="plus" size={16} />
            New guide
          </Link>
        </div>
      </header>
      <InterviewsNav />
      {guides.error ? <InlineError error={guides.error} onRetry={guides.reload} what="the guides" /> : null}
      {!guides.data && !guides.error ? <Loading label="Loading guides…" /> : null}
      {guides.data && guides.data.length === 0 ? (
        <EmptyState icon="file" title="No guides" actions={<Link href="/interviews/guides/new" className="button button--primary">New guide</Link>}>
          <p>A guide lists the questions of an interview: NPS, ratings, drivers, choices and open questions.</p>
        </EmptyState>
      ) : null}
      {guides.data && guides.data.length > 0 ? (
        <section className="card" aria-label="Guides">
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Guide</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="align-end">
                    Questions
                  </th>
                  <th scope="col">Version</th>
                  <th scope="col" className="align-end">
                    Interviews
                  </th>
                  <th scope="col">Changed</th>
                  <th scope="col" className="cell-actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {guides.data.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link href={`/interviews/guides/${g.id}`} className="cell-primary">
                        {g.name}
                      </Link>
                      {g.isDefault ? <span className="badge guides__default">Default</span> : null}
                      {g.touchpointName ? <span className="cell-secondary">About {g.touchpointName}</span> : null}
                    </td>
                    <td>{GUIDE_KIND_NAMES[g.kind]}</td>
                    <td className="align-end">{g.questionCount}</td>
                    <td>v{g.version}</td>
                    <td className="align-end">{g.interviewCount}</td>
                    <td>{fmt.date(g.updatedAt.slice(0, 10))}</td>
                    <td className="cell-actions">
                      <Link href={`/interviews/guides/${g.id}`} className="icon-button" aria-label={`Edit ${g.name}`} title="Edit">
                        <Icon name="edit" size={16} />
                      </Link>
                      <button type="button" className="icon-button" aria-label={`Duplicate ${g.name}`} title="Duplicate" onClick={() => void duplicate(g)}>
                        <Icon name="file" size={16} />
                      </button>
                      <button type="button" className="icon-button icon-button--danger" aria-label={`Delete ${g.name}`} title="Delete" onClick={() => void remove(g)}>
                        <Icon name="trash" size={16} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
