import type { DeclareDeps } from './DeclareDeps';
import { declareDocument, type DeclareDocumentOptions, type DeclareDocumentResult } from './declareDocument';
import type { DeclareRequest } from './DeclareRequest';
import type { DocumentContext, OpenDocumentResult } from './DocumentContext';
import { openDocument } from './openDocument';

/** Declaring a document a record, as the Word pane (and any surface that declares) receives it. */
export interface DeclareService {
  /** The document at `url` with everything the declare form offers, or why it cannot be declared. */
  open(url: string | undefined, options?: { signal?: AbortSignal }): Promise<OpenDocumentResult>;
  declare(context: DocumentContext, request: DeclareRequest, options?: DeclareDocumentOptions): Promise<DeclareDocumentResult>;
}

export function createDeclareService(deps: DeclareDeps): DeclareService {
  return {
    open: (url, options) => openDocument(deps, { url }, options),
    declare: (context, declaration, options) => declareDocument(deps, { context, declaration }, options)
  };
}
