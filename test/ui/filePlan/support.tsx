import * as React from 'react';
import { configure } from '@testing-library/dom';
import { act, render, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import type {
  ApplyDefaultOptions,
  ApplyDefaultRequest,
  BulkOutcome,
  BulkProgress,
  FilePlanServices,
  LibrariesSnapshot,
  LibraryCoverage,
  LibraryPlanChange,
  LibrarySummary
} from '../../../src/ui/filePlan/FilePlanServices';

// user-event 14 drives the top-level @testing-library/dom (10), while @testing-library/react 12 wraps only its own
// copy (8) in React's act(). Wrapping user-event's copy too makes every event, and what it sets off, run inside act.
configure({
  asyncWrapper: async (run) => {
    let result: unknown;
    await act(async () => {
      result = await run();
    });
    return result;
  },
  eventWrapper: (run) => {
    let result: unknown;
    act(() => {
      result = run();
    });
    return result;
  }
});

/** Renders inside Fluent's provider, as the web part and the workbench do. */
export function renderInFluent(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

const days = (n: number): { kind: 'days'; days: number } => ({ kind: 'days', days: n });

export const labels: FilePlanLabel[] = [
  {
    name: 'Contracts - 10 Years',
    descriptionForUsers: 'Signed contracts.',
    descriptionForAdmins: 'Legal owns these.',
    retention: {
      behavior: 'retainAsRecord',
      action: 'startDispositionReview',
      trigger: 'dateOfEvent',
      eventTypeName: 'Contract Expiry',
      duration: days(3650),
      dispositionStages: [{ name: 'Legal review', reviewers: ['legal@contoso.com'] }]
    },
    descriptors: {
      department: 'Legal',
      category: 'Contracts',
      referenceId: 'LEG-01',
      citation: { name: 'Limitation Act', jurisdiction: 'UK' }
    }
  },
  {
    name: 'Tax Returns - 10 Years',
    descriptionForUsers: 'Filed tax returns.',
    retention: {
      behavior: 'retainAsRegulatoryRecord',
      action: 'delete',
      trigger: 'dateCreated',
      duration: days(3650),
      dispositionStages: []
    },
    descriptors: { department: 'Finance', category: 'Tax' }
  },
  {
    name: 'Invoices - 7 Years',
    descriptionForUsers: 'Supplier invoices.',
    retention: { behavior: 'retain', action: 'delete', trigger: 'dateCreated', duration: days(2555), dispositionStages: [] },
    descriptors: { department: 'Finance', category: 'Accounts payable' }
  },
  {
    name: 'Board Minutes - Permanent',
    retention: { behavior: 'retain', action: 'none', trigger: 'dateCreated', duration: { kind: 'forever' }, dispositionStages: [] },
    descriptors: { department: 'Legal', category: 'Governance' }
  }
];

/** A library not set up for email: what Custodian would add (the core's list, as `missingEmailColumns` gives it). */
export const notTakingEmail: LibrarySummary['email'] = {
  takesEmail: false,
  missingColumns: [
    { name: 'EmailFrom', displayName: 'From', kind: 'text' },
    { name: 'EmailTo', displayName: 'To', kind: 'text' },
    { name: 'EmailSent', displayName: 'Sent', kind: 'dateTime' },
    { name: 'EmailSubject', displayName: 'Subject', kind: 'text' },
    { name: 'InternetMessageId', displayName: 'Internet Message Id', kind: 'text' },
    { name: 'ConversationId', displayName: 'Conversation Id', kind: 'text' }
  ],
  columnsToIndex: []
};

export const invoices: LibrarySummary = {
  id: 'list-invoices',
  name: 'Invoices',
  webUrl: 'https://contoso.sharepoint.com/sites/finance/Invoices',
  defaultRetentionLabel: 'Invoices - 7 Years',
  defaultSensitivityLabel: null,
  requiredColumns: [],
  columns: [
    { name: 'Title', displayName: 'Title' },
    { name: 'ReferenceNumber', displayName: 'Reference Number' }
  ],
  email: notTakingEmail
};

export const audits: LibrarySummary = {
  id: 'list-audits',
  name: 'Audit Reports',
  webUrl: 'https://contoso.sharepoint.com/sites/finance/Audit%20Reports',
  defaultRetentionLabel: null,
  defaultSensitivityLabel: null,
  requiredColumns: [],
  columns: [],
  email: notTakingEmail
};

export const librariesSnapshot: LibrariesSnapshot = {
  libraries: [audits, invoices],
  retentionLabels: [
    { name: 'Invoices - 7 Years', isRecord: false },
    { name: 'Tax Returns - 10 Years', isRecord: true }
  ],
  sensitivityLabels: [
    { id: 's-general', name: 'General' },
    { id: 's-conf', name: 'Confidential / Finance' }
  ]
};

export const coverage: LibraryCoverage[] = [
  {
    libraryId: 'list-audits',
    name: 'Audit Reports',
    defaultRetentionLabel: null,
    items: 200,
    labelled: 50,
    unlabelled: 150,
    records: 40,
    lockedRecords: 30,
    drift: 0
  },
  {
    libraryId: 'list-invoices',
    name: 'Invoices',
    defaultRetentionLabel: 'Invoices - 7 Years',
    items: 100,
    labelled: 75,
    unlabelled: 25,
    records: 0,
    lockedRecords: 0,
    drift: 30
  }
];

/** A controllable bulk run: the test reports progress and decides how it ends. */
export interface BulkRun {
  libraryId: string;
  onProgress: (progress: BulkProgress) => void;
  signal?: AbortSignal;
  resolve: (outcome: BulkOutcome) => void;
  reject: (error: unknown) => void;
}

export type FakeServices = {
  [K in keyof FilePlanServices]: jest.Mock<ReturnType<FilePlanServices[K]>, Parameters<FilePlanServices[K]>>;
} & {
  runs: BulkRun[];
};

/** Services that answer from the fixtures; each method is a jest mock the test can override. */
export function fakeServices(): FakeServices {
  const runs: BulkRun[] = [];
  const services = {
    runs,
    loadFilePlan: jest.fn(async () => ({
      labels: labels.map((label, i) => ({ label, availableToSite: i !== 3 })),
      unreadable: []
    })),
    exportFilePlan: jest.fn(async () => ({ text: 'LabelName\r\nTax\r\n', warnings: [] as string[] })),
    checkImport: jest.fn(),
    importLabels: jest.fn(),
    loadLibraries: jest.fn(async () => librariesSnapshot),
    applyLibraryPlan: jest.fn(async (change: LibraryPlanChange) => {
      const library = librariesSnapshot.libraries.find((l) => l.id === change.libraryId)!;
      return {
        ...library,
        defaultRetentionLabel: change.retentionLabel,
        requiredColumns: change.requiredColumns,
        defaultSensitivityLabel: librariesSnapshot.sensitivityLabels.find((s) => s.id === change.sensitivityLabelId) ?? null
      };
    }),
    applyDefaultToExistingItems: jest.fn(
      ({ libraryId }: ApplyDefaultRequest, options?: ApplyDefaultOptions) =>
        new Promise<BulkOutcome>((resolve, reject) =>
          runs.push({ libraryId, onProgress: options?.onProgress ?? (() => undefined), signal: options?.signal, resolve, reject })
        )
    ),
    loadCoverage: jest.fn(async () => coverage),
    previewApplyDefault: jest.fn(async ({ libraryId }: ApplyDefaultRequest) => {
      const library = librariesSnapshot.libraries.find((l) => l.id === libraryId)!;
      return {
        libraryName: library.name,
        label: library.defaultRetentionLabel ?? '',
        toLabel: 500,
        alreadyLabelled: 0,
        keepOwnLabel: 0,
        dueAtOnce: { count: 0, action: 'delete' as const, names: [] }
      };
    }),
    takeEmail: jest.fn(async (libraryId: string) => {
      const library = librariesSnapshot.libraries.find((l) => l.id === libraryId)!;
      return {
        addedColumns: library.email.missingColumns.map((c) => c.displayName),
        library: { ...library, email: { takesEmail: true, missingColumns: [], columnsToIndex: [] } }
      };
    })
  };
  return services as unknown as FakeServices;
}
