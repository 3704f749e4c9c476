/**
 * The fixed shape of the seeded organisation: sites, libraries, the file plan, labels, people. The seed
 * number only varies the generated documents and messages inside this shape (names, dates, metadata,
 * which items are labelled), so tests can rely on the names here.
 */

export interface LibrarySpec {
  urlName: string;
  displayName: string;
  department: string;
  /** Document name patterns; `{...}` placeholders are filled from the seed. */
  patterns: string[];
  /** Labels typical for this library (display names from `retentionLabels`). */
  labels: string[];
  defaultLabel?: string;
  /** Set up for filed email: the library also has the email columns, filled on its seeded messages. */
  takesEmail?: true;
}

export interface SiteSpec {
  path: string;
  name: string;
  displayName: string;
  description: string;
  libraries: LibrarySpec[];
  lists?: { urlName: string; displayName: string }[];
}

/**
 * The day the seed's dates count back from: midnight UTC of the day the tenant is seeded, so the demo's
 * documents are as old, and as close to their retention ends, in any year (a fixed day would put every item
 * past its retention ten years from now). Seeding twice on one day gives the same dates.
 */
export function seedDayOf(seededAtMs: number): number {
  const day = 86_400_000;
  return Math.floor(seededAtMs / day) * day;
}

export const sites: SiteSpec[] = [
  {
    path: '/',
    name: 'root',
    displayName: 'Custodian Dev',
    description: 'The tenant root site.',
    libraries: [
      {
        urlName: 'Shared Documents',
        displayName: 'Documents',
        department: 'Administration',
        patterns: ['Staff Handbook v{n}.pdf', 'Office Move Plan {year}.docx', 'All Hands {month} {year}.pptx'],
        labels: ['General Correspondence - 2 Years', 'Policies - 3 Years After Update']
      }
    ]
  },
  {
    path: '/sites/hr',
    name: 'hr',
    displayName: 'Human Resources',
    description: 'People, policies and personnel files.',
    libraries: [
      {
        urlName: 'Shared Documents',
        displayName: 'Documents',
        department: 'Human Resources',
        patterns: ['Leave Policy v{n}.pdf', 'Onboarding Checklist {year}.xlsx', 'Recruitment Plan {quarter} {year}.docx'],
        labels: ['Policies - 3 Years After Update', 'General Correspondence - 2 Years']
      },
      {
        urlName: 'Personnel Files',
        displayName: 'Personnel Files',
        department: 'Human Resources',
        patterns: [
          'Employment Contract - {person}.docx',
          'Performance Review {year} - {person}.docx',
          'Right to Work Check - {person}.pdf'
        ],
        labels: ['Employee Records - 7 Years After Departure', 'Personnel Files - Unlocked Record'],
        defaultLabel: 'Employee Records - 7 Years After Departure'
      }
    ]
  },
  {
    path: '/sites/finance',
    name: 'finance',
    displayName: 'Finance & Accounting',
    description: 'Budgets, invoices and audits.',
    libraries: [
      {
        urlName: 'Shared Documents',
        displayName: 'Documents',
        department: 'Finance',
        patterns: ['Budget Forecast FY{yy}.xlsx', '{quarter} {year} Management Accounts.xlsx', 'Expense Claims {month} {year}.xlsx'],
        labels: ['Financial Records - 7 Years', 'Tax Records - 6 Years']
      },
      {
        urlName: 'Invoices',
        displayName: 'Invoices',
        department: 'Finance',
        patterns: ['Invoice INV-{num}.pdf', 'Credit Note CN-{num}.pdf'],
        labels: ['Invoices - 7 Years'],
        defaultLabel: 'Invoices - 7 Years'
      },
      {
        urlName: 'Audit Reports',
        displayName: 'Audit Reports',
        department: 'Finance',
        patterns: ['External Audit Report {year}.pdf', 'Audit Working Papers {quarter} {year}.xlsx'],
        labels: ['Audit Working Papers - 7 Years']
      }
    ]
  },
  {
    path: '/sites/legal',
    name: 'legal',
    displayName: 'Legal',
    description: 'Contracts, matters and board papers.',
    libraries: [
      {
        urlName: 'Shared Documents',
        displayName: 'Documents',
        department: 'Legal',
        patterns: ['Board Minutes {date}.docx', 'Legal Opinion - {company}.docx'],
        labels: ['Board Minutes - Permanent', 'Litigation Records']
      },
      {
        urlName: 'Contracts',
        displayName: 'Contracts',
        department: 'Legal',
        patterns: ['NDA - {company}.docx', 'Master Services Agreement - {company}.pdf', 'Statement of Work {num} - {company}.docx'],
        labels: ['Contracts - 10 Years After Expiry']
      }
    ],
    lists: [{ urlName: 'Matters', displayName: 'Matters' }]
  },
  {
    path: '/sites/projects',
    name: 'projects',
    displayName: 'Projets "Été" <2024> #1 \'Nord\' 🚀',
    description: 'Project sites with a name full of characters that break careless code.',
    libraries: [
      {
        urlName: 'Shared Documents',
        displayName: 'Documents',
        department: 'Projects',
        patterns: ['Project Charter - {project}.docx', 'Status Report Week {week} - {project}.pptx', 'Risk Register - {project}.xlsx'],
        labels: ['Project Documents - 5 Years After Closure', 'Delete After 1 Year']
      }
    ]
  },
  {
    path: '/sites/records',
    name: 'records',
    displayName: 'Records Centre',
    description: 'Declared records and filed email.',
    libraries: [
      {
        urlName: 'Records',
        displayName: 'Records',
        department: 'Records Management',
        patterns: ['Policy Manual v{n}.pdf', 'Health and Safety Inspection {date}.pdf', 'Regulatory Return {quarter} {year}.pdf'],
        labels: ['Health and Safety - 40 Years', 'Regulatory Filings - 10 Years', 'Board Minutes - Permanent']
      },
      {
        urlName: 'Email Archive',
        displayName: 'Email Archive',
        department: 'Records Management',
        patterns: ['RE {subject}.eml', 'FW {subject}.eml'],
        labels: ['Email - 3 Years'],
        defaultLabel: 'Email - 3 Years',
        takesEmail: true
      }
    ]
  },
  {
    path: '/sites/marketing',
    name: 'marketing',
    displayName: 'التسويق Marketing',
    description: 'Brand and campaigns (a right-to-left site name).',
    libraries: [
      {
        urlName: 'Brand Assets',
        displayName: 'Brand Assets',
        department: 'Marketing',
        patterns: ['Campaign Brief {project}.docx', 'Logo Guidelines v{n}.pdf', 'Press Release {date}.docx'],
        labels: ['Marketing Materials - 3 Years']
      }
    ]
  }
];

/** Names that break careless code: quotes, #, %, emoji, right-to-left text. Seeded in every tenant. */
export const hostileFiles: { site: string; library: string; name: string; title: string }[] = [
  {
    site: '/sites/legal',
    library: 'Contracts',
    name: "O'Brien & Sons — NDA #42 (50% off).docx",
    title: 'Contract "Alpha" <draft> & O\'Brien'
  },
  { site: '/sites/marketing', library: 'Brand Assets', name: 'تقرير الميزانية 2023.docx', title: 'تقرير الميزانية' },
  { site: '/sites/projects', library: 'Shared Documents', name: 'Résumé 🚀 final #3.pdf', title: 'Résumé 🚀 <final> "v3"' },
  { site: '/sites/projects', library: 'Shared Documents', name: "100% sure 'quoted' name.txt", title: "100% sure 'quoted' name" }
];

export const folders = ['Archive', 'Current', 'Templates'];

export interface LabelSpec {
  displayName: string;
  behavior: 'doNotRetain' | 'retain' | 'retainAsRecord' | 'retainAsRegulatoryRecord';
  action: 'none' | 'delete' | 'startDispositionReview';
  trigger: 'dateLabeled' | 'dateCreated' | 'dateModified' | 'dateOfEvent';
  days: number | 'forever';
  defaultRecordBehavior?: 'startLocked' | 'startUnlocked';
  eventType?: string;
  department: string;
  category: string;
  subcategory?: string;
  authority: string;
  citation?: string;
  reference: string;
  stages?: { name: string; reviewers: string[] }[];
}

export const retentionLabels: LabelSpec[] = [
  {
    displayName: 'General Correspondence - 2 Years',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    days: 730,
    department: 'Administration',
    category: 'Administration',
    authority: 'Business',
    reference: 'ADM-01'
  },
  {
    displayName: 'Financial Records - 7 Years',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    days: 2555,
    department: 'Finance',
    category: 'Finance',
    subcategory: 'Accounts Payable',
    authority: 'Legal',
    citation: 'Companies Act 2006 s.388',
    reference: 'FIN-01'
  },
  {
    displayName: 'Invoices - 7 Years',
    behavior: 'retain',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    days: 2555,
    department: 'Finance',
    category: 'Finance',
    subcategory: 'Accounts Payable',
    authority: 'Legal',
    citation: 'Companies Act 2006 s.388',
    reference: 'FIN-02',
    stages: [
      { name: 'Finance review', reviewers: ['priya.raman'] },
      { name: 'Legal sign-off', reviewers: ['sam.okafor'] }
    ]
  },
  {
    displayName: 'Contracts - 10 Years After Expiry',
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateOfEvent',
    days: 3650,
    defaultRecordBehavior: 'startLocked',
    eventType: 'Contract Expiry',
    department: 'Legal',
    category: 'Legal',
    subcategory: 'Contracts',
    authority: 'Legal',
    reference: 'LEG-01',
    stages: [{ name: 'Contract owner review', reviewers: ['sam.okafor'] }]
  },
  {
    displayName: 'Employee Records - 7 Years After Departure',
    behavior: 'retainAsRecord',
    action: 'delete',
    trigger: 'dateOfEvent',
    days: 2555,
    defaultRecordBehavior: 'startLocked',
    eventType: 'Employee Departure',
    department: 'Human Resources',
    category: 'Human Resources',
    subcategory: 'Personnel',
    authority: 'Regulatory',
    citation: 'GDPR Art. 5(1)(e)',
    reference: 'HR-01'
  },
  {
    displayName: 'Board Minutes - Permanent',
    behavior: 'retainAsRecord',
    action: 'none',
    trigger: 'dateCreated',
    days: 'forever',
    defaultRecordBehavior: 'startLocked',
    department: 'Legal',
    category: 'Legal',
    authority: 'Legal',
    citation: 'Companies Act 2006 s.248',
    reference: 'LEG-02'
  },
  {
    displayName: 'Regulatory Filings - 10 Years',
    behavior: 'retainAsRegulatoryRecord',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    days: 3650,
    defaultRecordBehavior: 'startLocked',
    department: 'Records Management',
    category: 'Compliance',
    authority: 'Regulatory',
    citation: 'SEC Rule 17a-4',
    reference: 'REG-01',
    stages: [{ name: 'Compliance review', reviewers: ['priya.raman'] }]
  },
  {
    displayName: 'Project Documents - 5 Years After Closure',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateOfEvent',
    days: 1825,
    eventType: 'Project Closure',
    department: 'Projects',
    category: 'Projects',
    authority: 'Business',
    reference: 'PRJ-01'
  },
  {
    displayName: 'Policies - 3 Years After Update',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateModified',
    days: 1095,
    department: 'Administration',
    category: 'Administration',
    authority: 'Business',
    reference: 'ADM-02'
  },
  {
    displayName: 'Health and Safety - 40 Years',
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    days: 14600,
    defaultRecordBehavior: 'startLocked',
    department: 'Records Management',
    category: 'Compliance',
    authority: 'Regulatory',
    citation: 'Health and Safety at Work Act 1974',
    reference: 'HS-01',
    stages: [{ name: 'H&S officer review', reviewers: ['priya.raman'] }]
  },
  {
    displayName: 'Tax Records - 6 Years',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    days: 2190,
    department: 'Finance',
    category: 'Finance',
    subcategory: 'Tax',
    authority: 'Regulatory',
    citation: 'Taxes Management Act 1970',
    reference: 'FIN-03'
  },
  {
    displayName: 'Marketing Materials - 3 Years',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateModified',
    days: 1095,
    department: 'Marketing',
    category: 'Marketing',
    authority: 'Business',
    reference: 'MKT-01'
  },
  {
    displayName: 'Audit Working Papers - 7 Years',
    behavior: 'retainAsRecord',
    action: 'delete',
    trigger: 'dateCreated',
    days: 2555,
    defaultRecordBehavior: 'startLocked',
    department: 'Finance',
    category: 'Finance',
    authority: 'Regulatory',
    reference: 'FIN-04'
  },
  {
    displayName: 'Personnel Files - Unlocked Record',
    behavior: 'retainAsRecord',
    action: 'delete',
    trigger: 'dateLabeled',
    days: 2555,
    defaultRecordBehavior: 'startUnlocked',
    department: 'Human Resources',
    category: 'Human Resources',
    subcategory: 'Personnel',
    authority: 'Regulatory',
    reference: 'HR-02'
  },
  {
    displayName: 'Delete After 1 Year',
    behavior: 'doNotRetain',
    action: 'delete',
    trigger: 'dateCreated',
    days: 365,
    department: 'Administration',
    category: 'Administration',
    authority: 'Business',
    reference: 'ADM-03'
  },
  {
    displayName: 'Email - 3 Years',
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    days: 1095,
    department: 'Records Management',
    category: 'Administration',
    authority: 'Business',
    reference: 'ADM-04'
  },
  {
    displayName: 'Litigation Records',
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateLabeled',
    days: 3650,
    defaultRecordBehavior: 'startLocked',
    department: 'Legal',
    category: 'Legal',
    subcategory: 'Litigation',
    authority: 'Legal',
    reference: 'LEG-03',
    stages: [
      { name: 'Counsel review', reviewers: ['sam.okafor'] },
      { name: 'Records manager', reviewers: ['priya.raman'] }
    ]
  }
];

/**
 * The event types every Purview tenant has from the start, with Purview's own descriptions (as a tenant's
 * `Get-ComplianceRetentionEventType` lists them, for example in a Microsoft365DSC export); Purview's file plan
 * import accepts them in EventType without anyone creating them.
 */
export const builtInEventTypes = [
  { displayName: 'Employee activity', description: 'Processes related to hiring, performance and termination of an employee.' },
  {
    displayName: 'Expiration or termination of contracts and agreements',
    description:
      'Expiration or termination of various executed contracts and agreements such as business contracts, leases, license agreements and contingent staff agreements.'
  },
  { displayName: 'Product lifetime', description: 'Processes related to last manufacturing date of products.' }
];

/** The organisation's own event types, created by its records managers. */
export const eventTypes = [
  { displayName: 'Employee Departure', description: 'An employee leaves the organisation.' },
  { displayName: 'Contract Expiry', description: 'A contract reaches its end date.' },
  { displayName: 'Project Closure', description: 'A project is formally closed.' }
];

export const citations: Record<string, { url: string; jurisdiction: string }> = {
  'Companies Act 2006 s.388': { url: 'https://www.legislation.gov.uk/ukpga/2006/46/section/388', jurisdiction: 'United Kingdom' },
  'Companies Act 2006 s.248': { url: 'https://www.legislation.gov.uk/ukpga/2006/46/section/248', jurisdiction: 'United Kingdom' },
  'GDPR Art. 5(1)(e)': { url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj', jurisdiction: 'European Union' },
  'SEC Rule 17a-4': { url: 'https://www.ecfr.gov/current/title-17/section-240.17a-4', jurisdiction: 'United States' },
  'Health and Safety at Work Act 1974': { url: 'https://www.legislation.gov.uk/ukpga/1974/37', jurisdiction: 'United Kingdom' },
  'Taxes Management Act 1970': { url: 'https://www.legislation.gov.uk/ukpga/1970/9', jurisdiction: 'United Kingdom' }
};

export const sensitivityLabels: {
  name: string;
  description: string;
  color: string;
  sensitivity: number;
  hasProtection: boolean;
  sublabels?: string[];
}[] = [
  { name: 'Public', description: 'Information meant for anyone.', color: '#317100', sensitivity: 0, hasProtection: false },
  { name: 'General', description: 'Business data not meant for the public.', color: '#0078d7', sensitivity: 1, hasProtection: false },
  {
    name: 'Confidential',
    description: 'Sensitive business data.',
    color: '#ff8c00',
    sensitivity: 2,
    hasProtection: true,
    sublabels: ['All Employees', 'Trusted People', 'Recipients Only']
  },
  {
    name: 'Highly Confidential',
    description: 'Very sensitive business data.',
    color: '#e81123',
    sensitivity: 3,
    hasProtection: true,
    sublabels: ['All Employees', 'Specified People']
  }
];

export const extraPeople = [
  'Luis Fernández',
  'Chloé Dubois',
  'Kenji Watanabe',
  'Fatima Al-Sayed',
  "Grace O'Neill",
  'Oluwaseun Adeyemi',
  'Maja Kowalska',
  'Rahul Mehta'
];

export const companies = [
  'Northwind Traders',
  'Fabrikam Ltd',
  'Tailspin Toys',
  'Woodgrove Bank',
  'Litware Inc',
  'Adatum Corporation',
  'Proseware',
  'Wide World Importers',
  'Alpine Ski House',
  'Coho Winery'
];
export const projects = ['Atlas', 'Borealis', 'Cobalt', 'Delta Migration', 'Everest', 'Falcon', 'Granite'];
export const subjects = [
  'Quarterly figures',
  'Contract renewal',
  'Board pack',
  'Audit findings',
  'Supplier onboarding',
  'Leave request',
  'Project status',
  'Invoice query',
  'Policy update',
  'Site visit'
];
export const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
export const documentTypes = ['Contract', 'Invoice', 'Report', 'Policy', 'Minutes', 'Correspondence', 'Plan', 'Form'];
