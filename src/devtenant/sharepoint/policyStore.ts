import { errors, ServiceError } from '../errors';
import { type Ctx, jsonBody, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { type Doc, getEntityByName, listEntities } from '../store/entities';
import { getItemByNum, type ItemMeta, itemsOfList, updateItem } from '../store/items';
import type { ListRow } from '../store/sites';
import { enforceRecordAction, recordActionAllowed, startsLocked, takesDefaultLabel } from '../records';
import { resolveListUrl } from './lists';
import { isRecordBehaviorName } from './recordLabels';
import { spCollection, spEntity, spNull } from './format';

/**
 * `SP.CompliancePolicy.SPPolicyStoreProxy` (dotted, or underscored with a JSON body): the SharePoint side of
 * retention labels. Microsoft documents only SetComplianceTagOnBulkItems
 * (https://learn.microsoft.com/sharepoint/dev/apis/csom-methods-for-applying-retention-labels); the others
 * follow what CLI for Microsoft 365 and PnP send and expect.
 */

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;
const writeScopes = ['Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;
export const maxBulkItems = 100;

const retentionBasis: Record<string, string> = {
  dateCreated: 'CreationAgeInDays',
  dateModified: 'ModificationAgeInDays',
  dateLabeled: 'TaggedAgeInDays',
  dateOfEvent: 'EventAgeInDays'
};

/** `SP.CompliancePolicy.ComplianceTag` from a retention label. */
export function complianceTag(label: Doc): Record<string, unknown> {
  const behavior = String(label.behaviorDuringRetentionPeriod);
  const isRecord = behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord';
  const duration = label.retentionDuration as { days?: number };
  const stages = (label.dispositionReviewStages ?? []) as { reviewersEmailAddresses: string[] }[];
  return {
    AcceptMessagesOnlyFromSendersOrMembers: false,
    AccessType: null,
    AllowAccessFromUnmanagedDevice: null,
    AutoDelete: label.actionAfterRetentionPeriod === 'delete',
    BlockDelete: behavior !== 'doNotRetain',
    BlockEdit: isRecord,
    ComplianceFlags: isRecord ? 1 : 0,
    ContainsSiteLabel: false,
    DisplayName: '',
    EncryptionRMSTemplateId: null,
    HasRetentionAction: true,
    IsEventTag: label.retentionTrigger === 'dateOfEvent',
    MultiStageReviewerEmail: stages.length > 1 ? stages.map((s) => s.reviewersEmailAddresses.join(';')).join('|') : null,
    NextStageComplianceTag: label.labelToBeApplied || null,
    Notes: label.descriptionForUsers ?? null,
    RequireSenderAuthenticationEnabled: false,
    ReviewerEmail: stages.length ? stages[0].reviewersEmailAddresses.join(';') : null,
    SharingCapabilities: null,
    SuperLock: behavior === 'retainAsRegulatoryRecord',
    TagDuration: duration.days ?? -1,
    TagId: label.id,
    TagName: label.displayName,
    TagRetentionBasedOn: retentionBasis[String(label.retentionTrigger)] ?? null,
    UnlockedAsDefault: label.defaultRecordBehavior === 'startUnlocked'
  };
}

/** Arguments from the function segment or, for POSTs, from the JSON body. */
function args(ctx: Ctx): Record<string, unknown> {
  const fromBody = ctx.method === 'POST' && ctx.body.length ? jsonBody(ctx) : {};
  return { ...(ctx.callArgs ?? {}), ...fromBody };
}

function str(a: Record<string, unknown>, key: string, allowEmpty = false): string {
  const v = a[key];
  if (typeof v !== 'string' || (!allowEmpty && v === '')) throw errors.badRequest(`The parameter '${key}' is required.`);
  return v;
}

function unknownTag(value: string, kind: 'list' | 'bulk'): ServiceError {
  return kind === 'list'
    ? new ServiceError({
        status: 400,
        code: 'invalidRequest',
        message: `Can not find compliance tag with value: ${value}. SiteSubscriptionId: 00000000-0000-0000-0000-000000000000`,
        spCode: '-1, Microsoft.SharePoint.Client.InvalidOperationException'
      })
    : new ServiceError({
        status: 400,
        code: 'invalidRequest',
        message: `Cannot find retention label with name: ${value}`,
        spCode: '-1, System.NotSupportedException'
      });
}

function getAvailableTags(ctx: Ctx): Reply {
  const a = args(ctx);
  if (a.siteUrl !== undefined && typeof a.siteUrl !== 'string') throw errors.badRequest("The parameter 'siteUrl' must be a URL.");
  return spCollection(ctx, 'SP.CompliancePolicy.ComplianceTag', {
    value: listEntities(ctx.tenant.db, 'retentionLabel').map(complianceTag)
  });
}

function getListTag(ctx: Ctx): Reply {
  const list = resolveListUrl(ctx, str(args(ctx), 'listUrl'));
  if (!list.default_label) return spNull(ctx);
  const label = getEntityByName(ctx.tenant.db, 'retentionLabel', list.default_label);
  return label ? spEntity(ctx, 'SP.CompliancePolicy.ComplianceTag', complianceTag(label)) : spNull(ctx);
}

/** Applies (or with `""` clears) a label on one item, as a label change the record rules must allow. */
function tagItem(ctx: Ctx, item: ItemMeta, label: Doc | undefined): void {
  const name = label ? String(label.displayName) : null;
  if ((item.label ?? null) === name) return;
  enforceRecordAction(ctx.tenant.db, item, name === null ? 'removeLabel' : 'relabel', ctx.principal);
  updateItem(ctx.tenant.db, item.id, {
    label: name,
    label_at: name ? ctx.tenant.clock.nowIso() : null,
    label_by: name ? requirePrincipal(ctx).userId : null,
    label_explicit: name ? 1 : 0,
    locked: startsLocked(ctx.tenant.db, name) ? 1 : 0,
    unlocked_once: 0,
    event_at: null,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq()
  });
}

function setListTag(ctx: Ctx): Reply {
  const a = args(ctx);
  const list = resolveListUrl(ctx, str(a, 'listUrl'));
  const value = str(a, 'complianceTagValue', true);
  for (const k of ['blockDelete', 'blockEdit', 'syncToItems'])
    if (a[k] !== undefined && typeof a[k] !== 'boolean') throw errors.badRequest(`The parameter '${k}' must be true or false.`);
  const label = value === '' ? undefined : getEntityByName(ctx.tenant.db, 'retentionLabel', value);
  if (value !== '' && !label) throw unknownTag(value, 'list');
  ctx.tenant.db.prepare('UPDATE lists SET default_label = ? WHERE id = ?').run(label ? String(label.displayName) : null, list.id);
  if (a.syncToItems === true && label) {
    // Unlabelled items, and those whose label came from a default and is not a record label, take the new default.
    for (const item of itemsOfList(ctx.tenant.db, list.id)) {
      if (!takesDefaultLabel(ctx.tenant.db, item) || !recordActionAllowed(ctx.tenant.db, item, 'relabel', ctx.principal)) continue;
      tagItem(ctx, item, label);
      updateItem(ctx.tenant.db, item.id, { label_explicit: 0 });
    }
  }
  return { status: 204 };
}

/** Up to 100 item ids; answers the ids that could not be labelled (missing, or refused by the record rules). */
function setBulk(ctx: Ctx): Reply {
  const a = args(ctx);
  const list: ListRow = resolveListUrl(ctx, str(a, 'listUrl'));
  const value = str(a, 'complianceTagValue', true);
  const ids = a.itemIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'number' || !Number.isInteger(i)))
    throw errors.badRequest("The parameter 'itemIds' must be a non-empty array of item ids.");
  if (ids.length > maxBulkItems) throw errors.badRequest(`At most ${maxBulkItems} items can be labelled in one call; got ${ids.length}.`);
  const label = value === '' ? undefined : getEntityByName(ctx.tenant.db, 'retentionLabel', value);
  if (value !== '' && !label) throw unknownTag(value, 'bulk');
  const failed: number[] = [];
  for (const id of ids as number[]) {
    const item = getItemByNum(ctx.tenant.db, list.id, id);
    if (!item) {
      failed.push(id);
      continue;
    }
    try {
      ctx.tenant.db.transaction(() => tagItem(ctx, item, label))();
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      failed.push(id);
    }
  }
  return spCollection(ctx, 'Edm.Int32', { value: failed });
}

function lockOrUnlock(ctx: Ctx, lock: boolean): Reply {
  const a = args(ctx);
  const list = resolveListUrl(ctx, str(a, 'listUrl'));
  const raw = a.itemId;
  const num = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(num)) throw errors.badRequest("The parameter 'itemId' must be an item id.");
  const item = getItemByNum(ctx.tenant.db, list.id, num);
  if (!item) throw errors.badRequest('Item does not exist. It may have been deleted by another user.');
  if (!item.label || !isRecordBehaviorName(ctx, item.label))
    throw new ServiceError({
      status: 400,
      code: 'invalidRequest',
      message: 'The item is not a record.',
      spCode: '-1, Microsoft.SharePoint.Client.InvalidOperationException'
    });
  if ((item.locked === 1) !== lock) {
    enforceRecordAction(ctx.tenant.db, item, lock ? 'lock' : 'unlock', ctx.principal);
    updateItem(ctx.tenant.db, item.id, {
      locked: lock ? 1 : 0,
      unlocked_once: lock ? item.unlocked_once : 1,
      version: item.version + 1,
      seq: ctx.tenant.nextSeq()
    });
  }
  return { status: 204 };
}

const methods: Record<string, { verbs: ('GET' | 'POST')[]; write: boolean; run: (ctx: Ctx) => Reply }> = {
  getavailabletagsforsite: { verbs: ['GET', 'POST'], write: false, run: getAvailableTags },
  getlistcompliancetag: { verbs: ['GET', 'POST'], write: false, run: getListTag },
  setlistcompliancetag: { verbs: ['POST'], write: true, run: setListTag },
  setcompliancetagonbulkitems: { verbs: ['POST'], write: true, run: setBulk },
  lockrecorditem: { verbs: ['POST'], write: true, run: (ctx) => lockOrUnlock(ctx, true) },
  unlockrecorditem: { verbs: ['POST'], write: true, run: (ctx) => lockOrUnlock(ctx, false) }
};

function run(ctx: Ctx, p: Record<string, string>): Reply {
  const m = methods[p.method.toLowerCase()];
  if (!m || !m.verbs.includes(ctx.method as 'GET' | 'POST'))
    throw errors.notImplemented(`SP.CompliancePolicy.SPPolicyStoreProxy.${p.method} (${ctx.method})`);
  if (m.write && !writeScopes.some((s) => requirePrincipal(ctx).scopes.has(s))) throw errors.missingScope(writeScopes);
  return m.run(ctx);
}

export const policyStoreRoutes: readonly Route[] = [
  { pattern: 'policyStore/{method}', ops: { GET: { scopes: readScopes, run }, POST: { scopes: readScopes, run } } }
];
