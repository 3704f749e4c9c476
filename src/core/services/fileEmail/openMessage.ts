import { getList } from '../../graph/lists/getList';
import { readFilePlan } from '../filePlan/readFilePlan';
import { emailLibraries } from './EmailLibrary';
import type { EmailMessage } from './EmailMessage';
import type { FileEmailDeps } from './FileEmailDeps';
import { findFiledCopy } from './findFiledCopy';
import type { MessageContext } from './MessageContext';
import { messageSpecs } from './messageSpecs';

export interface OpenMessageRequest {
  message: EmailMessage;
  /** The library the person chose before (`{siteId}/{listId}`), if any. */
  libraryKey: string | undefined;
}

/**
 * Opens a message for filing: the libraries it can be filed into and the file plan, then, once a library is chosen
 * (the remembered one, or the only one), the copy already filed there and the columns asked of the person.
 */
export async function openMessage(
  deps: FileEmailDeps,
  request: OpenMessageRequest,
  options: { signal?: AbortSignal } = {}
): Promise<MessageContext> {
  const { graph } = deps;
  const { message, libraryKey } = request;
  const { signal } = options;
  const call = signal ? { signal } : {};
  const [libraries, filePlan] = await Promise.all([
    deps.recordsSiteUrl().then((url) => emailLibraries(graph, url, call, deps.sharePoint)),
    readFilePlan(graph, { signal, withEventTypes: true })
  ]);
  const library = libraries.find((l) => l.key === libraryKey) ?? (libraries.length === 1 ? libraries[0] : null);
  const [existingCopy, list] = library
    ? await Promise.all([
        findFiledCopy(graph, library.plan, message.internetMessageId, call),
        getList(graph, { siteId: library.plan.siteId, listId: library.plan.listId }, { signal })
      ])
    : [undefined, undefined];
  const { specs, unfillable } = messageSpecs(list?.columns ?? [], library?.plan.requiredColumns ?? []);
  return {
    message,
    libraries,
    library,
    ...(existingCopy ? { existingCopy } : {}),
    labels: filePlan.labels,
    specs,
    values: {},
    unfillableColumns: library ? unfillable : []
  };
}
