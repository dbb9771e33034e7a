/**
 * The experience drivers and what stakeholders say about them. Kept together because the verbatims
 * are indexed by driver position: reordering DRIVERS without DRIVER_VERBATIMS would mismatch them.
 */

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
