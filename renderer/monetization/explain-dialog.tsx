import { Dialog } from '../components/dialog';
import { useFormat } from '../app/use-format';
import { formatFigure, formatInterval, inputRows, NONE } from './figure-format';
import type { FormatContext } from './figure-format';
import { ACCOUNT_ID_CAP, isInterval } from './explanation';
import type { ExplainedFigure, Explanation } from './explanation';

function FigureExplanation({ item, ctx }: { item: ExplainedFigure; ctx: FormatContext }) {
  const { figure } = item;
  const value = isInterval(figure) ? formatInterval(figure, ctx) : formatFigure(figure, ctx);
  const empty = value === NONE;
  const rows = inputRows(figure, ctx);
  const accounts = figure.accountIds?.length ?? 0;
  return (
    <section className="explain__figure" aria-label={item.label}>
      <div className="explain__head">
        <h3 className="explain__label">{item.label}</h3>
        <span className={`explain__value${empty ? ' explain__value--none' : ''}`}>{value}</span>
      </div>
      {empty ? (
        <p className="explain__null">
          <strong>Why it is empty: </strong>
          {figure.nullReason ?? 'the engine has no data for it in this selection.'}
        </p>
      ) : null}
      <dl className="explain__grid">
        <dt>Formula</dt>
        <dd>
          <code className="explain__formula">{figure.formula}</code>
        </dd>
        <dt>Rule or setting</dt>
        <dd>{figure.rule ?? 'none: the formula alone decides'}</dd>
        {rows.length > 0 ? (
          <>
            <dt>Inputs</dt>
            <dd>
              <table className="explain__inputs">
                <caption className="visually-hidden">Inputs of {item.label}</caption>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </dd>
          </>
        ) : null}
        {accounts > 0 ? (
          <>
            <dt>Accounts</dt>
            <dd>
              {accounts === ACCOUNT_ID_CAP ? `${ACCOUNT_ID_CAP} or more accounts contributed (the list is cut at ${ACCOUNT_ID_CAP})` : `${accounts} ${accounts === 1 ? 'account' : 'accounts'} contributed`}
            </dd>
          </>
        ) : null}
        {figure.notes && figure.notes.length > 0 ? (
          <>
            <dt>Notes</dt>
            <dd>
              <ul className="explain__notes">
                {figure.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** "Why is this number what it is": every figure with its formula, inputs, rule and caveats. */
export function ExplainDialog({ explanation, onClose }: { explanation: Explanation; onClose: () => void }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  return (
    <Dialog
      title={explanation.title}
      description={explanation.lead}
      onClose={onClose}
      size="lg"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      <div className="explain" tabIndex={0} role="region" aria-label={`How ${explanation.title} is computed`}>
        {explanation.figures.map((item) => (
          <FigureExplanation key={item.label} item={item} ctx={ctx} />
        ))}
      </div>
    </Dialog>
  );
}
