export { getLibraryPlan, setLibraryPlan, type LibraryPlanContext, type LibraryPlanRequest } from './setLibraryPlan';
export { libraryKeyOf, libraryPlanSchema, libraryPlansList, type LibraryPlan } from './libraryPlansList';
