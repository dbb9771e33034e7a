/** What QBRs are called and what is said at them (by how healthy the account is), and success-plan milestones. */

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
