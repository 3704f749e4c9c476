export { resolveDocument, type ResolveDocumentOptions } from './resolveDocument';
export { classifyDocumentUrl, sharePointHostSuffixes, type DocumentUrlClass } from './classifyDocumentUrl';
export { recordStateFromLabel } from './recordStateFromLabel';
export type { NotResolvedReason, ResolveDocumentResult, ResolvedDocument } from './ResolvedDocument';
