/** Parts that company names and email domains are built from, per industry and region. */
import type { Region } from './account-book';

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
