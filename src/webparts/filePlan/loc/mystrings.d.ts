declare interface IFilePlanWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  RecordsSiteUrlFieldLabel: string;
  RecordsSiteUrlFieldDescription: string;
}

declare module 'FilePlanWebPartStrings' {
  const strings: IFilePlanWebPartStrings;
  export = strings;
}
