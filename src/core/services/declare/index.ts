export { createDeclareService, type DeclareService } from './createDeclareService';
export type { DeclareDeps } from './DeclareDeps';
export {
  declareDocument,
  type DeclareDocumentOptions,
  type DeclareDocumentRequest,
  type DeclareDocumentResult,
  type SentDeclaration
} from './declareDocument';
export type { DeclareRequest } from './DeclareRequest';
export type { DocumentContext, NotOpened, OpenDocumentResult, SensitivityCatalog } from './DocumentContext';
export { documentStatus, statusAfterDeclare } from './documentStatus';
export {
  fieldKinds,
  type FieldKind,
  type FieldSpec,
  type FieldValue,
  type FieldValues,
  type PersonValue,
  type TermOption,
  type TermValue
} from './FieldSpec';
export { fieldSpecFromColumn, fieldValueFromItem } from './fieldSpecFromColumn';
export { findLibraryPlan } from './findLibraryPlan';
export { graphFieldValue, graphFieldValues } from './graphFieldValue';
export { openDocument, type OpenDocumentRequest } from './openDocument';
export type { AppliedRetentionLabel, RecordStatus } from './RecordStatus';
