export { checkFilePlanImport, type CheckImportRequest, type ImportCheck } from './checkFilePlanImport';
export { createFilePlanService, type FilePlanService, type FilePlanServiceDeps } from './createFilePlanService';
export { exportFilePlanCsv, type FilePlanCsvExport } from './exportFilePlanCsv';
export { importFilePlanLabels, type ImportLabelsOptions, type ImportLabelsRequest, type ImportOutcome } from './importFilePlanLabels';
export { filePlanFromGraph, readFilePlan, type FilePlan, type UnreadableLabel } from './readFilePlan';
export { labelNameKey, sameLabelName } from './sameLabelName';
export { sensitivityOptionsFromGraph, type SensitivityOption } from './sensitivityOptions';
export { readSiteFilePlan, type SiteFilePlan, type SiteFilePlanDeps, type SiteLabel } from './siteFilePlan';
export { mayCreateLabels, notAllowedToCreate, type NotAllowedToCreate } from './labelCreationRights';
