export { getLibraryPlan, setLibraryPlan, type LibraryPlanContext, type LibraryPlanRequest, type LibraryPlanResult } from './setLibraryPlan';
export { libraryKeyOf, libraryPlanSchema, libraryPlansList, type LibraryPlan } from './libraryPlansList';
