// Shared components for the three surfaces (task pane, web part, Teams tab).
export * from './AsyncView';
export * from './Busy';
export * from './dates';
export * from './downloadText';
export * from './EmptyState';
export * from './ErrorCard';
export * from './errorText';
export * from './labelWords';
export * from './LoadingState';
export * from './NativeSelect';
export * from './Tabs';
export * from './useAsync';
