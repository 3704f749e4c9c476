import { demoDocuments } from '../../../../../src/addin/hosts/demo';
import type { DeclareService } from '../../../../../src/core/services/declare/createDeclareService';
import type { DocumentContext } from '../../../../../src/core/services/declare/DocumentContext';

/** The demo's contract, on the Legal site that the dev tenant's seeded eDiscovery case holds, opened in the pane. */
export async function openDemoContract(service: DeclareService): Promise<DocumentContext> {
  const result = await service.open(demoDocuments.find((d) => d.id === 'contract')?.url);
  if (!result.ok) throw new Error(`the contract did not open: ${result.notOpened.why}`);
  return result.context;
}
