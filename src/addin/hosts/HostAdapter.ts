import type { EmailMessage } from '../../core/services/fileEmail/EmailMessage';
import type { SensitivityOption } from '../../ui/declare/model';

/** Where the pane runs. Each has its own adapter file; the pane only sees `HostAdapter`. */
export const hostKinds = ['word', 'outlookRead', 'outlookCompose', 'demo'] as const;
export type HostKind = (typeof hostKinds)[number];

/** The document open in Word (or a demo document). */
export interface DocumentSubject {
  kind: 'document';
  /** The document's URL; undefined when it has never been saved. */
  url: string | undefined;
  /** True when the URL is an https address (SharePoint or OneDrive), which Graph can resolve. */
  savedToCloud: boolean;
  /** The document's title property, or its file name. */
  title: string;
  /** Built-in properties Custodian mirrors or shows. */
  properties: { title: string; subject: string; author: string; keywords: string; category: string };
  /** Custodian's own custom properties already in the document (`Custodian.*`). */
  customProperties: Readonly<Record<string, string>>;
}

export type { AttachmentSummary, MailAddress } from '../../core/services/fileEmail/EmailMessage';

/** The message open in Outlook read mode (or a demo message). */
export type MessageSubject = EmailMessage;

/** Whether the draft's classification can be set from the pane, and if not, why. */
export type DraftLabelling =
  | { kind: 'available'; options: SensitivityOption[]; currentId: string | undefined }
  | { kind: 'unavailable'; reason: string; whatToDo: string };

/** The message being written in Outlook compose mode. */
export interface DraftSubject {
  kind: 'draft';
  subject: string;
  labelling: DraftLabelling;
}

export type HostSubject = DocumentSubject | MessageSubject | DraftSubject;

/**
 * Small per-user choices the pane remembers between openings (which records library email is filed into). Only
 * names and ids are kept: never a token, a message or a document. Outlook keeps them in the add-in's roaming
 * settings (they follow the mailbox); the demo in the browser's localStorage, per persona.
 */
export interface PreferenceStore {
  get(name: string): string | undefined;
  /** Saves the value; '' forgets it. */
  set(name: string, value: string): Promise<void>;
}

/** Custodian's custom properties in a Word document: the key metadata of a declaration, mirrored. */
export const custodianPropertyPrefix = 'Custodian.';

/**
 * The one interface every host implements (Word, Outlook read, Outlook compose, the demo). Each Office async
 * call is checked and a failure becomes a `CustodianError` with what, why and what to do.
 */
export interface HostAdapter {
  readonly kind: HostKind;
  /** Shown in the pane: "Word", "Outlook", "Demo". */
  readonly label: string;
  /** What the pane is about: the open document, the message being read, or the draft. */
  readSubject(signal?: AbortSignal): Promise<HostSubject>;
  /**
   * Word only: writes the key metadata of a declaration into the document's custom properties (each key
   * prefixed `Custodian.`), so it travels with the file.
   */
  mirrorMetadata?(values: Readonly<Record<string, string>>): Promise<void>;
  /** Where the person's choices are remembered (Outlook read mode and the demo); absent elsewhere. */
  readonly preferences?: PreferenceStore;
  /** Outlook compose only (Mailbox 1.13): sets the draft's sensitivity label ('' is not allowed by Outlook). */
  setSensitivityLabel?(labelId: string, justification?: string): Promise<void>;
}
