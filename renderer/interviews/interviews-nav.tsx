import { Link, useLocation } from 'wouter';

const TABS = [
  { path: '/interviews', label: 'Sessions', match: (p: string) => p === '/interviews' || p.startsWith('/interviews/start') },
  { path: '/interviews/follow-ups', label: 'Follow-ups', match: (p: string) => p.startsWith('/interviews/follow-ups') },
  { path: '/interviews/search', label: 'Search', match: (p: string) => p.startsWith('/interviews/search') },
  { path: '/interviews/guides', label: 'Guides', match: (p: string) => p.startsWith('/interviews/guides') },
] as const;

/** The four places of the Interviews area, one link each; the current one is marked for screen readers too. */
export function InterviewsNav() {
  const [location] = useLocation();
  return (
    <nav className="subnav" aria-label="Interviews">
      {TABS.map((tab) => (
        <Link key={tab.path} href={tab.path} className="subnav__link" aria-current={tab.match(location) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
