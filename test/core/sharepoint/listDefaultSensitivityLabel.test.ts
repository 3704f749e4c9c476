import { CustodianError } from '../../../src/core/http/CustodianError';
import { getListDefaultSensitivityLabel, setListDefaultSensitivityLabel } from '../../../src/core/sharepoint/listDefaultSensitivityLabel';
import { startServicesTenant, type ServicesTenant } from '../services/support/servicesTenant';

let tenant: ServicesTenant;
beforeAll(async () => {
  tenant = await startServicesTenant(40);
});
afterAll(() => tenant.close());

async function libraryId(path: string, name: string): Promise<string> {
  return (await tenant.library(path, name)).listId;
}

async function fileLabelId(): Promise<string> {
  const all = await tenant.sensitivityLabels();
  const leaf = all
    .flatMap((l) => [l, ...((l as { sublabels?: typeof all }).sublabels ?? [])])
    .find((l) => (l as { isAppliable?: boolean }).isAppliable);
  return leaf?.id as string;
}

describe('DefaultSensitivityLabelForLibrary against the dev tenant', () => {
  it('reads none, sets a label, reads it back and clears it', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const listId = await libraryId('/sites/finance', 'Invoices');
    const labelId = await fileLabelId();
    expect(await getListDefaultSensitivityLabel(site, listId)).toBeNull();
    await setListDefaultSensitivityLabel(site, listId, labelId);
    expect(await getListDefaultSensitivityLabel(site, `{${listId}}`)).toBe(labelId);
    await setListDefaultSensitivityLabel(site, listId, null);
    expect(await getListDefaultSensitivityLabel(site, listId)).toBeNull();
  });

  it('explains an unknown label in the user terms', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const listId = await libraryId('/sites/finance', 'Invoices');
    const e = await setListDefaultSensitivityLabel(site, listId, '00000000-0000-0000-0000-000000000000').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({ source: 'sharepoint', what: "Custodian couldn't set the default sensitivity label of the library." });
    expect((e as CustodianError).status).toBe(400);
  });
});
