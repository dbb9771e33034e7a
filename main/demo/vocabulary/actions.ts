/** Titles and outcomes of follow-up and expansion actions. */

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
