// The records manager's Dispositions app (the Teams tab renders it; services come in through props).
export * from './DispositionsApp';
export * from './services';
