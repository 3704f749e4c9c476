import type { GraphGateway } from '../../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../../src/core/graph/listItems/ListRef';

// What an office worker can do to Custodian's lists on the records site with plain Graph requests and her own token,
// as the forgery tests do: find a list by its title, read its rows. Written apart from the core's gateway operations,
// so that an attack does not lean on the code it attacks.

/** A list of the dev tenant's records site, by its display name. */
export async function recordsSiteList(graph: GraphGateway, title: string): Promise<ListRef> {
  const site = await graph.call<{ id: string }>({
    method: 'GET',
    url: '/sites/custodiandev.sharepoint.com:/sites/records',
    action: 'open'
  });
  const lists = await graph.call<{ value: { id: string; displayName: string }[] }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.id)}/lists`,
    action: 'list the lists'
  });
  const list = lists.value.find((l) => l.displayName === title);
  if (!list) throw new Error(`No list '${title}' on the records site.`);
  return { siteId: site.id, listId: list.id };
}

/** Every row of a list (500 at most), with its fields, in the order Graph returns them. */
export async function listRows<F extends Record<string, unknown>>(
  graph: GraphGateway,
  list: ListRef
): Promise<{ id: string; fields: F }[]> {
  const page = await graph.call<{ value: { id: string; fields: F }[] }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(list.siteId)}/lists/${list.listId}/items?$expand=fields&$top=500`,
    action: 'read the rows'
  });
  return page.value;
}
