import type { IconName } from '../components/icons';

export interface Area {
  id: string;
  label: string;
  /** App path, also what the Electron Go menu sends on 'ax:navigate'. */
  path: string;
  icon: IconName;
  /** False while the area shows its "coming next" state. */
  built: boolean;
  /** One line under the area's title. */
  tagline: string;
  /** What the area will do, in the words of the people who use it. */
  purpose: string;
  /** What to do meanwhile, honest about what exists today. */
  meanwhile: string;
}

/** Navigation order; Ctrl/Cmd+1..8 follow it. */
export const AREAS: readonly Area[] = [
  {
    id: 'accounts',
    tagline: 'Your portfolio: ARR, renewals, stakeholders and NPS',
    label: 'Accounts',
    path: '/accounts',
    icon: 'accounts',
    built: true,
    purpose: 'Every account with its ARR, renewal, stakeholders and latest NPS.',
    meanwhile: '',
  },
  {
    id: 'interviews',
    tagline: 'Stakeholder interviews, on site and offline',
    label: 'Interviews',
    path: '/interviews',
    icon: 'interviews',
    built: true,
    purpose:
      'Run a day of stakeholder interviews offline: an interview guide, quick NPS and driver scoring, verbatims tagged to journey touchpoints, and drafts saved as you type.',
    meanwhile: 'Interview capture arrives with the next release. Meanwhile, add the accounts and contacts you will interview, so everything is ready on the day.',
  },
  {
    id: 'journeys',
    tagline: 'Journey maps with measured sentiment',
    label: 'Journeys',
    path: '/journeys',
    icon: 'journeys',
    built: false,
    purpose:
      'Journey maps built from measured account data: stages and touchpoints with sentiment heat, pain points and opportunities, and the revenue attached to each step.',
    meanwhile: 'Journey maps are being built. Meanwhile, tag interview answers with touchpoints as you capture them: the maps will draw their sentiment from those tags.',
  },
  {
    id: 'segments',
    tagline: 'Safe, gray zone, at risk',
    label: 'Segments',
    path: '/segments',
    icon: 'segments',
    built: false,
    purpose:
      'Segment boards that place each account as safe, gray zone or at risk (or Happy, Growth, At-Risk, Dangling for MSPs), with the rule behind every placement and drag-to-override.',
    meanwhile: 'Segment boards are being built. Meanwhile, each account page shows its risk zone and segment with the rule behind them, and Monetization shows ARR at risk across the portfolio.',
  },
  {
    id: 'monetization',
    tagline: 'What each score is worth in revenue',
    label: 'Monetization',
    path: '/monetization',
    icon: 'monetization',
    built: true,
    purpose:
      'Link every score to revenue: ARR at risk, the cost of each driver, the value of one NPS point, and a what-if simulator, with the formula behind every number.',
    meanwhile: 'The monetization dashboard is being built. Meanwhile, record ARR on each account so the figures have revenue to work with.',
  },
  {
    id: 'qbrs',
    tagline: 'Quarterly business reviews in minutes',
    label: 'QBRs',
    path: '/qbrs',
    icon: 'qbrs',
    built: false,
    purpose:
      'Prepare a quarterly business review in minutes: the quarter at a glance, QBR notes, open follow-ups, and a QBR pack exported offline as slides, PDF or workbook.',
    meanwhile: 'The QBR workspace is being built. Meanwhile, each account page shows its timeline of interviews, QBRs, actions, milestones and ARR changes.',
  },
  {
    id: 'import-export',
    tagline: 'Workbooks in and out',
    label: 'Import/Export',
    path: '/import-export',
    icon: 'importExport',
    built: true,
    purpose:
      'Bring in account lists from a CRM and survey exports from Qualtrics, SurveyMonkey, Delighted and others, with column mapping and a preview; export workbooks that re-import losslessly.',
    meanwhile: 'Workbook import and export are being built. Meanwhile, add accounts by hand; your workspace file is backed up from Settings.',
  },
  {
    id: 'settings',
    tagline: 'Workspace, file and backups',
    label: 'Settings',
    path: '/settings',
    icon: 'settings',
    built: true,
    purpose: 'Workspace name, currency and locale, the workspace file and its backups.',
    meanwhile: '',
  },
];

/** The area a path belongs to (an account page belongs to Accounts). */
export function areaForPath(path: string): Area | undefined {
  return AREAS.find((area) => path === area.path || path.startsWith(area.path + '/'));
}

/** Routes the Electron menu may send that name an area by another word. */
const ROUTE_ALIASES: Record<string, string> = {
  '/': '/accounts',
  '/metrics': '/monetization',
  '/contacts': '/accounts',
  '/import': '/import-export',
  '/export': '/import-export',
};

export function resolveRoute(route: string): string {
  const path = route.startsWith('/') ? route : '/' + route;
  return ROUTE_ALIASES[path] ?? path;
}
