// Stands in for office-addin-manifest inside jest only (see jest.config.js). The real package is
// used, unmocked, by the manifest tests through child processes.
module.exports = {};
