import { CustodianError } from '../../http/CustodianError';
import type { DeclareRequest } from '../declare/DeclareRequest';
import { graphFieldValues } from '../declare/graphFieldValue';
import { fileMessage } from '../fileMessage/fileMessage';
import type { FileMessageResult } from '../fileMessage/FileMessageResult';
import type { FileEmailDeps } from './FileEmailDeps';
import type { FileOptions, MessageContext } from './MessageContext';

export interface FileEmailRequest extends FileOptions {
  /** The message as `openMessage` read it, with the library chosen. */
  context: MessageContext;
  declaration: DeclareRequest;
}

export interface FileEmailOptions {
  /** Called once the filing is checked and about to be sent. */
  onSending?: () => void;
}

/** A filing that was sent (a refusal before any request throws its `CustodianError` instead). */
export type FileEmailResult = Exclude<FileMessageResult, { status: 'refused' }>;

/** Refused by Custodian before anything is sent, in the person's terms. */
function refused(code: string, why: string, whatToDo: string): CustodianError {
  return new CustodianError({
    status: 0,
    code,
    serviceMessage: '',
    source: 'client',
    what: 'Custodian did not file this email.',
    why,
    whatToDo
  });
}

/** Files through the core's `fileMessage`: refused (nothing sent) when no library is chosen or a column cannot be filled. */
export async function fileEmail(deps: FileEmailDeps, request: FileEmailRequest, options: FileEmailOptions = {}): Promise<FileEmailResult> {
  const { context, declaration } = request;
  const library = context.library;
  if (!library)
    throw refused(
      'noEmailLibrary',
      'No records library is chosen for email. Nothing was sent.',
      'Choose the records library to file email into, then file it.'
    );
  if (context.unfillableColumns.length > 0)
    throw refused(
      'unfillableColumns',
      `${library.name} requires ${context.unfillableColumns.map((c) => `'${c}'`).join(', ')}, which filing email cannot fill. Nothing was sent.`,
      'Choose another library, or ask your site owner to map email to a library made for it.'
    );
  options.onSending?.();
  const fields = graphFieldValues(context.specs, declaration.fields);
  const result = await fileMessage(deps.graph, context.message.restId, library.plan, {
    retentionLabel: declaration.retentionLabel,
    ...(request.includeAttachments ? { includeAttachments: true } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {})
  });
  if (result.status === 'refused') throw result.error;
  return result;
}
