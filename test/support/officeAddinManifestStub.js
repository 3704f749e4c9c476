// Stands in for office-addin-manifest inside jest only (see jest.config.js): its own dependencies are ESM
// only. office-addin-mock needs just the OfficeApp enum, copied here with the package's values; the real
// package is used, unmocked, by the manifest tests through a child process (scripts/lib/manifests.ts).
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word'
  }
};
