import { Link, useLocation } from 'wouter';
import { AREAS, areaForPath } from './areas';
import { modKeyLabel } from './platform';
import { Icon } from '../components/icons';

export function SideNav() {
  const [location] = useLocation();
  const current = areaForPath(location);
  const main = AREAS.filter((a) => a.id !== 'settings');
  const settings = AREAS.find((a) => a.id === 'settings')!;

  const item = (area: (typeof AREAS)[number]) => {
    const index = AREAS.indexOf(area) + 1;
    return (
      <li key={area.id}>
        <Link
          href={area.path}
          className="nav__link"
          aria-current={current?.id === area.id ? 'page' : undefined}
          aria-keyshortcuts={modKeyLabel === '⌘' ? `Meta+${index}` : `Control+${index}`}
          title={`${area.label} (${modKeyLabel}+${index})`}
        >
          <Icon name={area.icon} />
          <span className="nav__label">{area.label}</span>
          {area.built ? null : <span className="nav__soon">Soon</span>}
        </Link>
      </li>
    );
  };

  return (
    <aside className="sidebar">
      <Link href="/accounts" className="brand" aria-label="AX Workbench, go to Accounts">
        <span className="brand__mark" aria-hidden="true">
          AX
        </span>
        <span className="brand__name">AX Workbench</span>
      </Link>
      <nav aria-label="Main">
        <ul className="nav__list">{main.map(item)}</ul>
        <div className="nav__separator" role="presentation" />
        <ul className="nav__list">{item(settings)}</ul>
      </nav>
      <p className="sidebar__footer">
        <Icon name="database" size={14} />
        <span>Offline. Your data stays in one file on this computer.</span>
      </p>
    </aside>
  );
}
