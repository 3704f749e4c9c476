import * as React from 'react';
import { Caption1, Field, Select, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { createDevTenantTokenProvider } from '../core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../core/graph/createGraphGateway';
import { createSiteScope } from '../core/services/libraryPlan/siteScope';
import { createSharePoint } from '../core/sharepoint/createSharePoint';
import { AsyncView } from '../ui/common/AsyncView';
import { useAsync } from '../ui/common/useAsync';
import { FilePlanApp } from '../ui/filePlan/FilePlanApp';
import { composeFilePlanServices, type FilePlanServices } from '../ui/filePlan/FilePlanServices';
import { findSites, type SiteSummary } from '../core/services/sites/findSites';
import { personaFromLocation, sitePathFromLocation, withQueryValue, workbenchPersonas, type WorkbenchPersona } from './workbenchAddress';

const useStyles = makeStyles({
  chrome: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2
  },
  title: { display: 'flex', flexDirection: 'column' },
  // A picker is as wide as its longest option unless told otherwise: at 320 px that scrolled the page sideways.
  picker: { minWidth: 0, maxWidth: '100%' }
});

/** Where Custodian keeps its lists in the dev tenant: its Records Centre site. */
const recordsSitePath = '/sites/records';

/**
 * The web part's app on the dev tenant for the site chosen from the dev tenant's sites, signed in as the persona
 * chosen (the site owner, Sam Okafor, unless the records manager is chosen: importing a file plan creates labels,
 * which a site owner may not). Both are kept in the address, so a reload stays on them.
 */
export function WorkbenchRoot({ origin }: { origin: string }): React.ReactElement {
  const styles = useStyles();
  const [sitePath, setSitePath] = React.useState(() => sitePathFromLocation(window.location.search));
  const [persona, setPersona] = React.useState(() => personaFromLocation(window.location.search));
  const connection = React.useMemo(() => {
    const tokens = createDevTenantTokenProvider({ url: origin, persona });
    return { tokens, graph: createGraphGateway({ tokens, baseUrl: origin }) };
  }, [origin, persona]);
  const [sites, reloadSites] = useAsync(
    async (signal) => siteChoices(await findSites(connection.graph, '*', { signal }), origin),
    [connection, origin]
  );
  const siteUrl = `${origin}${sitePath === '/' ? '' : sitePath}`;
  const services = React.useMemo((): FilePlanServices => {
    const scope = createSiteScope({
      graph: connection.graph,
      site: createSharePoint(siteUrl, {
        tokens: connection.tokens,
        governor: connection.graph.governor,
        timing: connection.graph.timing
      }),
      recordsSiteUrl: `${origin}${recordsSitePath}`
    });
    return composeFilePlanServices(scope);
  }, [connection, origin, siteUrl]);

  const choose = (path: string): void => {
    setSitePath(path);
    window.history.replaceState(null, '', withQueryValue(window.location.href, 'site', path));
  };
  const signInAs = (next: WorkbenchPersona): void => {
    setPersona(next);
    window.history.replaceState(null, '', withQueryValue(window.location.href, 'as', next));
  };

  return (
    <>
      <header className={styles.chrome}>
        <div className={styles.title}>
          <Subtitle1 as="h1">Local workbench</Subtitle1>
          <Caption1>Dev tenant on this origin, signed in as a demo persona.</Caption1>
        </div>
        <Field label="Signed in as" className={styles.picker}>
          <Select className={styles.picker} value={persona} onChange={(_e, data) => signInAs(data.value as WorkbenchPersona)}>
            {workbenchPersonas.map((p) => (
              <option key={p.persona} value={p.persona}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <AsyncView
          state={sites}
          loadingLabel="Reading the dev tenant's sites"
          errorWhat="Custodian couldn't list the dev tenant's sites."
          onRetry={reloadSites}
        >
          {(list) => <SitePicker options={list} value={sitePath} onChange={choose} className={styles.picker} />}
        </AsyncView>
      </header>
      <main>
        <FilePlanApp key={`${persona} ${siteUrl}`} siteUrl={siteUrl} recordsSiteUrl={`${origin}${recordsSitePath}`} services={services} />
      </main>
    </>
  );
}

interface SiteChoice {
  path: string;
  name: string;
}

/** The dev tenant's sites on this origin, by name, as the picker offers them. */
function siteChoices(sites: readonly SiteSummary[], origin: string): SiteChoice[] {
  return sites.map((site) => ({ path: pathOf(site.webUrl, origin), name: site.name })).filter((o): o is SiteChoice => o.path !== undefined);
}

function SitePicker({
  options,
  value,
  onChange,
  className
}: {
  options: SiteChoice[];
  value: string;
  onChange: (path: string) => void;
  className: string;
}): React.ReactElement {
  return (
    <Field label="Site" className={className}>
      <Select className={className} value={value} onChange={(_e, data) => onChange(data.value)}>
        {options.some((o) => o.path === value) ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.path} value={o.path}>
            {o.name} ({o.path})
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The site's path on this origin, or undefined when its address is elsewhere. */
function pathOf(webUrl: string, origin: string): string | undefined {
  try {
    const url = new URL(webUrl);
    if (url.origin !== origin) return undefined;
    return decodeURIComponent(url.pathname.replace(/\/+$/, '')) || '/';
  } catch {
    return undefined;
  }
}
