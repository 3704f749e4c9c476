/// <reference types="office-js" />
import type { SensitivityOption } from '../../ui/declare/model';
import type { DraftLabelling, DraftSubject, HostAdapter } from './HostAdapter';
import { hostError, officeAsync, type OfficeAsyncResultLike } from './hostError';

type Callback<T> = (result: OfficeAsyncResultLike<T>) => void;

interface LabelDetailsLike {
  id: string;
  name: string;
  tooltip?: string;
  children?: LabelDetailsLike[] | null;
}

/** What the compose adapter needs from `Office.context`: injected so tests can pass mocks. */
export interface OutlookComposeDeps {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    sensitivityLabelsCatalog?: {
      getIsEnabledAsync(callback: Callback<boolean>): void;
      getAsync(callback: Callback<LabelDetailsLike[]>): void;
    };
    mailbox: { item?: unknown };
  };
}

interface CustomPropertiesLike {
  set(name: string, value: string): void;
  saveAsync(callback: Callback<void>): void;
}

interface ComposeItemLike {
  subject?: { getAsync(callback: Callback<string>): void };
  sensitivityLabel?: { getAsync(callback: Callback<string>): void; setAsync(label: string, callback: Callback<void>): void };
  loadCustomPropertiesAsync?(callback: Callback<CustomPropertiesLike>): void;
}

/** Where Custodian keeps the reason for a lowered classification on a draft (the add-in's custom properties). */
export const justificationProperty = 'CustodianSensitivityJustification';

/**
 * Flattens the catalog (parents with sublabels cannot be applied, so only their children are offered) in
 * the tenant's order, which runs from least to most sensitive: that order is each option's rank.
 */
export function flattenCatalog(catalog: readonly LabelDetailsLike[]): SensitivityOption[] {
  const options: SensitivityOption[] = [];
  const visit = (labels: readonly LabelDetailsLike[], parent?: string): void => {
    for (const label of labels) {
      const name = parent ? `${parent} / ${label.name}` : label.name;
      if (label.children && label.children.length > 0) visit(label.children, name);
      else options.push({ id: label.id, name, ...(label.tooltip ? { description: label.tooltip } : {}), rank: options.length });
    }
  };
  visit(catalog);
  return options;
}

/**
 * Outlook compose mode: the draft's sensitivity label through `item.sensitivityLabel` where Mailbox 1.13 is
 * supported and the catalog is enabled; elsewhere a clear note of why the pane cannot set it.
 */
export function createOutlookComposeHost(deps: OutlookComposeDeps): HostAdapter {
  const item = (): ComposeItemLike => {
    const current = deps.context.mailbox.item as ComposeItemLike | undefined;
    if (!current) {
      throw hostError({
        code: 'noDraft',
        what: 'There is no draft to classify.',
        why: 'Outlook has no message open for writing.',
        whatToDo: 'Open the message you are writing, then open Custodian again.'
      });
    }
    return current;
  };

  const labelling = async (draft: ComposeItemLike): Promise<DraftLabelling> => {
    if (!deps.context.requirements.isSetSupported('Mailbox', '1.13') || !deps.context.sensitivityLabelsCatalog || !draft.sensitivityLabel) {
      return {
        kind: 'unavailable',
        reason: 'This version of Outlook does not let add-ins set a sensitivity label (that needs the Mailbox 1.13 API set).',
        whatToDo:
          "Use Outlook's own Sensitivity button, or use Outlook on the web, the new Outlook, or classic Outlook for Windows 2304 or later."
      };
    }
    const catalog = deps.context.sensitivityLabelsCatalog;
    const enabled = await officeAsync<boolean>((done) => catalog.getIsEnabledAsync(done), 'check whether sensitivity labels are turned on');
    if (!enabled) {
      return {
        kind: 'unavailable',
        reason: 'Sensitivity labels are not turned on for your mailbox.',
        whatToDo: 'Ask your Microsoft 365 administrator to publish sensitivity labels to you (add-ins need Microsoft 365 E5 for this).'
      };
    }
    const sensitivity = draft.sensitivityLabel;
    const labels = await officeAsync<LabelDetailsLike[]>((done) => catalog.getAsync(done), 'read the sensitivity labels');
    const current = await officeAsync<string>((done) => sensitivity.getAsync(done), "read the draft's sensitivity label");
    return { kind: 'available', options: flattenCatalog(labels ?? []), currentId: current ? current : undefined };
  };

  return {
    kind: 'outlookCompose',
    label: 'Outlook',
    async readSubject(): Promise<DraftSubject> {
      const draft = item();
      const subject = draft.subject ? await officeAsync<string>((done) => draft.subject?.getAsync(done), "read the draft's subject") : '';
      return { kind: 'draft', subject: subject ?? '', labelling: await labelling(draft) };
    },
    async setSensitivityLabel(labelId, justification) {
      const draft = item();
      if (!draft.sensitivityLabel) {
        throw hostError({
          code: 'requirementMissing',
          what: "Custodian couldn't set the draft's sensitivity label.",
          why: 'This version of Outlook does not let add-ins set a sensitivity label.',
          whatToDo: "Use Outlook's own Sensitivity button."
        });
      }
      const sensitivity = draft.sensitivityLabel;
      // The reason is saved first: if it cannot be kept, the label is not lowered.
      if (justification && draft.loadCustomPropertiesAsync) {
        const load = draft.loadCustomPropertiesAsync.bind(draft);
        const properties = await officeAsync<CustomPropertiesLike>((done) => load(done), 'keep the reason with the draft');
        properties.set(justificationProperty, justification.slice(0, 1000));
        await officeAsync<void>((done) => properties.saveAsync(done), 'keep the reason with the draft');
      }
      await officeAsync<void>((done) => sensitivity.setAsync(labelId, done), "set the draft's sensitivity label");
    }
  };
}
