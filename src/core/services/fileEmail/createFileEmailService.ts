import type { DeclareRequest } from '../declare/DeclareRequest';
import type { EmailMessage } from './EmailMessage';
import { fileEmail, type FileEmailOptions, type FileEmailResult } from './fileEmail';
import type { FileEmailDeps } from './FileEmailDeps';
import type { FileOptions, MessageContext } from './MessageContext';
import { openMessage } from './openMessage';

/** Filing an email as a record, as the Outlook pane receives it. */
export interface FileEmailService {
  /** The message, the libraries it can be filed into and the one chosen (`libraryKey`, a remembered choice). */
  open(message: EmailMessage, libraryKey: string | undefined, options?: { signal?: AbortSignal }): Promise<MessageContext>;
  file(context: MessageContext, request: DeclareRequest, fileOptions?: FileOptions, options?: FileEmailOptions): Promise<FileEmailResult>;
}

export function createFileEmailService(deps: FileEmailDeps): FileEmailService {
  return {
    open: (message, libraryKey, options) => openMessage(deps, { message, libraryKey }, options),
    file: (context, declaration, fileOptions, options) => fileEmail(deps, { context, declaration, ...fileOptions }, options)
  };
}
