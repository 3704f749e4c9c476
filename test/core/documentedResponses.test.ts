// Outside truth: the example responses of Microsoft's reference pages, each kept in test/devtenant/fixtures/*.json
// with its `source` page (learn.microsoft.com/graph/api/...). Nothing here reaches Microsoft 365, so Custodian works
// on a real tenant only if the core reads what those pages show: each documented answer goes through the core's own
// operation (over a gateway that answers the documented response) and the reader that models it, and every
// documented property the core models must come out with the documented value, slips included.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemRetentionLabel, SensitivityLabel } from '@microsoft/microsoft-graph-types';
import { retentionLabelFromGraph } from '../../src/core/domain/retentionLabelFromGraph';
import { assignSensitivityLabelCall } from '../../src/core/graph/driveItems/assignSensitivityLabel';
import { extractSensitivityLabels } from '../../src/core/graph/driveItems/extractSensitivityLabels';
import { getDriveItem } from '../../src/core/graph/driveItems/getDriveItem';
import { removeRetentionLabel } from '../../src/core/graph/driveItems/removeRetentionLabel';
import { setRecordLocked } from '../../src/core/graph/driveItems/setRecordLocked';
import { setRetentionLabel } from '../../src/core/graph/driveItems/setRetentionLabel';
import { listEdiscoveryCases } from '../../src/core/graph/ediscovery/listEdiscoveryCases';
import { listLegalHolds } from '../../src/core/graph/ediscovery/listLegalHolds';
import { listLegalHoldSiteSources } from '../../src/core/graph/ediscovery/listLegalHoldSiteSources';
import type { GraphCall } from '../../src/core/graph/GraphCall';
import type { GraphGateway } from '../../src/core/graph/GraphGateway';
import { listListItems } from '../../src/core/graph/listItems/listListItems';
import { createListColumn } from '../../src/core/graph/lists/createListColumn';
import { getMessage } from '../../src/core/graph/messages/getMessage';
import { createRetentionEvent } from '../../src/core/graph/retentionEvents/createRetentionEvent';
import { listRetentionEvents } from '../../src/core/graph/retentionEvents/listRetentionEvents';
import { listRetentionEventTypes } from '../../src/core/graph/retentionEvents/listRetentionEventTypes';
import { createRetentionLabel } from '../../src/core/graph/retentionLabels/createRetentionLabel';
import { listRetentionLabels } from '../../src/core/graph/retentionLabels/listRetentionLabels';
import { listSensitivityLabels } from '../../src/core/graph/sensitivityLabels/listSensitivityLabels';
import { retentionEventFacts } from '../../src/core/services/events/RetentionEventFact';
import { filePlanFromGraph } from '../../src/core/services/filePlan/readFilePlan';
import { sensitivityOptionsFromGraph } from '../../src/core/services/filePlan/sensitivityOptions';
import { recordStateFromLabel } from '../../src/core/services/resolveDocument/recordStateFromLabel';

interface Fixture {
  source: string;
  response: { status: number; headers?: Record<string, string>; body?: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documented JSON, read by the property names Microsoft shows
type Json = any;

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(path.join(__dirname, '../devtenant/fixtures', `${name}.json`), 'utf8')) as Fixture;

/** A gateway whose every answer is the documented response, read by each call's own parser as Graph's would be. */
function documentedGateway(documented: Fixture): GraphGateway {
  const { status, headers = {}, body } = documented.response;
  return {
    baseOrigin: 'https://graph.microsoft.com',
    call: <T>(call: GraphCall<T>) => Promise.resolve(call.parse ? call.parse(body, { status, headers: new Headers(headers) }) : (body as T))
  } as unknown as GraphGateway;
}

const ref = { driveId: 'b!drive', itemId: '01ITEM' };
const list = { siteId: 'contoso.sharepoint.com,1,2', listId: 'list-1' };

/** Each operation the core sends, the page whose example answers it, and what the core must read from that answer. */
const operations: { operation: string; page: string; read: (documented: Fixture, body: Json) => Promise<void> }[] = [
  {
    operation: 'listRetentionLabels -> the file plan',
    page: 'security-labelsroot-list-retentionlabel',
    read: async (documented, body) => {
      const plan = filePlanFromGraph(await listRetentionLabels(documentedGateway(documented)));
      const shown = body.value[0];
      expect(plan.unreadable).toEqual([]);
      expect(plan.labels[0]).toEqual({
        id: shown.id,
        name: shown.displayName,
        descriptionForAdmins: shown.descriptionForAdmins,
        descriptionForUsers: shown.descriptionForUsers,
        descriptors: {},
        retention: {
          behavior: shown.behaviorDuringRetentionPeriod,
          action: shown.actionAfterRetentionPeriod,
          trigger: shown.retentionTrigger,
          duration: { kind: 'days', days: Number(shown.retentionDuration.days) },
          labelToBeApplied: shown.labelToBeApplied,
          dispositionStages: []
        }
      });
    }
  },
  {
    operation: 'createRetentionLabel -> the label created',
    page: 'security-labelsroot-post-retentionlabel',
    read: async (documented, body) => {
      const created = retentionLabelFromGraph(
        await createRetentionLabel(documentedGateway(documented), { displayName: body.displayName } as never)
      );
      const d = body.descriptors;
      expect(created.ok && created.label).toEqual({
        id: body.id,
        name: body.displayName,
        descriptionForAdmins: body.descriptionForAdmins,
        descriptionForUsers: body.descriptionForUsers,
        descriptors: {
          authority: d.authority.displayName,
          category: d.category.displayName,
          department: d.department.displayName,
          referenceId: d.filePlanReference.displayName,
          citation: { name: d.citation.displayName, url: d.citation.citationUrl, jurisdiction: d.citation.citationJurisdiction }
        },
        retention: {
          behavior: body.behaviorDuringRetentionPeriod,
          action: body.actionAfterRetentionPeriod,
          trigger: body.retentionTrigger,
          duration: { kind: 'days', days: body.retentionDuration.days },
          // The stage's reviewers sit under the page's padded key "reviewersEmailAddresses ".
          dispositionStages: [{ name: 'Stage1', reviewers: body.dispositionReviewStages[0]['reviewersEmailAddresses '] }]
        }
      });
    }
  },
  {
    operation: '(parser only) a retention label read by id',
    page: 'security-retentionlabel-get',
    read: (_documented, body) => {
      const read = retentionLabelFromGraph(body);
      expect(read).toMatchObject({
        ok: true,
        label: {
          id: body.value.id,
          name: body.value.displayName,
          retention: { duration: { kind: 'days', days: body.value.retentionDuration.days }, labelToBeApplied: body.value.labelToBeApplied }
        }
      });
      return Promise.resolve();
    }
  },
  {
    operation: 'createRetentionEvent -> the event fired',
    page: 'security-retentionevent-post',
    read: async (documented, body) => {
      const event = await createRetentionEvent(documentedGateway(documented), {
        displayName: body.displayName,
        eventTypeId: 't',
        filesQuery: 'ComplianceAssetId:1'
      });
      expect(retentionEventFacts([event])).toEqual([
        {
          id: body.id,
          displayName: body.displayName,
          assetIds: [],
          triggeredAt: body.eventTriggerDateTime,
          createdAt: body.createdDateTime
        }
      ]);
    }
  },
  {
    operation: 'listRetentionEvents -> the events that start retention',
    page: 'security-retentionevent-list',
    read: async (documented, body) => {
      const shown = body.value[0];
      expect(retentionEventFacts(await listRetentionEvents(documentedGateway(documented)))).toEqual([
        {
          id: shown.id,
          displayName: shown.displayName,
          assetIds: [],
          triggeredAt: shown.eventTriggerDateTime,
          createdAt: shown.createdDateTime
        }
      ]);
    }
  },
  {
    operation: '(parser only) a retention event read by id',
    page: 'security-retentionevent-get',
    read: (_documented, body) => {
      expect(retentionEventFacts([body]).map((fact) => fact.id)).toEqual([body.value.id]);
      return Promise.resolve();
    }
  },
  {
    operation: 'listRetentionEventTypes',
    page: 'security-retentioneventtype-list',
    read: async (documented, body) => {
      const types = await listRetentionEventTypes(documentedGateway(documented));
      expect(types.map((t) => [t.id, t.displayName])).toEqual([[body.value[0].id, body.value[0].displayName]]);
    }
  },
  {
    operation: 'setRetentionLabel -> the item label and record state',
    page: 'driveitem-setretentionlabel',
    read: async (documented, body) => {
      const label = await setRetentionLabel(documentedGateway(documented), ref, body.name);
      expect(label.name).toBe(body.name);
      expect(recordStateFromLabel(label)).toEqual({
        behavior: body.retentionSettings.behaviorDuringRetentionPeriod,
        isLocked: body.retentionSettings.isRecordLocked
      });
    }
  },
  {
    operation: 'setRecordLocked -> the lock',
    page: 'driveitem-lockorunlockrecord',
    read: async (documented, body) => {
      const label: ItemRetentionLabel = await setRecordLocked(documentedGateway(documented), ref, true);
      expect(recordStateFromLabel(label).isLocked).toBe(body.retentionSettings.isRecordLocked);
    }
  },
  {
    operation: 'removeRetentionLabel (204, no body)',
    page: 'driveitem-removeretentionlabel',
    read: async (documented) => {
      await expect(removeRetentionLabel(documentedGateway(documented), ref)).resolves.toBeUndefined();
    }
  },
  {
    operation: 'assignSensitivityLabel (202 and a monitor URL)',
    page: 'driveitem-assignsensitivitylabel',
    read: async (documented) => {
      // The call itself: the operation's queue for the metered API's tenant limit is not what is checked here.
      const call = assignSensitivityLabelCall(ref, { sensitivityLabelId: 'x' } as never);
      await expect(documentedGateway(documented).call(call)).resolves.toBe(documented.response.headers?.Location);
    }
  },
  {
    operation: 'extractSensitivityLabels',
    page: 'driveitem-extractsensitivitylabels',
    read: async (documented, body) => {
      const labels = await extractSensitivityLabels(documentedGateway(documented), ref);
      expect(labels).toEqual(body.value.labels);
    }
  },
  {
    operation: 'getDriveItem',
    page: 'driveitem-get',
    read: async (documented, body) => {
      expect(await getDriveItem(documentedGateway(documented), ref)).toMatchObject({
        id: body.id,
        name: body.name,
        eTag: body.eTag,
        webUrl: body.webUrl
      });
    }
  },
  {
    operation: 'createListColumn',
    page: 'list-post-columns',
    read: async (documented, body) => {
      expect(await createListColumn(documentedGateway(documented), list, { name: body.name })).toMatchObject({
        id: body.id,
        name: body.name
      });
    }
  },
  {
    operation: 'listListItems (and findListItems, same collection)',
    page: 'listitem-list',
    read: async (documented, body) => {
      const items: unknown[] = [];
      for await (const page of listListItems(documentedGateway(documented), list)) items.push(...page.items);
      expect(items).toEqual(body.value);
    }
  },
  {
    operation: 'getMessage -> the fields an email is filed with',
    page: 'message-get',
    read: async (documented, body) => {
      expect(await getMessage(documentedGateway(documented), body.id)).toMatchObject({
        internetMessageId: body.internetMessageId,
        conversationId: body.conversationId,
        subject: body.subject,
        sentDateTime: body.sentDateTime
      });
    }
  },
  {
    operation: 'listSensitivityLabels -> the classification options',
    page: 'tenantdatasecurityandgovernance-list-sensitivitylabels',
    read: async (documented, body) => {
      const options = sensitivityOptionsFromGraph((await listSensitivityLabels(documentedGateway(documented))) as SensitivityLabel[]);
      expect(options).toEqual([
        { id: body.value[0].id, name: body.value[0].name, description: body.value[0].description, rank: body.value[0].priority }
      ]);
    }
  },
  {
    operation: 'listEdiscoveryCases',
    page: 'security-casesroot-list-ediscoverycases',
    read: async (documented, body) => {
      const cases = await listEdiscoveryCases(documentedGateway(documented));
      expect(cases.map((c) => [c.id, c.displayName, c.status])).toEqual(body.value.map((c: Json) => [c.id, c.displayName, c.status]));
    }
  },
  {
    operation: 'listLegalHolds',
    page: 'security-ediscoverycase-list-legalholds',
    read: async (documented, body) => {
      const holds = await listLegalHolds(documentedGateway(documented), 'case');
      const modelled = (h: Json): unknown => [h.id, h.displayName, h.contentQuery, h.isEnabled, h.status, h.errors];
      expect(holds.map(modelled)).toEqual(body.value.map(modelled));
    }
  },
  {
    operation: 'listLegalHoldSiteSources',
    page: 'security-ediscoveryholdpolicy-list-sitesources',
    read: async (documented, body) => {
      const sources = await listLegalHoldSiteSources(documentedGateway(documented), 'case', 'hold');
      expect(sources.map((s) => [s.id, s.site?.webUrl])).toEqual(body.value.map((s: Json) => [s.id, s.site.webUrl]));
    }
  }
];

/** Operations the core sends whose answer is not fed through here, each with why. */
const skipped: { operation: string; why: string }[] = [
  { operation: 'deleteListItem', why: '204 without a body: nothing to read (listitem-delete).' },
  {
    operation: 'runBatch ($batch)',
    why: "json-batching's example is fed through the batch transport in test/core/graph/batchAndPaging.test.ts, not through a stub gateway."
  },
  {
    operation:
      'getListComplianceTag, setListComplianceTag, getAvailableTagsForSite, setComplianceTagOnBulkItems, lockRecordItem, unlockRecordItem',
    why: 'SharePoint REST (SP.CompliancePolicy.SPPolicyStoreProxy) has no documented example response; the fixtures hold what CLI for Microsoft 365 records.'
  },
  {
    operation: 'validateUpdateListItem, list default sensitivity label',
    why: 'SharePoint REST: the pages show the request, no response example.'
  },
  {
    operation:
      'getDriveItemByPath, getDriveItemText, getListItem, getListItemDriveItem, getListItemRetentionLabel, listItemsDelta, updateListItemFields, getSharePointIds, createListItem, createList, getList, getListDrive, listSiteLists, findListByName, getSite, getSiteByUrl, searchSites, getSignedInUser, getDriveItemBySharingUrl, listNewestMessages, getMessageMime, setMessageCategories, uploadSmallFile, createUploadSession, createRetentionEventType, createFilePlanDescriptorTemplate, listFilePlanDescriptorTemplates, getRetentionLabel (driveItem), waitForOperation',
    why: 'Their pages have examples that are not captured as fixtures yet (issue #14); their answers are read as @microsoft/microsoft-graph-types without a parser of the core.'
  }
];

describe('the core reads every documented example response of the operations it sends', () => {
  let read = 0;
  afterAll(() => {
    process.stdout.write(`documented responses read: ${read} of ${operations.length}\n`);
    for (const skip of skipped) process.stdout.write(`  skipped: ${skip.operation}: ${skip.why}\n`);
  });

  it.each(operations)('$operation reads $page as documented', async ({ page, read: readIt }) => {
    const documented = fixture(page);
    expect(documented.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    await readIt(documented, documented.response.body as Json);
    read++;
  });
});
