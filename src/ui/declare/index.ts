// The task pane's pieces: what an item is, choosing its labels and metadata, and declaring it a record.
export * from './DeclareForm';
export * from './declareProgress';
export * from './fields';
export * from './fileProgress';
export * from './formatting';
export * from './JustificationDialog';
export * from './LabelPicker';
export * from './labelSearch';
export * from './MetadataForm';
export * from './model';
export * from './restrictions';
export * from './RestrictionsNotice';
export * from './SensitivityPicker';
export * from './StatusCard';
export * from './StepList';
