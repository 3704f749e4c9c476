import { errors } from '../errors';
import { type Ctx, type Reply } from '../http/context';
import { listsOfSite } from '../store/sites';
import { spEntity } from './format';
import { siteGroupIds } from './siteUsers';

import { site, select, expanded, changeToken, noGuid } from './restShared';
import { listMore, listEntity } from './listEntity';

// `SP.Web` as SharePoint REST returns it (`_api/web`), and the web's default document library.

/**
 * `_api/web`: the properties SharePoint Online returns by default, in the set CLI for Microsoft 365's `spo web get`
 * example shows (docs/cmd/spo/web/web-get.mdx), from the store where it has them and otherwise those of a new team
 * site. `$expand=AssociatedOwnerGroup,AssociatedMemberGroup,AssociatedVisitorGroup` (`spo web get --withGroups`)
 * adds the site's three groups.
 */
export function web(ctx: Ctx): Reply {
  const s = site(ctx);
  const db = ctx.tenant.db;
  const [, , webId] = s.id.split(',');
  const expand = expanded(ctx, ['AssociatedOwnerGroup', 'AssociatedMemberGroup', 'AssociatedVisitorGroup']);
  const last = db
    .prepare('SELECT MAX(i.modified) AS modified, MAX(i.seq) AS seq FROM items i JOIN lists l ON l.id = i.list_id WHERE l.site_id = ?')
    .get(s.id) as { modified: string | null; seq: number | null };
  const modified = last.modified ?? s.created;
  const out: Record<string, unknown> = {};
  const group = (kind: 'Owners' | 'Members' | 'Visitors', id: number): Record<string, unknown> => ({
    Id: id,
    IsHiddenInUI: false,
    LoginName: `${s.display_name} ${kind}`,
    Title: `${s.display_name} ${kind}`,
    PrincipalType: 8,
    AllowMembersEditMembership: kind === 'Members',
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: null,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: `${s.display_name} Owners`,
    RequestToJoinLeaveEmailSetting: ''
  });
  if (expand.has('associatedmembergroup')) out.AssociatedMemberGroup = group('Members', siteGroupIds.members);
  if (expand.has('associatedownergroup')) out.AssociatedOwnerGroup = group('Owners', siteGroupIds.owners);
  if (expand.has('associatedvisitorgroup')) out.AssociatedVisitorGroup = group('Visitors', siteGroupIds.visitors);
  const url = `${ctx.origin}${s.path === '/' ? '' : s.path}`;
  Object.assign(out, {
    AllowRssFeeds: true,
    AlternateCssUrl: '',
    AppInstanceId: noGuid,
    ClassicWelcomePage: null,
    Configuration: 0,
    Created: s.created,
    CurrentChangeToken: changeToken(2, webId, modified, last.seq ?? 0),
    CustomMasterUrl: `${s.path === '/' ? '' : s.path}/_catalogs/masterpage/seattle.master`,
    Description: s.description,
    DesignPackageId: noGuid,
    DocumentLibraryCalloutOfficeWebAppPreviewersDisabled: false,
    EnableMinimalDownload: false,
    FooterEmphasis: 0,
    FooterEnabled: false,
    FooterLayout: 0,
    HeaderEmphasis: 0,
    HeaderLayout: 0,
    HideTitleInHeader: false,
    HorizontalQuickLaunch: false,
    Id: webId,
    IsEduClass: false,
    IsEduClassProvisionChecked: false,
    IsEduClassProvisionPending: false,
    IsHomepageModernized: false,
    IsMultilingual: false,
    IsRevertHomepageLinkHidden: false,
    Language: 1033,
    LastItemModifiedDate: modified,
    LastItemUserModifiedDate: modified,
    LogoAlignment: 0,
    MasterUrl: `${s.path === '/' ? '' : s.path}/_catalogs/masterpage/seattle.master`,
    MegaMenuEnabled: false,
    NavAudienceTargetingEnabled: false,
    NoCrawl: false,
    ObjectCacheEnabled: false,
    OverwriteTranslationsOnChange: false,
    ResourcePath: { DecodedUrl: url },
    QuickLaunchEnabled: true,
    RecycleBinEnabled: true,
    SearchScope: 0,
    ServerRelativeUrl: s.path,
    SiteLogoUrl: null,
    SyndicationEnabled: true,
    TenantAdminMembersCanShare: 0,
    Title: s.display_name,
    TreeViewEnabled: false,
    UIVersion: 15,
    UIVersionConfigurationEnabled: false,
    Url: url,
    // A team site not connected to a group; the dev tenant has no Microsoft 365 groups.
    WebTemplate: 'STS',
    WelcomePage: 'SitePages/Home.aspx'
  });
  return spEntity(ctx, 'SP.Web', select(ctx, out, { HasUniqueRoleAssignments: false }));
}

/** `_api/web/DefaultDocumentLibrary` (`spo list get --default`): the library Graph calls the site's drive. */
export function defaultDocumentLibrary(ctx: Ctx): Reply {
  const s = site(ctx);
  const libraries = listsOfSite(ctx.tenant.db, s.id).filter((l) => l.template === 'documentLibrary');
  const list = libraries.find((l) => l.url_name === 'Shared Documents') ?? libraries[0];
  if (!list) throw errors.notFound(`The site '${s.path}' has no document library.`);
  return spEntity(ctx, 'SP.List', select(ctx, listEntity(ctx, s, list), listMore));
}
