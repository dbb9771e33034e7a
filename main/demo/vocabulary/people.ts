/** Who the people in the demo are: the account leads on our side, and the customers' stakeholders. */
import type { ContactLevel } from '../../../shared/domain/people';

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
