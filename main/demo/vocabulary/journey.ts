/** The one customer journey the demo ships with: stages, touchpoints and how well each really goes. */

export interface TouchpointSpec {
  name: string;
  channel: string;
  /** What customers expect of it, 1–5, for expectation-vs-experience on the journey map. */
  expectation: number;
  /** How well it really goes, in health units: a negative value drags scores down there. */
  quality: number;
  painPoints: string;
  opportunities: string;
}

export interface StageSpec {
  name: string;
  touchpoints: readonly TouchpointSpec[];
}

export const JOURNEY = {
  name: 'Customer lifecycle',
  description: 'From signature to expansion: the stages every account goes through and where we meet it.',
  stages: [
    {
      name: 'Onboard',
      touchpoints: [
        { name: 'Kickoff workshop', channel: 'Meeting', expectation: 4, quality: 0.4, painPoints: 'Owners on the customer side not named early enough.', opportunities: 'Share a one-page plan with dates at the end of the workshop.' },
        { name: 'Data migration', channel: 'Project', expectation: 4, quality: -0.7, painPoints: 'Freeze windows and data cleansing underestimated.', opportunities: 'Migration rehearsal with the customer\'s own data.' },
        { name: 'Admin training', channel: 'Training', expectation: 3, quality: 0.2, painPoints: 'Training scheduled before the environment is ready.', opportunities: 'Short recorded modules for new admins.' },
      ],
    },
    {
      name: 'Adopt',
      touchpoints: [
        { name: 'Go-live support', channel: 'Project', expectation: 5, quality: 0.3, painPoints: 'Hypercare ends before month-end close.', opportunities: 'Extend hypercare through the first close.' },
        { name: 'User training', channel: 'Training', expectation: 3, quality: 0.1, painPoints: 'Generic content, not the customer\'s processes.', opportunities: 'Role-based training paths.' },
        { name: 'Feature rollout', channel: 'Product', expectation: 3, quality: -0.2, painPoints: 'Changes arrive without notice to end users.', opportunities: 'Release previews for key users.' },
      ],
    },
    {
      name: 'Support',
      touchpoints: [
        { name: 'Support ticket', channel: 'Portal', expectation: 4, quality: -0.4, painPoints: 'Tickets bounce between support lines.', opportunities: 'Named support engineer for strategic accounts.' },
        { name: 'Phone hotline', channel: 'Phone', expectation: 4, quality: 0.1, painPoints: 'Long hold times on Monday mornings.', opportunities: 'Call-back instead of hold.' },
        { name: 'Incident communication', channel: 'Email', expectation: 5, quality: -0.5, painPoints: 'Customers hear about incidents from their own users.', opportunities: 'Status page with subscriptions per service.' },
      ],
    },
    {
      name: 'Renew',
      touchpoints: [
        { name: 'Quarterly business review', channel: 'Meeting', expectation: 4, quality: 0.5, painPoints: 'Decks heavy on our activity, light on the customer\'s outcomes.', opportunities: 'Open with the customer\'s goals and the Success Vector.' },
        { name: 'Invoice and billing', channel: 'Email', expectation: 4, quality: -0.8, painPoints: 'Missing PO numbers and late credit notes.', opportunities: 'PO number mandatory on every order; monthly billing check.' },
        { name: 'Renewal negotiation', channel: 'Meeting', expectation: 3, quality: -0.2, painPoints: 'Price increases surface late in the process.', opportunities: 'Start renewal conversations 180 days out.' },
      ],
    },
    {
      name: 'Expand',
      touchpoints: [
        { name: 'Roadmap briefing', channel: 'Meeting', expectation: 3, quality: 0.6, painPoints: 'Roadmap dates slip without explanation.', opportunities: 'Invite champions to early-access programmes.' },
        { name: 'Upsell proposal', channel: 'Meeting', expectation: 3, quality: -0.1, painPoints: 'Proposals before open issues are fixed.', opportunities: 'Tie proposals to goals stated at the QBR.' },
        { name: 'Customer advisory board', channel: 'Event', expectation: 4, quality: 0.7, painPoints: 'Feedback collected but not visibly acted on.', opportunities: 'Report back on every request raised at the board.' },
      ],
    },
  ] satisfies readonly StageSpec[],
} as const;
