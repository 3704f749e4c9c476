export { countLockedRecords } from './countLockedRecords';
export { createCoverageService, type CoverageService } from './createCoverageService';
export { readCoverage, type LibraryCoverage, type LibraryCoverageSoFar, type ReadCoverageOptions } from './readCoverage';
