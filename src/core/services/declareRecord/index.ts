export { declareRecord } from './declareRecord';
export {
  isTypedFieldValue,
  type DeclareFieldValue,
  type DeclareRecordContext,
  type DeclareRecordRequest,
  type PersonFieldValue,
  type TermFieldValue
} from './DeclareRecordRequest';
export { declareSteps, type DeclareRecordResult, type DeclareStep, type DeclareStepResult } from './DeclareRecordResult';
export { planDeclaration, type DeclarationPlan } from './planDeclaration';
export { refusalError, type RefusalText } from './refusalError';
export { restrictionAdvice } from './restrictionAdvice';
