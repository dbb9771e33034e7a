export const CONTACT_ROLES = ['decision_maker', 'influencer', 'user'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_LEVELS = ['executive', 'management', 'frontline'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

export const ROLE_LABELS: Record<ContactRole, string> = {
  decision_maker: 'Decision maker',
  influencer: 'Influencer',
  user: 'User',
};

export const LEVEL_LABELS: Record<ContactLevel, string> = {
  executive: 'Executive',
  management: 'Management',
  frontline: 'Frontline',
};
