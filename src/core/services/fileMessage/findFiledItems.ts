import type { DriveItem, ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listAll } from '../../graph/iteratePages';
import { findListItemsCall } from '../../graph/listItems/findListItems';
import type { ListRef } from '../../graph/listItems/ListRef';
import { CustodianError } from '../../http/CustodianError';
import { quoteODataString } from '../../http/quoteODataString';
import { emailColumns } from './emailColumns';

/**
 * The items of a library filed from one message, found by its internet message id, an indexed column (a filter on
 * any other column is refused by Graph, and fails past SharePoint's 5,000-item list view threshold).
 * Permission (least privileged): Sites.Read.All.
 */
export async function findFiledItems(
  graph: GraphGateway,
  list: ListRef,
  internetMessageId: string,
  options: CallOptions & { action: string }
): Promise<(ListItem & { driveItem?: DriveItem })[]> {
  try {
    return await listAll<ListItem & { driveItem?: DriveItem }>(
      graph,
      {
        ...findListItemsCall(list, `fields/${emailColumns.internetMessageId} eq ${quoteODataString(internetMessageId)}`),
        action: options.action
      },
      options
    );
  } catch (e) {
    // Graph: "Field 'InternetMessageId' cannot be referenced in filter or orderby as it is not indexed."
    if (e instanceof CustodianError && e.status === 400 && /not indexed/i.test(e.serviceMessage))
      throw new CustodianError({
        status: e.status,
        code: 'emailColumnNotIndexed',
        innerCode: e.code,
        serviceMessage: e.serviceMessage,
        requestId: e.requestId,
        clientRequestId: e.clientRequestId,
        source: e.source,
        what: `Custodian couldn't ${options.action}.`,
        why: `The library's '${emailColumns.internetMessageId}' column is not indexed, so SharePoint will not look messages up by it.`,
        whatToDo: 'Ask the site owner to open the library in Custodian\'s file plan web part and choose "Take email" again: it adds the index.',
        cause: e
      });
    throw e;
  }
}
