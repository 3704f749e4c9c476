import { getSiteByUrl } from '../../../src/core/graph/sites/getSiteByUrl';
import { CustodianError } from '../../../src/core/http/CustodianError';
import { personFormValue, termFormValue, validateUpdateListItem } from '../../../src/core/sharepoint/validateUpdateListItem';
import { startServicesTenant, type ServicesTenant } from '../services/support/servicesTenant';

let tenant: ServicesTenant;
let siteId: string;
let listId: string;
let itemId: string;
let email: string;
const termId = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const graph = tenant.graph('site-owner');
  const me = await graph.call<{ mail?: string; userPrincipalName: string }>({ method: 'GET', url: '/me', action: 'read me' });
  email = me.mail || me.userPrincipalName;
  siteId = String((await getSiteByUrl(graph, `${tenant.url}/sites/legal`)).id);
  const list = await graph.call<{ id: string }>({
    method: 'POST',
    url: `/sites/${encodeURIComponent(siteId)}/lists`,
    body: {
      displayName: 'Matter Owners',
      columns: [
        { name: 'Owner', displayName: 'Matter owner', personOrGroup: {} },
        { name: 'Region', displayName: 'Region', term: {} },
        { name: 'Reference', text: {} }
      ],
      list: { template: 'genericList' }
    },
    action: 'create the list'
  });
  listId = list.id;
  const item = await graph.call<{ id: string }>({
    method: 'POST',
    url: `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items`,
    body: { fields: { Title: 'Matter 1' } },
    action: 'add the item'
  });
  itemId = item.id;
});
afterAll(() => tenant.close());

async function fields(): Promise<Record<string, unknown>> {
  const item = await tenant.graph('site-owner').call<{ fields: Record<string, unknown> }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items/${itemId}?$expand=fields`,
    action: 'read the item'
  });
  return item.fields;
}

describe('validateUpdateListItem against the dev tenant', () => {
  it('formats a person as a claims array and a term as Label|TermGuid;', () => {
    expect(JSON.parse(personFormValue('ana@contoso.com'))).toEqual([{ Key: 'i:0#.f|membership|ana@contoso.com' }]);
    expect(termFormValue('EMEA', `{${termId}}`)).toBe(`EMEA|${termId};`);
    expect(termFormValue('A|B;C', termId)).toBe(`A B C|${termId};`);
  });

  it('writes a person, a term and a text column, and reads them back', async () => {
    const site = tenant.site('site-owner', '/sites/legal');
    await validateUpdateListItem(site, listId, itemId, [
      { FieldName: 'Owner', FieldValue: personFormValue(email) },
      { FieldName: 'Region', FieldValue: termFormValue('EMEA', termId) },
      { FieldName: 'Reference', FieldValue: 'M-1' }
    ]);
    const f = await fields();
    expect(f.Owner).toMatchObject({ Email: email });
    expect(f.Region).toEqual({ Label: 'EMEA', TermGuid: termId, WssId: -1 });
    expect(f.Reference).toBe('M-1');
  });

  it('refuses a person who does not exist, naming the field, and writes nothing', async () => {
    const site = tenant.site('site-owner', '/sites/legal');
    // What the item holds before the refused save, whichever test ran first.
    await validateUpdateListItem(site, listId, itemId, [{ FieldName: 'Reference', FieldValue: 'M-1' }]);
    const e = await validateUpdateListItem(
      site,
      listId,
      itemId,
      [
        { FieldName: 'Owner', FieldValue: personFormValue('nobody@nowhere.example') },
        { FieldName: 'Reference', FieldValue: 'M-2' }
      ],
      { itemName: 'Matter 1', displayNames: { Owner: 'Matter owner' } }
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({
      source: 'sharepoint',
      code: 'fieldValueRefused',
      what: "Custodian couldn't save the properties of 'Matter 1'."
    });
    const err = e as CustodianError;
    expect(err.why).toContain("'Matter owner'");
    expect(err.whatToDo).toContain("'Matter owner'");
    expect(err.serviceMessage).toMatch(/^Owner: /);
    expect((await fields()).Reference).toBe('M-1');
  });

  it('refuses a malformed term and writes nothing', async () => {
    const site = tenant.site('site-owner', '/sites/legal');
    const e = await validateUpdateListItem(site, listId, itemId, [{ FieldName: 'Region', FieldValue: 'EMEA' }]).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'fieldValueRefused' });
    expect((e as CustodianError).why).toContain("'Region'");
  });

  it('is refused as a person column through Graph fields', async () => {
    const e = await tenant
      .graph('site-owner')
      .call({
        method: 'PATCH',
        url: `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items/${itemId}/fields`,
        body: { Owner: email },
        action: 'save the owner'
      })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 400 });
  });
});
