// @microsoft/teams-js 2 calls fetch when it is imported; jsdom has none. A fetch that always fails keeps
// the import working and makes any accidental network use in a unit test fail loudly.
if (typeof globalThis.fetch !== 'function') {
  globalThis.fetch = (() => Promise.reject(new Error('fetch is not available in unit tests'))) as typeof fetch;
}
