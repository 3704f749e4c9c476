import { errors } from '../errors';
import { type Ctx } from '../http/context';
import { type ListRow, listServerRelativeUrl, type SiteRow } from '../store/sites';

import { rootFolder, expanded, changeToken, noGuid } from './restShared';

// `SP.List` as SharePoint REST returns it (`_api/web/lists(...)`), with what `$select` and `$expand` ask for.

/** List properties SharePoint returns only when `$select` names them. */
export const listMore: Record<string, unknown> = { HasUniqueRoleAssignments: false };

/**
 * `$expand` on a list. `spo list get --withPermissions` sends
 * `$expand=HasUniqueRoleAssignments,RoleAssignments/Member,RoleAssignments/RoleDefinitionBindings,VersionPolicies`;
 * SharePoint accepts `HasUniqueRoleAssignments` there (a plain property, which `$expand` leaves as it is), and the
 * dev tenant keeps no permissions, so role assignments are a 501 rather than an empty answer.
 */
export function listExpand(ctx: Ctx): Set<string> {
  const names = (ctx.query.get('$expand') ?? '').split(',').map((n) => n.trim().toLowerCase());
  if (names.some((n) => n === 'roleassignments' || n.startsWith('roleassignments/')))
    throw errors.notImplemented('the role assignments of a list ($expand=RoleAssignments): the dev tenant keeps no permissions');
  return expanded(ctx, ['RootFolder', 'VersionPolicies', 'HasUniqueRoleAssignments']);
}

/**
 * A list as `_api/web/lists(...)` answers it: the properties SharePoint Online returns by default (the set and
 * order of CLI for Microsoft 365's `spo list get` response example, docs/cmd/spo/list/list-get.mdx, which its
 * `spo list list` prints too), with values from the store where it has them and otherwise those of a new list or
 * library. `RootFolder` and `VersionPolicies` come when expanded.
 */
export function listEntity(ctx: Ctx, s: SiteRow, list: ListRow, expand = listExpand(ctx)): Record<string, unknown> {
  const db = ctx.tenant.db;
  const stats = db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS seq FROM items WHERE list_id = ? AND deleted = 0').get(list.id) as {
    n: number;
    seq: number | null;
  };
  const isLib = list.template === 'documentLibrary';
  const entityTypeName = entityTypeOf(list);
  const image = isLib ? '/_layouts/15/images/itdl.png?rev=47' : '/_layouts/15/images/itgen.png?rev=47';
  const out: Record<string, unknown> = {};
  if (expand.has('versionpolicies')) {
    // SP.VersionPolicyManager; 0 is DefaultTrimModeType.NoExpiration (count limits only), as the CLI's example shows.
    out.VersionPolicies = { DefaultExpireAfterDays: 0, DefaultTrimMode: 0 };
  }
  if (expand.has('rootfolder')) out.RootFolder = rootFolder(ctx, s, list);
  if (expand.has('hasuniqueroleassignments')) Object.assign(out, listMore);
  Object.assign(out, {
    AllowContentTypes: true,
    BaseTemplate: isLib ? 101 : 100,
    BaseType: isLib ? 1 : 0,
    ContentTypesEnabled: false,
    CrawlNonDefaultViews: false,
    Created: list.created,
    CurrentChangeToken: changeToken(3, list.id, list.modified, stats.seq ?? 0),
    DefaultContentApprovalWorkflowId: noGuid,
    DefaultItemOpenUseListSetting: false,
    Description: list.description,
    Direction: 'none',
    DisableCommenting: false,
    DisableGridEditing: false,
    DocumentTemplateUrl: isLib ? `${listServerRelativeUrl(s, list)}/Forms/template.dotx` : null,
    DraftVersionVisibility: 0,
    EnableAttachments: !isLib,
    EnableFolderCreation: isLib,
    EnableMinorVersions: false,
    EnableModeration: false,
    EnableRequestSignOff: true,
    EnableVersioning: true,
    EntityTypeName: entityTypeName,
    ExemptFromBlockDownloadOfNonViewableFiles: false,
    FileSavePostProcessingEnabled: false,
    ForceCheckout: false,
    HasExternalDataSource: false,
    Hidden: false,
    Id: list.id,
    ImagePath: { DecodedUrl: image },
    ImageUrl: image,
    DefaultSensitivityLabelForLibrary: list.default_sens_label ?? '',
    IrmEnabled: false,
    IrmExpire: false,
    IrmReject: false,
    IsApplicationList: false,
    IsCatalog: false,
    IsPrivate: false,
    ItemCount: stats.n,
    LastItemDeletedDate: list.created,
    LastItemModifiedDate: list.modified,
    LastItemUserModifiedDate: list.modified,
    ListExperienceOptions: 0,
    ListItemEntityTypeFullName: `SP.Data.${entityTypeName}Item`,
    // SharePoint Online's defaults: 500 major versions in a library, 50 in a list.
    MajorVersionLimit: isLib ? 500 : 50,
    MajorWithMinorVersionsLimit: 0,
    MultipleDataList: false,
    NoCrawl: false,
    ParentWebPath: { DecodedUrl: s.path },
    ParentWebUrl: s.path,
    ParserDisabled: false,
    ServerTemplateCanCreateFolders: true,
    // The features that define the two list templates (DocumentLibrary, GenericList).
    TemplateFeatureId: isLib ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
    Title: list.display_name
  });
  return out;
}

/** A library's entity type is its URL name; a list's gets `List` after it (`TestList`, `SP.Data.TestListItem`). */
export function entityTypeOf(list: ListRow): string {
  return list.url_name.replace(/_/g, '_x005f_').replace(/\s/g, '_x0020_') + (list.template === 'documentLibrary' ? '' : 'List');
}
