import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { descriptorCollections, type DescriptorKind, type DescriptorTemplate } from './filePlanDescriptorCollections';

/**
 * Adds a value to one file plan descriptor: `POST /security/labels/{collection}` `{ displayName }`
 * (security-labelsroot-post-*). Permission (least privileged): RecordsManagement.ReadWrite.All.
 */
export function createFilePlanDescriptorTemplateCall(kind: DescriptorKind, displayName: string): GraphCall<DescriptorTemplate> {
  return {
    method: 'POST',
    url: `/security/labels/${descriptorCollections[kind]}`,
    body: { displayName },
    action: `create the ${kind} '${displayName}' in the file plan`
  };
}

export function createFilePlanDescriptorTemplate(
  gateway: GraphGateway,
  kind: DescriptorKind,
  displayName: string,
  options?: CallOptions
): Promise<DescriptorTemplate> {
  return gateway.call(createFilePlanDescriptorTemplateCall(kind, displayName), options);
}
