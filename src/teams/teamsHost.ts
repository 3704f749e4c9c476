/** What the tab learns from its host: Teams, or a plain browser tab in demo mode. */
export interface TeamsHost {
  inTeams: boolean;
  /** "default", "dark" or "contrast"; undefined outside Teams. */
  theme?: string;
  /** The Teams user's login hint, used to sign in silently. */
  loginHint?: string;
  /** Set when Teams opened the tab through a deep link to an item (subPageId). */
  subPageId?: string;
  /** The SharePoint host of the team's site (`contoso.sharepoint.com`), when Teams says. */
  sharePointDomain?: string;
  /** Follows theme changes the user makes while the tab is open. */
  onThemeChange(handler: (theme: string) => void): void;
  /** Shares a deep link to a part of the tab (an item); Teams only. */
  shareDeepLink?(subPageId: string, label: string): void;
  /** On the configuration page: lets Teams save the tab with this content page; Teams only. */
  enableConfigSave?(config: { entityId: string; contentUrl: string; suggestedDisplayName: string }): void;
}

const demoHost: TeamsHost = { inTeams: false, onThemeChange: () => undefined };

/**
 * Teams always hosts a tab in a frame, so a top-level page is in demo mode without loading teams-js at all:
 * importing it starts a fetch of its origin list from Microsoft's CDN, which a local demo must not need.
 * Inside a frame, `app.initialize()` settles quickly outside Teams ("No Parent window found"); `getContext()`
 * is only awaited after it succeeded, because otherwise it never settles (toolchain.md).
 */
export async function connectToTeams(window: Window): Promise<TeamsHost> {
  if (window.self === window.top) return demoHost;
  const { app, pages } = await import('@microsoft/teams-js');
  try {
    await app.initialize();
  } catch {
    return demoHost;
  }
  const context = await app.getContext();
  return {
    inTeams: true,
    theme: context.app.theme,
    loginHint: context.user?.loginHint,
    subPageId: context.page.subPageId,
    sharePointDomain: context.sharePointSite?.teamSiteDomain,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    shareDeepLink: (subPageId, label) => pages.shareDeepLink({ subPageId, subPageLabel: label }),
    enableConfigSave(config) {
      pages.config.registerOnSaveHandler((event) => {
        pages.config
          .setConfig({ ...config, websiteUrl: config.contentUrl })
          .then(() => event.notifySuccess())
          .catch((e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)));
      });
      pages.config.setValidityState(true);
    }
  };
}
