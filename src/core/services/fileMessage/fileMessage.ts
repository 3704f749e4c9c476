import type { DriveItem, Message } from '@microsoft/microsoft-graph-types';
import { sha256Hex } from '../../domain/sha256Hex';
import { getDriveItemByPath } from '../../graph/driveItems/getDriveItemByPath';
import { setRetentionLabelCall } from '../../graph/driveItems/setRetentionLabel';
import { named } from '../../graph/driveItems/DriveItemRef';
import { getSharePointIdsCall } from '../../graph/driveItems/getSharePointIds';
import { updateListItemFieldsCall } from '../../graph/listItems/updateListItemFields';
import type { ListRef } from '../../graph/listItems/ListRef';
import { uploadLargeFile } from '../../graph/driveItems/uploadLargeFile';
import { smallUploadLimitBytes, uploadSmallFile } from '../../graph/driveItems/uploadSmallFile';
import type { CallOptions, GraphCall } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findFiledItems } from './findFiledItems';
import { getList } from '../../graph/lists/getList';
import { getMessage } from '../../graph/messages/getMessage';
import { getMessageMime } from '../../graph/messages/getMessageMime';
import { setMessageCategories } from '../../graph/messages/setMessageCategories';
import { runBatch } from '../../graph/runBatch';
import { CustodianError } from '../../http/CustodianError';
import { refusalError } from '../declareRecord/refusalError';
import type { LibraryPlan } from '../libraryPlan/libraryPlansList';
import { emailColumns } from './emailColumns';
import { attachmentFileName, emlFileName } from './emlFileName';
import type { FiledAttachment, FiledItem, FileMessageResult, FileMessageStep, FileMessageStepResult } from './FileMessageResult';
import { parseMimeAttachments } from './parseMimeAttachments';

export interface FileMessageOptions extends CallOptions {
  /** File the message's attachments as records too, each beside the `.eml`. */
  includeAttachments?: boolean;
  /** Overrides the library's default retention label. */
  retentionLabel?: string;
  /** The category put on the message once filed (a master category name). */
  category?: string;
  /**
   * Other columns of the library to fill (those its plan requires beside the email ones), written with the email
   * columns in the same request, on the `.eml` and on each attachment filed. Refused before anything is sent when a
   * column is unknown to the library, read-only, or one of the email columns (filled from the message itself).
   */
  fields?: Record<string, unknown>;
}

const columnName = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** Columns SharePoint keeps itself (retention, ids, dates, the file name); Graph refuses writes to them. */
const keptBySharePoint = /^(_Compliance|_IsRecord|OData__|ComplianceAssetId$|FileLeafRef$|ID$|Created$|Modified$|Author$|Editor$)/;

export const defaultFiledCategory = 'Filed by Custodian';

const clip = (text: string): string => ([...text].length > 255 ? `${[...text].slice(0, 254).join('')}…` : text);

function filedItem(item: DriveItem, driveId: string): FiledItem {
  return { driveId, itemId: String(item.id), name: String(item.name ?? ''), webUrl: String(item.webUrl ?? '') };
}

/** The columns a filed message fills, from its headers. */
function messageFields(message: Message): Record<string, unknown> {
  const address = (r: { emailAddress?: { address?: string | null; name?: string | null } | null } | null | undefined): string =>
    r?.emailAddress?.address ?? r?.emailAddress?.name ?? '';
  return {
    [emailColumns.from]: clip(address(message.from)),
    [emailColumns.to]: clip((message.toRecipients ?? []).map(address).join('; ')),
    ...(message.sentDateTime ? { [emailColumns.sent]: message.sentDateTime } : {}),
    [emailColumns.subject]: clip(message.subject ?? ''),
    [emailColumns.internetMessageId]: clip(message.internetMessageId ?? ''),
    [emailColumns.conversationId]: clip(message.conversationId ?? '')
  };
}

/**
 * Files an email into the library a plan maps, as Outlook's task pane offers it: MIME (`$value`) -> an `.eml`
 * upload (an upload session above 4 MB) -> the message's columns (from, to, sent, subject, internet message id,
 * conversation id) and the retention label in one `$batch` -> the attachments as files of their own when asked ->
 * a category on the message. The same message filed again (found by its internet message id, or by its file
 * name when two filings race) returns the first copy instead of making a second.
 * Permission (least privileged): Mail.ReadWrite (the category), Files.ReadWrite.All and Sites.ReadWrite.All.
 */
export async function fileMessage(
  graph: GraphGateway,
  messageId: string,
  plan: LibraryPlan,
  options: FileMessageOptions = {}
): Promise<FileMessageResult> {
  const label = options.retentionLabel ?? plan.defaultRetentionLabel;
  const category = options.category ?? defaultFiledCategory;
  const list = { siteId: plan.siteId, listId: plan.listId };
  const [message, library] = await Promise.all([getMessage(graph, messageId, options), getList(graph, list, options)]);
  const columns = new Set((library.columns ?? []).map((c) => c.name));
  const missing = Object.values(emailColumns).filter((c) => !columns.has(c));
  if (missing.length || !plan.driveId)
    return {
      status: 'refused',
      error: refusalError({
        code: 'libraryNotForEmail',
        what: `Custodian can't file email into '${plan.libraryName}'.`,
        why: `The library has no column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `'${m}'`).join(', ')} for the message's details.`,
        whatToDo: 'Ask your site owner to map email to a library made for it (Custodian can create one).'
      })
    };
  const extra = options.fields ?? {};
  const emailColumnNames = new Set<string>(Object.values(emailColumns));
  const byName = new Map((library.columns ?? []).map((c) => [String(c.name), c]));
  for (const name of Object.keys(extra)) {
    const column = byName.get(name);
    const why = emailColumnNames.has(name)
      ? 'Custodian fills it from the message itself (from, to, sent, subject and ids).'
      : !columnName.test(name) || !column
        ? `The library has no column '${name}'.`
        : column.readOnly === true || keptBySharePoint.test(name)
          ? 'It is read-only: SharePoint keeps it itself (labels, ids, dates and the file name).'
          : undefined;
    if (why)
      return {
        status: 'refused',
        error: refusalError({
          code: emailColumnNames.has(name) ? 'emailColumnField' : column ? 'readOnlyField' : 'unknownField',
          what: `Custodian won't write the column '${name}' when filing email into '${plan.libraryName}'. Nothing was sent.`,
          why,
          whatToDo: 'Leave that column out, or choose a column of the library that can be written.'
        })
      };
  }
  if (!message.internetMessageId)
    return {
      status: 'refused',
      error: refusalError({
        code: 'notSent',
        what: "Custodian can't file this email yet.",
        why: 'It has no internet message id: it is a draft that has not been sent.',
        whatToDo: 'Send or save it first, then file it.'
      })
    };
  const steps = new Map<FileMessageStep, FileMessageStepResult>();
  const tagCategory = async (): Promise<void> => {
    if ((message.categories ?? []).includes(category)) {
      steps.set('category', { step: 'category', status: 'unchanged' });
      return;
    }
    try {
      await setMessageCategories(graph, messageId, [...(message.categories ?? []), category], options);
      steps.set('category', { step: 'category', status: 'done' });
    } catch (e) {
      if (!(e instanceof CustodianError)) throw e;
      steps.set('category', { step: 'category', status: 'failed', error: e });
    }
  };
  const stepList = (): FileMessageStepResult[] =>
    (['upload', 'fields', 'retentionLabel', 'attachments', 'category'] as const).map(
      (s) => steps.get(s) ?? { step: s, status: 'unchanged' }
    );

  const first = await findFiledItems(graph, list, message.internetMessageId, { ...options, action: 'look for the email in the library' });
  const fields = { ...extra, ...messageFields(message) };
  const alreadyFiled = async (item: DriveItem): Promise<FileMessageResult> => {
    // The attachments go beside the first copy under the names it gave them; one already there is left alone.
    const attachments = options.includeAttachments
      ? await fileAttachments(
          graph,
          await (await getMessageMime(graph, messageId, options)).text(),
          item,
          { ...list, driveId: plan.driveId },
          fields,
          label,
          'fail',
          options
        )
      : [];
    if (options.includeAttachments) steps.set('attachments', attachmentsStep(attachments));
    await tagCategory();
    return { status: 'alreadyFiled', item: filedItem(item, plan.driveId), steps: stepList(), attachments };
  };
  if (first.length) {
    const oldest = [...first].sort((a, b) => Number(a.id) - Number(b.id))[0];
    const name = String((oldest.fields as Record<string, unknown> | undefined)?.FileLeafRef ?? '');
    return alreadyFiled(await getDriveItemByPath(graph, plan.driveId, '', name, options));
  }

  const mime = await getMessageMime(graph, messageId, options);
  const name = emlFileName(message.subject, await sha256Hex(message.internetMessageId));
  const eml = new Blob([mime], { type: 'message/rfc822' });
  let uploaded: DriveItem;
  try {
    uploaded =
      eml.size > smallUploadLimitBytes
        ? await uploadLargeFile(graph, plan.driveId, '', name, eml, { ...options, conflictBehavior: 'fail' })
        : await uploadSmallFile(graph, plan.driveId, '', name, eml, { ...options, conflictBehavior: 'fail' });
  } catch (e) {
    // Filed at the same moment by someone else (the name comes from the message id): theirs is the first copy.
    if (!(e instanceof CustodianError && e.status === 409)) throw e;
    return alreadyFiled(await getDriveItemByPath(graph, plan.driveId, '', name, options));
  }
  steps.set('upload', { step: 'upload', status: 'done' });
  const item = filedItem(uploaded, plan.driveId);
  const describe = await describeAndLabel(graph, list, item, fields, label, options);
  steps.set('fields', describe.fields);
  steps.set('retentionLabel', describe.retentionLabel);

  const attachments = options.includeAttachments
    ? await fileAttachments(graph, await mime.text(), uploaded, { ...list, driveId: plan.driveId }, fields, label, 'rename', options)
    : [];
  if (options.includeAttachments) steps.set('attachments', attachmentsStep(attachments));
  await tagCategory();
  const all = stepList();
  return {
    status: all.some((s) => s.status === 'failed' || s.status === 'notAttempted') ? 'partial' : 'filed',
    item,
    steps: all,
    attachments
  };
}

/**
 * Files each attachment of the message beside its `.eml` (`eml`), named after it, with the email's columns and
 * label. Filing for the first time, a name taken by another file is renamed (`rename`); filing again (`fail`), a
 * name taken means the attachment was filed with the first copy, and it is left as it was.
 */
async function fileAttachments(
  graph: GraphGateway,
  mimeText: string,
  eml: DriveItem,
  library: ListRef & { driveId: string },
  fields: Record<string, unknown>,
  label: string | undefined,
  conflictBehavior: 'rename' | 'fail',
  options: CallOptions
): Promise<FiledAttachment[]> {
  const attachments: FiledAttachment[] = [];
  for (const attachment of parseMimeAttachments(mimeText)) {
    const fileName = attachmentFileName(String(eml.name ?? ''), attachment.fileName);
    try {
      const blob = new Blob([attachment.bytes], { type: attachment.contentType });
      const up =
        blob.size > smallUploadLimitBytes
          ? await uploadLargeFile(graph, library.driveId, '', fileName, blob, { ...options, conflictBehavior })
          : await uploadSmallFile(graph, library.driveId, '', fileName, blob, { ...options, conflictBehavior });
      const filed = filedItem(up, library.driveId);
      const outcome = await describeAndLabel(graph, library, filed, fields, label, options);
      const error = outcome.fields.error ?? outcome.retentionLabel.error;
      attachments.push({ fileName: attachment.fileName, item: filed, ...(error ? { error } : {}) });
    } catch (e) {
      if (!(e instanceof CustodianError)) throw e;
      if (conflictBehavior === 'fail' && e.status === 409) attachments.push({ fileName: attachment.fileName, alreadyFiled: true });
      else attachments.push({ fileName: attachment.fileName, error: e });
    }
  }
  return attachments;
}

/** The attachments step: failed if one failed, done if one was filed now, unchanged if there was nothing to file. */
function attachmentsStep(attachments: readonly FiledAttachment[]): FileMessageStepResult {
  const failed = attachments.find((a) => a.error);
  if (failed) return { step: 'attachments', status: 'failed', ...(failed.error ? { error: failed.error } : {}) };
  return { step: 'attachments', status: attachments.some((a) => a.item) ? 'done' : 'unchanged' };
}

/**
 * The file's list item id (`sharepointIds`, returned only when selected), then one `$batch`: the columns through the
 * documented `PATCH /sites/{s}/lists/{l}/items/{n}/fields`, then (depending on them) the retention label.
 */
async function describeAndLabel(
  graph: GraphGateway,
  list: ListRef,
  item: FiledItem,
  fields: Record<string, unknown>,
  label: string | undefined,
  options: CallOptions
): Promise<{ fields: FileMessageStepResult; retentionLabel: FileMessageStepResult }> {
  const ref = { driveId: item.driveId, itemId: item.itemId };
  const listItemId = (await graph.call(getSharePointIdsCall(ref, item.name), options)).sharepointIds?.listItemId;
  if (!listItemId) {
    const error = refusalError({
      code: 'noListItem',
      what: `Custodian could not save the email's details on '${item.name}'.`,
      why: 'Microsoft 365 did not say which list item the file is, so its columns cannot be written.',
      whatToDo: 'File the email again; the copy already filed is found and completed.'
    });
    return { fields: { step: 'fields', status: 'failed', error }, retentionLabel: { step: 'retentionLabel', status: 'notAttempted' } };
  }
  const calls: GraphCall<unknown>[] = [
    { ...updateListItemFieldsCall(list, listItemId, fields), action: `save the properties of ${named(item.name)}` }
  ];
  if (label) calls.push({ ...setRetentionLabelCall(ref, label, item.name), dependsOn: [0] });
  const [f, l] = await runBatch(graph, calls, options);
  const result = (step: FileMessageStep, o: typeof f | undefined): FileMessageStepResult =>
    !o
      ? { step, status: 'unchanged' }
      : o.ok
        ? { step, status: 'done' }
        : { step, status: o.status === 424 ? 'notAttempted' : 'failed', error: o.error };
  return { fields: result('fields', f), retentionLabel: result('retentionLabel', l) };
}
