export { resolveDocument, type ResolveDocumentOptions } from './resolveDocument';
export { classifyDocumentUrl, isOneDriveUrl, sharePointHostSuffixes, type DocumentUrlClass } from './classifyDocumentUrl';
export { recordStateFromLabel } from './recordStateFromLabel';
export type { NotResolvedReason, ResolveDocumentResult, ResolvedDocument } from './ResolvedDocument';
