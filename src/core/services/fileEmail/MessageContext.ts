import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { FieldSpec, FieldValues } from '../declare/FieldSpec';
import type { EmailLibrary } from './EmailLibrary';
import type { EmailMessage } from './EmailMessage';
import type { FiledCopy } from './findFiledCopy';

/** Everything the pane needs to file one message. */
export interface MessageContext {
  message: EmailMessage;
  /** The records libraries a library plan maps that can take email; empty when none is mapped (nothing can be sent). */
  libraries: EmailLibrary[];
  /** The library this email is filed into (the person's remembered choice, or the only one); null until one is chosen. */
  library: EmailLibrary | null;
  /** The copy already filed in that library (found by internet message id), if any. */
  existingCopy?: FiledCopy;
  labels: FilePlanLabel[];
  /**
   * The metadata asked of the person: the columns the library (or its plan) requires beside the email ones, which
   * filing fills from the message itself. Written with the email columns, on the `.eml` and its attachments.
   */
  specs: FieldSpec[];
  values: FieldValues;
  /**
   * Columns the library's plan requires that the form cannot fill (not a column of the library, or of a kind filing
   * cannot write, such as a person or managed metadata): filing is refused before anything is sent.
   */
  unfillableColumns: string[];
}

/** What the person asked for when filing, beside the label. */
export interface FileOptions {
  /** File the message's attachments as records too, each beside the `.eml`. */
  includeAttachments?: boolean;
}
