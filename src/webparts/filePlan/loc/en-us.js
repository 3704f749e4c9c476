define([], function () {
  return {
    PropertyPaneDescription: 'Where Custodian keeps its own lists: library plans, holds and the disposition register.',
    SettingsGroupName: 'Records site',
    RecordsSiteUrlFieldLabel: 'Records site URL',
    RecordsSiteUrlFieldDescription: 'For example https://contoso.sharepoint.com/sites/records. Leave empty to use this site.'
  };
});
