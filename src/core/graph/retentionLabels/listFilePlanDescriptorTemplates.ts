import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';
import { descriptorCollections, type DescriptorKind, type DescriptorTemplate } from './filePlanDescriptorCollections';

/**
 * The values of one file plan descriptor (departments, categories, ...): `GET /security/labels/{collection}`
 * (security-labelsroot-list-*), all pages. Permission (least privileged): RecordsManagement.Read.All.
 */
export function listFilePlanDescriptorTemplatesCall(kind: DescriptorKind): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/security/labels/${descriptorCollections[kind]}`,
    action: `read the file plan's ${descriptorCollections[kind]}`
  };
}

export function listFilePlanDescriptorTemplates(
  gateway: GraphGateway,
  kind: DescriptorKind,
  options?: CallOptions
): Promise<DescriptorTemplate[]> {
  return listAll<DescriptorTemplate>(gateway, listFilePlanDescriptorTemplatesCall(kind), options);
}
