import { Link } from 'wouter';
import type { Area } from './areas';
import { Icon } from '../components/icons';

/** An area that is not built yet says what it will do and what helps now; it never shows invented data. */
export function UpcomingArea({ area }: { area: Area }) {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{area.label}</h1>
          <p className="page-header__subtitle">{area.tagline}</p>
        </div>
      </header>
      <section className="card upcoming" aria-labelledby="upcoming-title">
        <div className="upcoming__icon">
          <Icon name={area.icon} size={30} />
        </div>
        <div className="upcoming__text">
          <span className="badge badge--accent">Coming next</span>
          <h2 id="upcoming-title" className="upcoming__title">
            What {area.label} will do
          </h2>
          <p className="upcoming__purpose">{area.purpose}</p>
          <h3 className="upcoming__subtitle">What you can do now</h3>
          <p className="upcoming__meanwhile">{area.meanwhile}</p>
          <div className="upcoming__actions">
            <Link href="/accounts" className="button button--primary">
              <Icon name="accounts" size={16} />
              Go to Accounts
            </Link>
            {area.id === 'import-export' ? (
              <Link href="/settings" className="button button--secondary">
                <Icon name="backup" size={16} />
                Back up the workspace
              </Link>
            ) : null}
          </div>
        </div>
      </section>
    </div>
  );
}
