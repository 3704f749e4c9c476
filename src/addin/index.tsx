import * as React from 'react';
import { mountApp } from '../ui/mountApp';
import { TaskPaneApp } from './TaskPaneApp';
import { isInsideOffice, loadOfficeJs } from './officeHost';

async function start(): Promise<void> {
  if (!isInsideOffice(window.location.search)) {
    mountApp(<TaskPaneApp hostName="Demo" />);
    return;
  }
  await loadOfficeJs();
  const info = await Office.onReady();
  mountApp(<TaskPaneApp hostName={String(info.host ?? 'Office')} />);
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  mountApp(<TaskPaneApp hostName={`unavailable: ${message}`} />);
});
