import { custodianPropertyPrefix, type DocumentSubject, type HostAdapter, type MessageSubject, type PreferenceStore } from './HostAdapter';
import { hostError } from './hostError';
import { fileNameOf, isCloudUrl } from './word';

/**
 * Items the dev tenant always seeds (src/devtenant/seed), addressed as Word would give them: the
 * document's https URL on the dev tenant's SharePoint host (or its OneDrive host, `-my`). The pane resolves
 * them through the core, exactly as it resolves a real document.
 */
export const demoDocuments = [
  {
    id: 'contract',
    title: "O'Brien & Sons — NDA #42 (50% off).docx",
    description: 'A contract in the Legal site whose name holds quotes, # and %: declare it a record.',
    url: "https://custodiandev.sharepoint.com/sites/legal/Contracts/O'Brien%20%26%20Sons%20%E2%80%94%20NDA%20%2342%20(50%25%20off).docx"
  },
  {
    id: 'regulatory',
    title: 'Regulatory Return Q4 2019 - SEC.pdf',
    description: 'A regulatory record: see why it cannot be relabelled, before anything is sent.',
    url: 'https://custodiandev.sharepoint.com/sites/records/Records/Regulatory%20Return%20Q4%202019%20-%20SEC.pdf'
  },
  {
    id: 'arabic',
    title: 'تقرير الميزانية 2023.docx',
    description: 'A document with a right-to-left name in the Marketing site.',
    url: 'https://custodiandev.sharepoint.com/sites/marketing/Brand%20Assets/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%20%D8%A7%D9%84%D9%85%D9%8A%D8%B2%D8%A7%D9%86%D9%8A%D8%A9%202023.docx'
  },
  {
    id: 'onedrive',
    title: 'Contract draft.docx',
    description: "A draft in Ana Ortiz's OneDrive: declare it as Ana (it isn't shared, so other personas are refused).",
    url: 'https://custodiandev-my.sharepoint.com/personal/ana_ortiz_custodiandev_onmicrosoft_com/Documents/Contract%20draft.docx'
  },
  {
    id: 'unsaved',
    title: 'Document1 (never saved)',
    description: 'A new document that is not in SharePoint or OneDrive yet.',
    url: undefined
  }
] as const;

export type DemoDocumentId = (typeof demoDocuments)[number]['id'];

export type DemoChoice = { kind: 'document'; id: DemoDocumentId } | { kind: 'document'; url: string } | { kind: 'message' };

export interface DemoHostDeps {
  /** Reads a message of the persona's mailbox through the core (the dev tenant's Graph). */
  readMessage?: (signal?: AbortSignal) => Promise<MessageSubject>;
  /** The persona's remembered choices (localStorage, per persona). */
  preferences?: PreferenceStore;
}

/**
 * The demo host: in a plain browser tab, in place of Office, it opens a document or a message of the dev
 * tenant. The document's custom properties live in memory for the session, as Word would keep them.
 */
export function createDemoHost(choice: DemoChoice, deps: DemoHostDeps = {}): HostAdapter {
  const custom: Record<string, string> = {};
  return {
    kind: 'demo',
    label: 'Demo',
    ...(deps.preferences ? { preferences: deps.preferences } : {}),
    async readSubject(signal) {
      if (choice.kind === 'message') {
        if (!deps.readMessage) {
          throw hostError({
            code: 'demoMessageUnavailable',
            what: 'The demo message cannot be opened.',
            why: 'This build of Custodian has no way to read a message from the dev tenant yet.',
            whatToDo: 'Open a demo document instead.'
          });
        }
        return deps.readMessage(signal);
      }
      const known = 'id' in choice ? demoDocuments.find((d) => d.id === choice.id) : undefined;
      const url: string | undefined = known ? known.url : 'url' in choice ? choice.url : undefined;
      const title = known?.title ?? fileNameOf(url) ?? 'Untitled document';
      const subject: DocumentSubject = {
        kind: 'document',
        url,
        savedToCloud: isCloudUrl(url),
        title,
        properties: { title, subject: '', author: '', keywords: '', category: '' },
        customProperties: { ...custom }
      };
      return subject;
    },
    mirrorMetadata(values) {
      for (const [key, value] of Object.entries(values)) custom[`${custodianPropertyPrefix}${key}`] = value;
      return Promise.resolve();
    }
  };
}
