/**
 * Words the demo and benchmark generators draw from. Plain data, no logic: kept apart so that the
 * generator stays readable and the copy can be reviewed (and improved) on its own.
 */
import type { AccountTier } from '../../shared/domain/accounts';
import type { ContactLevel } from '../../shared/domain/people';

export const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_WEIGHTS: Readonly<Record<Region, number>> = { 'North America': 45, EMEA: 30, APAC: 15, LATAM: 10 };

/** Share of accounts per tier: a typical B2B book is mostly mid-market and SMB by count, not by revenue. */
export const TIER_WEIGHTS: Readonly<Record<AccountTier, number>> = { Strategic: 7, Enterprise: 21, 'Mid-market': 40, SMB: 32 };

/** Opening ARR range per tier in whole dollars (drawn log-uniformly, rounded to hundreds). */
export const TIER_ARR_DOLLARS: Readonly<Record<AccountTier, readonly [number, number]>> = {
  Strategic: [800_000, 3_000_000],
  Enterprise: [200_000, 900_000],
  'Mid-market': [50_000, 250_000],
  SMB: [8_000, 60_000],
};

/** Relative stakeholder count and interview volume per tier (bigger accounts, more people to talk to). */
export const TIER_CONTACT_FACTOR: Readonly<Record<AccountTier, number>> = { Strategic: 1.9, Enterprise: 1.35, 'Mid-market': 0.9, SMB: 0.6 };
export const TIER_INTERVIEW_FACTOR: Readonly<Record<AccountTier, number>> = { Strategic: 2.2, Enterprise: 1.5, 'Mid-market': 0.9, SMB: 0.55 };

export const INDUSTRIES = [
  'Manufacturing',
  'Healthcare',
  'Financial Services',
  'Retail',
  'Logistics',
  'Software',
  'Public Sector',
  'Energy',
  'Education',
  'Professional Services',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_NOUNS: Readonly<Record<Industry, readonly string[]>> = {
  Manufacturing: ['Manufacturing', 'Industries', 'Components', 'Precision', 'Fabrication', 'Machinery', 'Plastics', 'Metals'],
  Healthcare: ['Health', 'Medical', 'Health Systems', 'Clinics', 'Care', 'Diagnostics', 'Biosciences'],
  'Financial Services': ['Capital', 'Financial', 'Bank', 'Insurance', 'Credit Union', 'Asset Management', 'Wealth'],
  Retail: ['Retail', 'Stores', 'Outfitters', 'Market', 'Brands', 'Home', 'Goods'],
  Logistics: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Distribution', 'Cargo'],
  Software: ['Software', 'Labs', 'Systems', 'Technologies', 'Digital', 'Data', 'Cloud'],
  'Public Sector': ['County', 'City Council', 'Transit Authority', 'Water District', 'Housing Agency', 'Health Department'],
  Energy: ['Energy', 'Power', 'Utilities', 'Renewables', 'Solar', 'Grid'],
  Education: ['University', 'College', 'Academy', 'Learning', 'Schools'],
  'Professional Services': ['Consulting', 'Advisors', 'Group', 'Associates', 'Partners', 'Accounting'],
};

/** Company names are brand + industry noun (+ a legal form): "Northwind Logistics Inc.". */
export const BRAND_HEADS = [
  'North', 'Blue', 'Silver', 'Iron', 'Cedar', 'Summit', 'Harbor', 'Granite', 'Red', 'Oak',
  'Pine', 'Bright', 'Clear', 'Stone', 'Eagle', 'Falcon', 'River', 'Lake', 'Golden', 'Maple',
  'Crest', 'Sterling', 'Atlas', 'Nova', 'Vertex', 'Meridian', 'Pioneer', 'Beacon', 'Keystone', 'Horizon',
  'Evergreen', 'Lumen', 'Apex', 'Copper', 'Willow', 'Aspen', 'Coral', 'Orion', 'Sun', 'Star',
  'West', 'East', 'South', 'High', 'Bay', 'Alder', 'Birch', 'Cobalt', 'Indigo', 'Quartz',
] as const;
export const BRAND_TAILS = [
  'wind', 'gate', 'field', 'stone', 'bridge', 'point', 'ridge', 'wood', 'view', 'brook',
  'line', 'way', 'port', 'haven', 'crest', 'mark', 'works', 'vale', 'ford', 'light',
  'shore', 'peak', 'dale', 'well', 'hill', 'side', 'land', 'mont', 'wave', 'path',
] as const;

export const LEGAL_FORMS: Readonly<Record<Region, readonly string[]>> = {
  'North America': ['Inc.', 'LLC', 'Corp.', '', ''],
  EMEA: ['Ltd', 'GmbH', 'plc', 'AG', 'BV', '', ''],
  APAC: ['Pty Ltd', 'Pte Ltd', 'Ltd', '', ''],
  LATAM: ['S.A.', 'Ltda.', 'S.A. de C.V.', '', ''],
};
export const EMAIL_TLDS: Readonly<Record<Region, readonly string[]>> = {
  'North America': ['com', 'com', 'com', 'us', 'ca'],
  EMEA: ['com', 'co.uk', 'de', 'eu', 'nl', 'fr'],
  APAC: ['com', 'com.au', 'sg', 'co.nz', 'jp'],
  LATAM: ['com', 'com.br', 'mx', 'cl', 'com.ar'],
};

/** The account leads: they own accounts, run interviews and own follow-ups. */
export const OWNERS = [
  'Maya Richardson',
  'Daniel Okafor',
  'Sofia Lindqvist',
  'Arjun Mehta',
  'Claire Dubois',
  'Marcus Bennett',
  'Hana Takahashi',
  'Lucas Ferreira',
] as const;

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'James',
  'Mia', 'Benjamin', 'Charlotte', 'Elijah', 'Amelia', 'Lucas', 'Harper', 'Henry', 'Evelyn', 'Alexander',
  'Priya', 'Rahul', 'Ananya', 'Vikram', 'Mei', 'Wei', 'Yuki', 'Kenji', 'Min-jun', 'Seo-yeon',
  'Fatima', 'Omar', 'Aisha', 'Yusuf', 'Leila', 'Karim', 'Chloe', 'Louis', 'Camille', 'Hugo',
  'Lena', 'Felix', 'Anna', 'Jonas', 'Sara', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego',
  'Lucia', 'Gabriel', 'Julia', 'Rafael', 'Ingrid', 'Erik', 'Astrid', 'Nils', 'Grace', 'Samuel',
  'Nora', 'David', 'Hannah', 'Thomas', 'Rachel', 'Patrick', 'Megan', 'Andrew', 'Laura', 'Michael',
  'Zoe', 'Adrian', 'Nadia', 'Tobias', 'Elena', 'Marco', 'Chiara', 'Kwame', 'Ama', 'Tendai',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Patel', 'Sharma', 'Singh', 'Gupta', 'Iyer', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu',
  'Tanaka', 'Suzuki', 'Sato', 'Kim', 'Park', 'Nguyen', 'Tran', 'Haddad', 'Khan', 'Rahman',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Dubois', 'Lefebvre',
  'Moreau', 'Laurent', 'Rossi', 'Russo', 'Bianchi', 'Romano', 'Silva', 'Santos', 'Oliveira', 'Souza',
  'Pereira', 'Costa', 'Fernández', 'González', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Jansen', 'de Vries',
  'Johansson', 'Andersson', 'Nielsen', 'Hansen', 'Larsen', 'Novak', 'Kowalski', 'Nowak', 'Ivanova', 'Popescu',
  "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Mensah', 'Okonkwo', 'Adeyemi', 'Mwangi', 'Cohen', 'Levi',
] as const;

/** Titles by level, so that a contact's title and level never contradict each other. */
export const TITLES: Readonly<Record<ContactLevel, readonly string[]>> = {
  executive: [
    'Chief Executive Officer', 'Chief Operating Officer', 'Chief Financial Officer', 'Chief Information Officer',
    'Chief Technology Officer', 'Chief Procurement Officer', 'VP Operations', 'VP Finance', 'VP Information Technology',
    'VP Customer Experience', 'Managing Director', 'SVP Supply Chain',
  ],
  management: [
    'IT Director', 'Director of Operations', 'Procurement Manager', 'Head of Customer Service', 'Finance Manager',
    'Program Manager', 'Head of Digital', 'Service Delivery Manager', 'Operations Manager', 'Head of Infrastructure',
    'Director of Finance', 'Plant Manager', 'Head of Data', 'Vendor Manager',
  ],
  frontline: [
    'Systems Administrator', 'Operations Analyst', 'Service Desk Lead', 'Business Analyst', 'Accounts Payable Specialist',
    'Team Lead', 'Planner', 'Data Analyst', 'Support Engineer', 'Project Coordinator', 'Customer Service Representative',
    'Field Technician', 'Application Specialist', 'Buyer',
  ],
};

export interface DriverSpec {
  name: string;
  description: string;
}

export const DRIVERS: readonly DriverSpec[] = [
  { name: 'Onboarding', description: 'How smoothly the customer got started: kickoff, setup, migration and first value.' },
  { name: 'Support responsiveness', description: 'Speed and quality of answers when something goes wrong.' },
  { name: 'Product reliability', description: 'Uptime, defects and whether the product does what it promises.' },
  { name: 'Account management', description: 'Whether the account lead knows the business and acts for it.' },
  { name: 'Billing accuracy', description: 'Correct, timely and understandable invoices.' },
  { name: 'Value for money', description: 'Perceived return on what the customer pays.' },
  { name: 'Communication', description: 'Proactive, clear updates on changes, incidents and plans.' },
  { name: 'Technical expertise', description: 'Depth of knowledge of the people the customer works with.' },
  { name: 'Project delivery', description: 'Projects delivered on time, on budget and to scope.' },
];

export type Category = 'promoter' | 'passive' | 'detractor';

/**
 * Verbatims per driver and category, in the driver order above. {lead} is the account lead's first
 * name. Promoters praise, passives hedge, detractors name a concrete failure.
 */
export const DRIVER_VERBATIMS: readonly Readonly<Record<Category, readonly string[]>>[] = [
  {
    promoter: [
      'Onboarding was the smoothest we have had with any vendor; we were live in six weeks.',
      'The kickoff workshop set clear owners and dates, and every one of them was met.',
      'Our admins were productive within days thanks to the onboarding playbook.',
    ],
    passive: [
      'Onboarding got us there in the end, though the first month felt slow.',
      'Setup was fine, but we had to chase a few steps ourselves.',
    ],
    detractor: [
      'Onboarding dragged on for four months and we had three different project managers.',
      'Nobody told us the data migration would need a freeze; we lost a week of orders.',
      'We were sold a 30-day onboarding and are still not fully live after a quarter.',
    ],
  },
  {
    promoter: [
      'Support answers within the hour, even at weekends, and usually fixes it on the first call.',
      'When our line went down, support had an engineer on site the same afternoon.',
      'The support team knows our setup; we never have to explain the background twice.',
    ],
    passive: [
      'Support is polite and gets there, but priority tickets sometimes sit for a day.',
      'Response times are acceptable, not great; escalations depend on who picks them up.',
    ],
    detractor: [
      'A priority-one ticket waited 36 hours for a first response last month.',
      'Every ticket gets bounced between first and second line before anyone looks at it.',
      'We have stopped logging tickets because they are closed without a fix.',
    ],
  },
  {
    promoter: [
      'The platform has simply not gone down this year; my team has forgotten it is there.',
      'Releases are stable and the release notes actually match what ships.',
      'Reliability is the reason we renewed without a tender.',
    ],
    passive: [
      'Mostly stable, but the monthly release still breaks one integration or another.',
      'Performance is okay during the day and slow at month end when we need it most.',
    ],
    detractor: [
      'We had three outages in the quarter, one of them during our peak trading week.',
      'The reporting module times out whenever we run more than a month of data.',
      'A bug in the last release duplicated invoices and took two weeks to fix.',
    ],
  },
  {
    promoter: [
      '{lead} understands our business better than some of our own managers.',
      'Our account lead brings ideas to every meeting instead of just a renewal quote.',
      '{lead} fixed an escalation over a weekend without being asked.',
    ],
    passive: [
      '{lead} is responsive, but we mostly hear from them around renewal time.',
      'The account team is friendly; I would like more industry insight from them.',
    ],
    detractor: [
      'We have had four account managers in two years and each one starts from zero.',
      'Our account lead did not attend the steering meeting we scheduled around them.',
      'Nobody on the account side owns our issues; we are passed from one person to another.',
    ],
  },
  {
    promoter: [
      'Invoices are correct, on time and line up with our purchase orders.',
      'Billing is one thing I never have to think about with this supplier.',
      'Finance appreciated the consolidated invoice format you introduced this year.',
    ],
    passive: [
      'Invoices are usually right, but credit notes take too long to arrive.',
      'Billing is fine once set up; changes to the contract take a while to show.',
    ],
    detractor: [
      'We were billed twice for the same licences and it took three months to get a credit.',
      'Invoices do not reference our PO numbers, so accounts payable rejects them every month.',
      'The price increase appeared on the invoice before anyone told us about it.',
    ],
  },
  {
    promoter: [
      'We can show a clear return: headcount stayed flat while volume grew by a third.',
      'For what we pay, the value is excellent; it is the best-priced part of our stack.',
      'The savings paid for the contract within the first year.',
    ],
    passive: [
      'Good value overall, though the last price rise made the CFO ask questions.',
      'We use maybe half of what we pay for; that is partly on us.',
    ],
    detractor: [
      'The renewal came in 18% higher and we cannot see what we get for it.',
      'We pay for premium support and get the same service as the standard tier.',
      'Our CFO has asked us to run a tender because the cost no longer adds up.',
    ],
  },
  {
    promoter: [
      'We always hear about incidents from you before our users notice them.',
      'The monthly update is short, honest and tells us exactly what is coming.',
      'Communication during the migration weekend was exemplary.',
    ],
    passive: [
      'Updates come, but they are long and it is hard to find what matters to us.',
      'Planned maintenance notices sometimes arrive only a day ahead.',
    ],
    detractor: [
      'We learned about the outage from our own customers, not from you.',
      'Roadmap changes that affect us were never communicated; we found out in the release notes.',
      'Emails to the shared inbox go unanswered for a week.',
    ],
  },
  {
    promoter: [
      'Your engineers know the product inside out and challenge us in a useful way.',
      'The solution architect designed an integration our own team could not have built.',
      'Whenever we ask a hard question, the answer comes from someone who really knows.',
    ],
    passive: [
      'The senior people are excellent; the junior consultants need more supervision.',
      'Technical answers are right but often take a second meeting to get.',
    ],
    detractor: [
      'The consultant on our project had clearly never configured the product before.',
      'We keep getting generic answers from people who have not read our ticket history.',
      'Your team could not explain why the integration fails, so we hired a contractor.',
    ],
  },
  {
    promoter: [
      'The rollout landed on the date agreed twelve months ago, and under budget.',
      'Project governance is tight: weekly status, clear risks, no surprises.',
      'Phase two was delivered a sprint early, which let us launch before peak season.',
    ],
    passive: [
      'Projects get delivered, but usually a few weeks after the plan.',
      'Delivery quality is good; scope changes are handled slowly.',
    ],
    detractor: [
      'The project is five months late and the change requests keep coming.',
      'Go-live was declared while half the sites still could not process orders.',
      'We were charged for days on a milestone that was never delivered.',
    ],
  },
];

/** Second sentences that make a verbatim read like someone talking; {driver} is a driver name in lower case. */
export const GENERIC_VERBATIMS: Readonly<Record<Category, readonly string[]>> = {
  promoter: [
    'I recommend you to peers whenever they ask.',
    'Keep doing what you are doing on {driver}.',
    'It is a genuine partnership, not a vendor relationship.',
    'We are planning to extend the scope next year.',
    'Honestly, {driver} is where you stand out from the others we use.',
    'My team would push back hard if anyone suggested switching.',
  ],
  passive: [
    'If {driver} improved, I would score you higher.',
    'No major complaints, but nothing that makes you stand out either.',
    'We are comparing options at renewal, as we do with every supplier.',
    'It works; I just expected a little more for a partner at this level.',
    'The basics are there; {driver} is what I would look at first.',
    'Some teams love it, others tolerate it.',
  ],
  detractor: [
    'Unless {driver} changes quickly, we will look at alternatives.',
    'I have raised this several times and nothing has changed.',
    'This has been escalated to our leadership team.',
    'We are reconsidering the renewal because of it.',
    '{driver} is the reason my score is this low.',
    'It is costing my team hours every week to work around it.',
  ],
};

export const POTENTIAL_VERBATIMS: readonly string[] = [
  'Next year we want to standardise all regions on one platform; you are on the shortlist.',
  'If you can cover our European sites too, we would consolidate suppliers.',
  'We are building a data team and will need help with analytics in the second half.',
  'The board wants automation in finance; we would like to see what you can offer there.',
  'Our growth plan doubles headcount in two years, so licensing flexibility matters.',
];

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

export type HealthBand = 'good' | 'mixed' | 'poor';

export const QBR_TITLES = ['{quarter} Business Review', '{quarter} QBR', '{quarter} Executive Business Review', '{quarter} Partnership Review'] as const;

export const QBR_SUMMARIES: Readonly<Record<HealthBand, readonly string[]>> = {
  good: [
    'Strong quarter: adoption targets met, no priority incidents, and the customer wants to discuss expanding to new sites.',
    'Sponsor confirmed the programme is ahead of plan; focus next quarter is the analytics rollout.',
    'All milestones on track; executive sponsor asked for a joint case study.',
    'Usage grew across every team; the customer is budgeting for additional modules next year.',
  ],
  mixed: [
    'Solid delivery overall, but support response times remain a concern for the operations team.',
    'Adoption is uneven: headquarters is fully live, two regions are still on the old process.',
    'Customer values the partnership but questioned the last price increase; value review agreed.',
    'Milestones slipped by a few weeks; a recovery plan was agreed with the programme lead.',
  ],
  poor: [
    'Difficult meeting: repeated outages and a late project have put the renewal in doubt.',
    'Executive sponsor has left; the new CFO is reviewing all suppliers. Relationship needs rebuilding.',
    'Customer escalated billing errors and slow support; recovery plan with weekly checkpoints agreed.',
    'Usage has fallen by a third since last quarter; the customer is evaluating a competitor.',
  ],
};

export const QBR_NOTES: Readonly<Record<HealthBand, readonly string[]>> = {
  good: [
    'Sponsor wants a roadmap session for the finance team before budget season.',
    'Agreed to nominate two champions for the customer advisory board.',
    'Ask for a reference call once the second region is live.',
    'Usage data shows the new workflow saved about 12 hours per week per team.',
    'Explore an expansion proposal for the remaining business units.',
  ],
  mixed: [
    'Support escalations: review the three open tickets with the service desk lead.',
    'Customer asked for a clearer breakdown of what the price increase pays for.',
    'Regional rollout plan to be re-baselined with the programme office.',
    'Schedule training for the new operations manager who joined last month.',
    'Follow up on the integration defect reported by the finance team.',
  ],
  poor: [
    'Set up a weekly recovery call with the CIO until the incidents stop.',
    'Credit for the duplicated invoices to be confirmed in writing by Friday.',
    'Escalate the late project to our delivery director; customer wants a new plan in two weeks.',
    'Renewal at risk: prepare options including a reduced scope.',
    'New decision maker identified; arrange an introduction at executive level.',
  ],
};

export const MILESTONE_TITLES = [
  'Go live in the first region',
  'Migrate remaining sites to the new platform',
  'Complete single sign-on rollout',
  'Retire the legacy reporting tool',
  'Train all frontline supervisors',
  'Integrate purchase orders with the ERP',
  'Launch the self-service portal',
  'Pass the annual disaster recovery test',
  'Automate month-end reconciliation',
  'Onboard the acquired subsidiary',
  'Reach 80% weekly active users',
  'Sign off the data retention policy',
  'Roll out mobile app to field teams',
  'Reduce ticket backlog below 50',
  'Complete security audit remediation',
  'Go live in the second region',
] as const;

export const ACTION_TITLES = [
  'Call {contact} about {driver}',
  'Follow up with {contact} on {driver} concerns',
  'Review {driver} issue raised by {contact}',
  'Close the loop with {contact} ({driver})',
] as const;

export const ACTION_TITLES_NO_DRIVER = ['Call {contact} about their score', 'Follow up with {contact} after interview'] as const;

export const ACTION_OUTCOMES = [
  'Root cause found in ticket routing; new escalation path agreed with the customer.',
  'Credit note issued and billing contact confirmed; customer satisfied with the resolution.',
  'Walked through the incident report with the customer; monitoring added for that service.',
  'Agreed a recovery plan with weekly checkpoints until the project is back on track.',
  'Introduced a named support engineer; customer will reassess next quarter.',
  'Explained the price change and offered a value review; customer accepted.',
  'Issue was a misunderstanding about scope; documented the agreement and shared it.',
  'Customer still unhappy; escalated to the delivery director for an executive call.',
  'Training session held for the new team; usage problem resolved.',
  'Fix shipped in the latest patch; customer confirmed it works.',
] as const;

export const EXPANSION_ACTION_TITLES = [
  'Prepare expansion proposal for additional sites',
  'Scope analytics add-on with the sponsor',
  'Present the premium support tier',
  'Workshop on automating finance processes',
] as const;

export const ARR_NOTES: Readonly<Record<'new' | 'expansion' | 'contraction' | 'churn' | 'adjustment' | 'opening', readonly string[]>> = {
  opening: ['Opening balance'],
  new: ['New logo', 'Signed after pilot', 'Won in competitive tender'],
  expansion: ['Added seats', 'Additional site', 'Upgraded to premium tier', 'Analytics add-on'],
  contraction: ['Reduced seats', 'Site closed', 'Downgraded support tier', 'Module dropped at renewal'],
  churn: ['Not renewed', 'Moved to competitor', 'Budget cut', 'Acquired; consolidated on parent contract'],
  adjustment: ['Price indexation', 'Invoice correction', 'Currency adjustment'],
};
