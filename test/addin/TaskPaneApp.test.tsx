/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HostAdapter, HostSubject, MessageSubject } from '../../src/addin/hosts/HostAdapter';
import { createMemoryPreferences } from '../../src/addin/hosts/preferences';
import type { PaneServices } from '../../src/addin/services/PaneServices';
import { TaskPaneApp } from '../../src/addin/TaskPaneApp';
import { errorFromEnvelope } from '../../src/core/http/errorFromEnvelope';
import type { DocumentContext } from '../../src/core/services/declare/DocumentContext';
import type { EmailLibrary } from '../../src/core/services/fileEmail/EmailLibrary';
import type { FileOptions, MessageContext } from '../../src/core/services/fileEmail/MessageContext';
import type { ResolvedDocument } from '../../src/core/services/resolveDocument/ResolvedDocument';
import type { DeclareRequest } from '../../src/ui/declare/DeclareForm';
import type { StepProgress } from '../../src/ui/declare/model';
import { filePlan, requiredColumns, sensitivityOptions } from '../ui/support/fixtures';
import { renderInFluent } from '../ui/support/render';

const documentUrl = 'https://contoso.sharepoint.com/sites/legal/Contracts/NDA.docx';

function documentHost(url: string | undefined, mirror?: jest.Mock): HostAdapter {
  return {
    kind: 'word',
    label: 'Word',
    readSubject: () =>
      Promise.resolve({
        kind: 'document',
        url,
        savedToCloud: url?.startsWith('https://') === true,
        title: 'NDA.docx',
        properties: { title: 'NDA.docx', subject: '', author: '', keywords: '', category: '' },
        customProperties: {}
      }),
    ...(mirror ? { mirrorMetadata: mirror } : {})
  };
}

const resolved = {
  ref: { driveId: 'b!drive', itemId: '01ITEM' },
  name: 'NDA.docx',
  webUrl: documentUrl,
  created: '2025-01-01T00:00:00Z',
  modified: '2025-02-01T00:00:00Z',
  retentionLabel: null,
  record: { behavior: null, isLocked: false },
  sensitivityLabels: []
} as unknown as ResolvedDocument;

const documentContext: DocumentContext = {
  document: resolved,
  status: {
    itemName: 'NDA.docx',
    location: 'Contracts',
    classification: { id: 's-confidential', name: 'Confidential' },
    retentionLabel: null,
    state: { behavior: null, isLocked: false }
  },
  labels: filePlan,
  sensitivity: { options: sensitivityOptions, currentId: 's-confidential' },
  specs: [requiredColumns[0]],
  values: {},
  columnsSource: 'the Contracts library'
};

function services(overrides: Partial<PaneServices> = {}): PaneServices {
  return {
    openDocument: jest.fn(() => Promise.resolve({ ok: true as const, context: documentContext })),
    declare: jest.fn((_c, request, onProgress: (steps: StepProgress[]) => void) => {
      const steps: StepProgress[] = [
        { id: 'fields', label: 'Save the metadata', state: 'done' },
        { id: 'retentionLabel', label: 'Apply the retention label', state: 'done' },
        { id: 'lock', label: 'Lock the record', state: 'done' }
      ];
      onProgress(steps);
      return Promise.resolve({ summary: `"NDA.docx" is now a locked record with the label "${request.retentionLabel}".`, steps });
    }),
    openMessage: jest.fn(() => Promise.reject(new Error('not used'))),
    file: jest.fn(() => Promise.reject(new Error('not used'))),
    ...overrides
  };
}

describe('a Word document', () => {
  it('shows its status and declares it, then notes the declaration in the document', async () => {
    const user = userEvent.setup();
    const mirror = jest.fn(() => Promise.resolve());
    const svc = services();
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl, mirror), services: svc }} />);
    const status = await screen.findByRole('region', { name: 'This document: NDA.docx' });
    expect(status).toHaveTextContent('Classification');
    expect(status).toHaveTextContent('Confidential');
    expect(status).toHaveTextContent('Not a record');
    expect(svc.openDocument).toHaveBeenCalledWith(documentUrl, expect.anything());

    await user.click(screen.getByRole('radio', { name: 'Contracts - 7 Years' }));
    expect(screen.getByRole('region', { name: 'What this label will block' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Reference Number/ }), 'LEG-9');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));

    expect(await screen.findByTestId('declare-result')).toHaveTextContent(
      '"NDA.docx" is now a locked record with the label "Contracts - 7 Years".'
    );
    expect(svc.declare).toHaveBeenCalledWith(
      documentContext,
      { retentionLabel: 'Contracts - 7 Years', fields: { ReferenceNumber: 'LEG-9' }, lock: true },
      expect.any(Function)
    );
    expect(mirror).toHaveBeenCalledWith(
      expect.objectContaining({ RetentionLabel: 'Contracts - 7 Years', Record: 'Locked', 'Field.ReferenceNumber': 'LEG-9' })
    );
    expect(
      within(screen.getByRole('list', { name: 'Progress' })).getByText("Note the declaration in the document's properties: Done")
    ).toBeInTheDocument();
  });

  it('shows the new state on the status card right after declaring, keeping the result and the steps', async () => {
    const user = userEvent.setup();
    const steps: StepProgress[] = [
      { id: 'retentionLabel', label: 'Apply the retention label', state: 'done' },
      { id: 'lock', label: 'Lock the record', state: 'done' }
    ];
    const svc = services({
      declare: jest.fn((_c, request: DeclareRequest, onProgress: (s: StepProgress[]) => void) => {
        onProgress(steps);
        return Promise.resolve({
          summary: `"NDA.docx" is now a locked record with the label "${request.retentionLabel}".`,
          steps,
          status: {
            ...documentContext.status,
            retentionLabel: { name: request.retentionLabel, appliedAt: '2026-03-02T10:00:00Z', isExplicit: true },
            state: { behavior: 'retainAsRecord' as const, isLocked: true }
          }
        });
      })
    });
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl), services: svc }} />);
    const status = await screen.findByRole('region', { name: 'This document: NDA.docx' });
    expect(status).toHaveTextContent('Not a record');
    await user.click(screen.getByRole('radio', { name: 'Contracts - 7 Years' }));
    await user.type(screen.getByRole('textbox', { name: /Reference Number/ }), 'LEG-9');
    await user.click(screen.getByRole('button', { name: 'Declare as record' }));

    expect(await screen.findByTestId('declare-result')).toHaveTextContent('is now a locked record');
    const after = screen.getByRole('region', { name: 'This document: NDA.docx' });
    expect(after).toHaveTextContent('Contracts - 7 Years');
    expect(after).toHaveTextContent('Locked');
    expect(after).not.toHaveTextContent('Not a record');
    expect(within(screen.getByRole('list', { name: 'Progress' })).getByText('Lock the record: Done')).toBeInTheDocument();
    // Read again, for the next action to be planned from the document as it is now; the card still comes from the
    // declaration's result, even though this second read (like Graph a moment behind) still says "Not a record".
    expect(svc.openDocument).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('region', { name: 'This document: NDA.docx' })).toHaveTextContent('Locked');
  });

  it('does not touch the document when a step of the declaration failed', async () => {
    const user = userEvent.setup();
    const mirror = jest.fn(() => Promise.resolve());
    const failure = errorFromEnvelope(403, { error: { code: 'accessDenied', message: 'no' } }, { action: 'apply the retention label' });
    const svc = services({
      declare: jest.fn(() =>
        Promise.resolve({
          summary: 'Only part of the change was applied.',
          steps: [{ id: 'retentionLabel', label: 'Apply the retention label', state: 'failed' as const, error: failure }]
        })
      )
    });
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl, mirror), services: svc }} />);
    await user.click(await screen.findByRole('radio', { name: 'Litigation Hold - Permanent' }));
    await user.type(screen.getByRole('textbox', { name: /Reference Number/ }), 'X');
    await user.click(screen.getByRole('button', { name: 'Label' }));
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('Only part of the change was applied.');
    expect(screen.getByRole('alert')).toHaveTextContent("You don't have permission to apply the retention label.");
    expect(mirror).not.toHaveBeenCalled();
  });

  it('unlocks and locks a record with actions of their own, and what is refused follows the state it has now', async () => {
    const user = userEvent.setup();
    const record = {
      ...documentContext,
      status: {
        ...documentContext.status,
        retentionLabel: { name: 'Contracts - 7 Years', appliedAt: '2026-03-02T10:00:00Z', isExplicit: true },
        state: { behavior: 'retainAsRecord' as const, isLocked: true }
      }
    };
    // What the progress list says before each request is answered.
    const planned: string[][] = [];
    const svc = services({
      // Every read, the ones after each action too, answers the document as it was first read: Graph may serve a
      // read a moment behind a write (it is eventually consistent), and the pane must not plan from that.
      openDocument: jest.fn(() => Promise.resolve({ ok: true as const, context: record })),
      // The service reports the state it left the document in, as the core's declaration does.
      declare: jest.fn(async (_c, request: DeclareRequest, onProgress: (s: StepProgress[]) => void) => {
        const steps: StepProgress[] = [{ id: 'lock', label: request.lock ? 'Lock the record' : 'Unlock the record', state: 'done' }];
        // Let the pane show its planned steps first, as it does while a real request travels.
        await new Promise((resolve) => setTimeout(resolve, 0));
        planned.push(
          within(screen.getByRole('list', { name: 'Progress' }))
            .getAllByRole('listitem')
            .map((li) => li.textContent ?? '')
        );
        onProgress(steps);
        return {
          summary: `"NDA.docx" is now a${request.lock ? ' locked' : 'n unlocked'} record with the label "${request.retentionLabel}".`,
          steps,
          status: { ...record.status, state: { behavior: 'retainAsRecord' as const, isLocked: request.lock } }
        };
      })
    });
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl), services: svc }} />);
    const actions = await screen.findByRole('region', { name: 'This record' });
    expect(actions).toHaveTextContent('Anyone who can edit it may unlock it');
    expect(within(actions).queryByRole('button', { name: 'Lock' })).toBeNull();
    // The label is kept: its own lock choice is not offered beside the actions.
    expect(screen.queryByRole('checkbox', { name: /Lock the record now/ })).toBeNull();

    await user.click(within(actions).getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('is now an unlocked record');
    expect(svc.declare).toHaveBeenLastCalledWith(
      record,
      { retentionLabel: 'Contracts - 7 Years', fields: {}, lock: false },
      expect.any(Function)
    );
    expect(planned[0]).toEqual(['Unlock the record: Waiting']);
    expect(within(screen.getByRole('list', { name: 'Progress' })).getByText('Unlock the record: Done')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'This document: NDA.docx' })).toHaveTextContent('Record, unlocked');

    // Unlocked, its label cannot change: the refusal says so before anything is sent.
    await user.click(screen.getByRole('radio', { name: 'Litigation Hold - Permanent' }));
    expect(screen.getByTestId('relabel-refusal')).toHaveTextContent('The label of an unlocked record cannot be changed');
    expect(screen.getByRole('button', { name: 'Relabel' })).toHaveAttribute('aria-disabled', 'true');

    // Locked again, the same relabel is no longer refused for that reason (only a site administrator may do it now).
    await user.click(within(screen.getByRole('region', { name: 'This record' })).getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('Lock the record: Done')).toBeInTheDocument();
    expect(planned[1]).toEqual(['Lock the record: Waiting']);
    // The Lock is planned by the core from the state the Unlock left, not from the lagging read (still "locked").
    expect(svc.declare).toHaveBeenLastCalledWith(
      { ...record, status: { ...record.status, state: { behavior: 'retainAsRecord', isLocked: false } } },
      { retentionLabel: 'Contracts - 7 Years', fields: {}, lock: true },
      expect.any(Function)
    );
    expect(screen.getByTestId('relabel-refusal')).not.toHaveTextContent('unlocked record');
    expect(screen.getByTestId('relabel-refusal')).toHaveTextContent(
      "Only an administrator of the site, library or mailbox can change a record's label."
    );
  });

  it('does not offer Unlock where record versioning is off, saying why, and never for a regulatory record', async () => {
    const locked = (behavior: 'retainAsRecord' | 'retainAsRegulatoryRecord') => ({
      ...documentContext,
      status: {
        ...documentContext.status,
        retentionLabel: { name: 'Tax Returns - 10 Years', isExplicit: true },
        state: { behavior, isLocked: true }
      },
      settings: { recordVersioningEnabled: false, allowEditingRecordProperties: true, allowDeletingLabelledItems: false }
    });
    const first = renderInFluent(
      <TaskPaneApp
        hostName="Word"
        session={{
          host: documentHost(documentUrl),
          services: services({ openDocument: jest.fn(() => Promise.resolve({ ok: true as const, context: locked('retainAsRecord') })) })
        }}
      />
    );
    const actions = await screen.findByRole('region', { name: 'This record' });
    expect(within(actions).getByRole('button', { name: 'Unlock' })).toHaveAttribute('aria-disabled', 'true');
    expect(actions).toHaveTextContent('Record versioning is turned off in your organisation, so records cannot be unlocked.');
    first.unmount();
    renderInFluent(
      <TaskPaneApp
        hostName="Word"
        session={{
          host: documentHost(documentUrl),
          services: services({
            openDocument: jest.fn(() => Promise.resolve({ ok: true as const, context: locked('retainAsRegulatoryRecord') }))
          })
        }}
      />
    );
    const regulatory = await screen.findByRole('region', { name: 'This record' });
    expect(regulatory).toHaveTextContent('it stays locked, and nobody can unlock it');
    expect(within(regulatory).queryByRole('button')).toBeNull();
  });

  it('says a document that is not saved to SharePoint or OneDrive must be saved first, and asks nothing of Microsoft 365', async () => {
    const svc = services();
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(undefined), services: svc }} />);
    expect(await screen.findByRole('heading', { name: 'Save this document to SharePoint or OneDrive first' })).toBeInTheDocument();
    expect(screen.getByText(/use File > Save As/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Declare as record' })).toBeNull();
    expect(svc.openDocument).not.toHaveBeenCalled();
  });

  it('says why a document cannot be opened (no access) and what to do', async () => {
    const svc = services({
      openDocument: () =>
        Promise.resolve({
          ok: false as const,
          notOpened: {
            reason: 'noAccess',
            what: "You don't have permission to find this document in SharePoint or OneDrive.",
            why: 'Microsoft 365 refused the request for your account.',
            whatToDo: 'Ask your site owner for access.'
          }
        })
    });
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl), services: svc }} />);
    expect(
      await screen.findByRole('heading', { name: "You don't have permission to find this document in SharePoint or OneDrive." })
    ).toBeInTheDocument();
    expect(screen.getByText('Ask your site owner for access.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Declare as record' })).toBeNull();
  });

  it('shows a failure to read the document with what to do, and tries again', async () => {
    const user = userEvent.setup();
    const openDocument = jest
      .fn()
      .mockRejectedValueOnce(
        errorFromEnvelope(503, { error: { code: 'serviceNotAvailable', message: 'busy' } }, { action: 'read the file plan' })
      )
      .mockResolvedValueOnce({ ok: true, context: documentContext });
    renderInFluent(<TaskPaneApp hostName="Word" session={{ host: documentHost(documentUrl), services: services({ openDocument }) }} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Custodian couldn't read the file plan.");
    expect(alert).toHaveTextContent('What you can do: Try again in a few minutes; nothing was lost.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'This document: NDA.docx' })).toBeInTheDocument();
  });
});

const message: MessageSubject = {
  kind: 'message',
  restId: 'AAMk-rest',
  internetMessageId: '<1@contoso.com>',
  subject: 'Contract signed',
  from: { name: 'Sam Okafor', address: 'sam.okafor@contoso.com' },
  to: [],
  received: '2026-03-02T09:30:00Z',
  attachments: [{ id: 'a1', name: 'NDA.pdf', contentType: 'application/pdf', size: 52_000, isInline: false, attachmentType: 'file' }]
};

function messageHost(): HostAdapter {
  return { kind: 'outlookRead', label: 'Outlook', readSubject: () => Promise.resolve(message) };
}

const emailArchive: EmailLibrary = {
  key: 'site-1/list-email',
  name: 'Email Archive',
  defaultLabel: 'Litigation Hold - Permanent',
  plan: {
    libraryKey: 'site-1/list-email',
    siteId: 'site-1',
    listId: 'list-email',
    driveId: 'drive-email',
    libraryName: 'Email Archive',
    defaultRetentionLabel: 'Litigation Hold - Permanent',
    requiredColumns: [],
    updatedAt: '2026-01-01T00:00:00Z'
  }
};
const correspondence: EmailLibrary = {
  ...emailArchive,
  key: 'site-1/list-corr',
  name: 'Correspondence',
  plan: { ...emailArchive.plan, libraryKey: 'site-1/list-corr', listId: 'list-corr', libraryName: 'Correspondence' }
};

const messageContext = (overrides: Partial<MessageContext> = {}): MessageContext => ({
  message,
  libraries: [emailArchive],
  library: emailArchive,
  labels: filePlan,
  specs: [],
  values: {},
  unfillableColumns: [],
  ...overrides
});

describe('an Outlook message', () => {
  it('says clearly when no records library is mapped for email, and offers nothing to file', async () => {
    const svc = services({ openMessage: () => Promise.resolve(messageContext({ libraries: [], library: null })) });
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host: messageHost(), services: svc }} />);
    expect(await screen.findByRole('heading', { name: 'No records library is set up for email' })).toBeInTheDocument();
    expect(svc.file).not.toHaveBeenCalled();
    expect(screen.getByText(/ask your site owner to choose “Take email” for a records library/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'File' })).toBeNull();
    expect(screen.getByRole('region', { name: 'This email: Contract signed' })).toHaveTextContent('NDA.pdf (51 KB)');
  });

  it("files it with the library's default label preselected, and says when it was filed before", async () => {
    const user = userEvent.setup();
    const file = jest.fn((_c: MessageContext, request: { retentionLabel: string }) =>
      Promise.resolve({ summary: `Filed with the label "${request.retentionLabel}".`, steps: [] })
    );
    const svc = services({
      openMessage: () => Promise.resolve(messageContext({ existingCopy: { name: 'Contract signed.eml', webUrl: 'https://x/e.eml' } })),
      file
    });
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host: messageHost(), services: svc }} />);
    expect(await screen.findByText('This email is already filed.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Contract signed.eml' })).toHaveAttribute('href', 'https://x/e.eml');
    expect(screen.getByRole('radio', { name: 'Litigation Hold - Permanent' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'File' }));
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('Filed with the label "Litigation Hold - Permanent".');
  });

  it('asks which library to file into, remembers the choice per user, and files with the attachments when asked', async () => {
    const user = userEvent.setup();
    const preferences = createMemoryPreferences();
    const openMessage = jest.fn((_m: MessageSubject, key: string | undefined) =>
      Promise.resolve(
        messageContext({
          libraries: [correspondence, emailArchive],
          library: [correspondence, emailArchive].find((l) => l.key === key) ?? null
        })
      )
    );
    const file = jest.fn((_c: MessageContext, _r: DeclareRequest, onProgress: (s: StepProgress[]) => void, _o?: FileOptions) => {
      onProgress([]);
      return Promise.resolve({
        summary: 'The email is filed as "Contract signed.eml".',
        steps: [],
        link: { text: 'Open Contract signed.eml', href: 'https://x/c.eml' }
      });
    });
    const host: HostAdapter = { ...messageHost(), preferences };
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host, services: services({ openMessage, file }) }} />);
    expect(await screen.findByRole('heading', { name: 'Choose a records library' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'File' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: /Records library for email/ }), 'Email Archive');
    expect(await screen.findByRole('button', { name: 'File' })).toBeInTheDocument();
    expect(openMessage).toHaveBeenLastCalledWith(message, 'site-1/list-email', expect.anything());
    expect(preferences.get('emailLibrary')).toBe('site-1/list-email');
    // The lock is not offered: filing applies the label, the record's lock follows the label.
    expect(screen.queryByRole('checkbox', { name: /Lock the record/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Also file the attachment as a record/ }));
    await user.click(screen.getByRole('button', { name: 'File' }));
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('The email is filed as "Contract signed.eml".');
    expect(screen.getByRole('link', { name: 'Open Contract signed.eml' })).toHaveAttribute('href', 'https://x/c.eml');
    expect(file.mock.calls[0][0].library?.key).toBe('site-1/list-email');
    expect(file.mock.calls[0][3]).toEqual({ includeAttachments: true });
  });

  it('opens with the remembered library, and refuses a library whose plan requires columns filing cannot fill', async () => {
    const preferences = createMemoryPreferences({ emailLibrary: 'site-1/list-email' });
    const openMessage = jest.fn(() => Promise.resolve(messageContext({ unfillableColumns: ['MatterNumber'] })));
    const file = jest.fn();
    const host: HostAdapter = { ...messageHost(), preferences };
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host, services: services({ openMessage, file }) }} />);
    expect(await screen.findByRole('heading', { name: "Email can't be filed into Email Archive" })).toBeInTheDocument();
    expect(screen.getByText(/'MatterNumber'/)).toBeInTheDocument();
    expect(openMessage).toHaveBeenCalledWith(message, 'site-1/list-email', expect.anything());
    expect(screen.queryByRole('button', { name: 'File' })).toBeNull();
    expect(file).not.toHaveBeenCalled();
  });

  it("asks for the other columns the library's plan requires and files them with the email", async () => {
    const user = userEvent.setup();
    const file = jest.fn((_c: MessageContext, _r: DeclareRequest, onProgress: (s: StepProgress[]) => void, _o?: FileOptions) => {
      onProgress([]);
      return Promise.resolve({ summary: 'The email is filed as "Contract signed.eml".', steps: [] });
    });
    const openMessage = jest.fn(() =>
      Promise.resolve(messageContext({ specs: [requiredColumns[0], requiredColumns[1]], unfillableColumns: [] }))
    );
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host: messageHost(), services: services({ openMessage, file }) }} />);
    const reference = await screen.findByRole('textbox', { name: /Reference Number/ });
    expect(screen.getByText(/Email Archive library/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'File' }));
    // A required column left empty stops the filing before anything is sent.
    expect(file).not.toHaveBeenCalled();
    await user.type(reference, "M-42 O'Brien");
    await user.selectOptions(screen.getByRole('combobox', { name: /Document Type/ }), 'Contract');
    await user.click(screen.getByRole('button', { name: 'File' }));
    expect(await screen.findByTestId('declare-result')).toHaveTextContent('The email is filed as "Contract signed.eml".');
    expect(file.mock.calls[0][1]).toMatchObject({ fields: { ReferenceNumber: "M-42 O'Brien", DocumentType: 'Contract' } });
  });

  it('shows a failure to reach Microsoft 365 with what to do', async () => {
    const svc = services({
      openMessage: () => Promise.reject(errorFromEnvelope(401, { error: 'invalid_grant', error_description: 'AADSTS' }))
    });
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host: messageHost(), services: svc }} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in again, then retry.');
  });
});

describe('an Outlook draft', () => {
  function draftHost(subject: HostSubject, set?: jest.Mock): HostAdapter {
    return {
      kind: 'outlookCompose',
      label: 'Outlook',
      readSubject: () => Promise.resolve(subject),
      ...(set ? { setSensitivityLabel: set } : {})
    };
  }

  it('explains where the classification cannot be set (no Mailbox 1.13)', async () => {
    const host = draftHost({
      kind: 'draft',
      subject: 'Board pack',
      labelling: {
        kind: 'unavailable',
        reason: 'This version of Outlook does not let add-ins set a sensitivity label.',
        whatToDo: 'Use the Sensitivity button.'
      }
    });
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host, services: services() }} />);
    const note = await screen.findByTestId('labelling-unavailable');
    expect(note).toHaveTextContent('This version of Outlook does not let add-ins set a sensitivity label.');
    expect(note).toHaveTextContent('What you can do: Use the Sensitivity button.');
  });

  it('asks why before lowering the classification, then sets it through Outlook', async () => {
    const user = userEvent.setup();
    const set = jest.fn(() => Promise.resolve());
    const host = draftHost(
      { kind: 'draft', subject: 'Board pack', labelling: { kind: 'available', options: sensitivityOptions, currentId: 's-confidential' } },
      set
    );
    renderInFluent(<TaskPaneApp hostName="Outlook" session={{ host, services: services() }} />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Classification (sensitivity label)' }), 's-public');
    await user.click(screen.getByRole('button', { name: 'Apply classification' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Lower the classification?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Going to the press');
    // In a browser Tab moves inside the dialog through Tabster's focus trap, which jsdom cannot run: focus the button, press Enter.
    within(dialog).getByRole('button', { name: 'Lower it' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(set).toHaveBeenCalledWith('s-public', 'Going to the press'));
    expect(await screen.findByText('The draft is now classified "Public".')).toBeInTheDocument();
  });
});

describe('starting', () => {
  it('keeps the level-1 heading the page test looks for, and shows why it could not start', () => {
    const error = Object.assign(new Error('Office.js could not be loaded.'), {});
    renderInFluent(<TaskPaneApp hostName="Office" startupError={error} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Custodian' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Office.js could not be loaded.');
  });

  it('shows the notice for a host without nested app authentication', () => {
    renderInFluent(
      <TaskPaneApp
        hostName="Word"
        notices={[{ id: 'no-naa', intent: 'warning', title: 'Sign-in opens a window.', text: 'Allow pop-ups.' }]}
      />
    );
    expect(screen.getByText('Sign-in opens a window.')).toBeInTheDocument();
  });
});
