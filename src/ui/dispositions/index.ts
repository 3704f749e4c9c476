// The records manager's Dispositions app (the Teams tab renders it; services come in through props).
export * from './DispositionsApp';
export { composeDispositionsServices, type RecordsManagerServices } from './composeDispositionsServices';
export type { DemoControls } from './DemoControls';
export type { DispositionsServices } from './DispositionsServices';
export type { ItemDetailsView } from './ItemDetailsView';
