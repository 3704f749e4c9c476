import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import type { FieldSpec } from '../../../src/ui/declare/fields';
import type { SensitivityOption } from '../../../src/ui/declare/model';

const days = (n: number): { kind: 'days'; days: number } => ({ kind: 'days', days: n });

/** A small file plan: two departments, categories, a record, a regulatory record and a plain retention label. */
export const filePlan: FilePlanLabel[] = [
  {
    name: 'Contracts - 7 Years',
    descriptionForUsers: 'Signed contracts and their amendments.',
    retention: { behavior: 'retainAsRecord', action: 'delete', trigger: 'dateLabeled', duration: days(2555), dispositionStages: [] },
    descriptors: { department: 'Legal', category: 'Contracts', referenceId: 'LEG-01' }
  },
  {
    name: 'Litigation Hold - Permanent',
    descriptionForUsers: 'Evidence for legal proceedings.',
    retention: { behavior: 'retain', action: 'none', trigger: 'dateCreated', duration: { kind: 'forever' }, dispositionStages: [] },
    descriptors: { department: 'Legal', category: 'Litigation' }
  },
  {
    name: 'Tax Returns - 10 Years',
    descriptionForUsers: 'Filed tax returns and workings.',
    retention: {
      behavior: 'retainAsRegulatoryRecord',
      action: 'delete',
      trigger: 'dateCreated',
      duration: days(3650),
      dispositionStages: []
    },
    descriptors: { department: 'Finance', category: 'Tax', subCategory: 'Returns' }
  },
  {
    name: 'Invoices - 7 Years',
    descriptionForUsers: 'Supplier invoices.',
    retention: {
      behavior: 'retainAsRecord',
      action: 'delete',
      trigger: 'dateCreated',
      duration: days(2555),
      defaultRecordBehavior: 'startUnlocked',
      dispositionStages: []
    },
    descriptors: { department: 'Finance', category: 'Accounts payable' }
  }
];

export const requiredColumns: FieldSpec[] = [
  { name: 'ReferenceNumber', displayName: 'Reference Number', kind: 'text', required: true },
  { name: 'DocumentType', displayName: 'Document Type', kind: 'choice', required: true, choices: ['Contract', 'Invoice', 'Report'] },
  { name: 'SignedOn', displayName: 'Signed on', kind: 'date', required: false },
  { name: 'Value', displayName: 'Contract value', kind: 'number', required: false, minimum: 0 },
  { name: 'Owner', displayName: 'Owner', kind: 'person', required: false },
  {
    name: 'Region',
    displayName: 'Region',
    kind: 'managedMetadata',
    required: false,
    terms: [
      { id: 't-emea', label: 'EMEA' },
      { id: 't-apac', label: 'APAC' }
    ]
  }
];

export const sensitivityOptions: SensitivityOption[] = [
  { id: 's-public', name: 'Public', rank: 0 },
  { id: 's-general', name: 'General', rank: 1 },
  { id: 's-confidential', name: 'Confidential', rank: 2 }
];
