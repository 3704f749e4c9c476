import type { GraphGateway } from '../../graph/GraphGateway';

/** What opening and filing a message need, bound once by the composition root. */
export interface FileEmailDeps {
  graph: GraphGateway;
  /** The records site's URL (`https://contoso.sharepoint.com/sites/records`), where the library plans are kept. */
  recordsSiteUrl: () => Promise<string>;
}
