import { filePlanCsvToGraphCreateBodies } from '../../domain/filePlanCsvToGraphCreateBodies';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { createFilePlanDescriptorTemplate } from '../../graph/retentionLabels/createFilePlanDescriptorTemplate';
import { createRetentionLabel } from '../../graph/retentionLabels/createRetentionLabel';
import { createRetentionEventType } from '../../graph/retentionEvents/createRetentionEventType';
import type { FilePlanTenantFacts } from '../../domain/validateFilePlanRow';
import { descriptorCollections } from '../../graph/retentionLabels/filePlanDescriptorCollections';
import { CustodianError } from '../../http/CustodianError';
import { refusalError } from '../declareRecord/refusalError';
import type { ImportCheck } from './checkFilePlanImport';
import { notAllowedToCreate, type NotAllowedToCreate } from './labelCreationRights';
import { readGraphTemplateIds, readTenantFacts } from './importTenantFacts';

export interface ImportLabelsRequest {
  /** The file's check, which must be `ok`. */
  check: ImportCheck;
  /** The same file's bytes: checked again, as the tenant may have changed since. */
  bytes: Uint8Array;
}

export interface ImportLabelsOptions extends CallOptions {
  /** Called with each label's name once Graph has created it. */
  onCreated?: (name: string) => void;
}

export type ImportOutcome =
  | { status: 'created'; created: string[] }
  | ({ status: 'notAllowed' } & NotAllowedToCreate)
  | {
      /** Some labels were created before Graph refused one: said exactly, never hidden. */
      status: 'partial';
      created: string[];
      failedLabel: string;
      error: unknown;
    };

const notAllowed: ImportOutcome = { status: 'notAllowed', ...notAllowedToCreate };

const isNotAllowed = (e: unknown): boolean => e instanceof CustodianError && (e.status === 401 || e.status === 403);

/**
 * Creates the labels of a checked file through Graph, in order, creating the event types and descriptor templates
 * they name that the tenant lacks first;
 * `notAllowed` when the account may not create anything. Permission: RecordsManagement.ReadWrite.All (delegated).
 */
export async function importFilePlanLabels(
  deps: { graph: GraphGateway },
  request: ImportLabelsRequest,
  options: ImportLabelsOptions = {}
): Promise<ImportOutcome> {
  const { graph } = deps;
  const { check, bytes } = request;
  if (!check.ok)
    throw refusalError({
      code: 'importHasErrors',
      what: `Custodian didn't import '${check.fileName}'.`,
      why: 'The file has errors.',
      whatToDo: 'Fix every error listed, then choose the file again.'
    });
  const signal = options.signal;
  const ids = await readGraphTemplateIds(graph, signal);
  // The event types are the tenant's, as listed: one the file names and the tenant lacks is created below.
  const facts = async (): Promise<FilePlanTenantFacts> => ({ ...(await readTenantFacts(graph, ids, signal)), eventTypes: undefined });
  let result = filePlanCsvToGraphCreateBodies(bytes, await facts(), ids);
  let createdSomething = false;
  if (!result.ok && result.validation.ok) {
    // Event types first, then descriptor templates, as the check listed them.
    for (const need of result.missing) {
      try {
        if (need.kind === 'eventType') {
          const created = await createRetentionEventType(graph, need.name, `Created by Custodian's import of '${check.fileName}'.`, {
            signal
          });
          ids.eventTypes = { ...ids.eventTypes, [need.name]: String(created.id) };
        } else {
          const created = await createFilePlanDescriptorTemplate(graph, need.kind, need.name, { signal });
          const table = descriptorCollections[need.kind];
          const current = (ids as Record<string, Record<string, string> | undefined>)[table] ?? {};
          (ids as Record<string, unknown>)[table] = { ...current, [need.name]: String(created.id) };
        }
        createdSomething = true;
      } catch (e) {
        if (!createdSomething && isNotAllowed(e)) return notAllowed;
        throw e;
      }
    }
    result = filePlanCsvToGraphCreateBodies(bytes, await facts(), ids);
  }
  if (!result.ok)
    throw refusalError({
      code: 'importChanged',
      what: `Custodian didn't import '${check.fileName}'.`,
      why: 'The tenant changed since the file was checked (a label with one of its names, or an event type, was added or removed).',
      whatToDo: 'Choose the file again to see what changed.'
    });
  const created: string[] = [];
  for (const { body } of result.bodies) {
    const name = String(body.displayName);
    try {
      await createRetentionLabel(graph, body, { signal });
    } catch (error) {
      if (!createdSomething && created.length === 0 && isNotAllowed(error)) return notAllowed;
      return { status: 'partial', created, failedLabel: name, error };
    }
    created.push(name);
    options.onCreated?.(name);
  }
  return { status: 'created', created };
}
