import { spPost } from '@pnp/sp';
import { CustodianError } from '../http/CustodianError';
import { withAction } from './CustodianSharePoint';
import type { SharePointSite } from './createSharePoint';

/**
 * Writes list item columns the way SharePoint's own form does: `ListItem.ValidateUpdateListItem`. It is the way to
 * write the columns Graph's `fields` cannot: a person (Graph wants the site user list's `{Column}LookupId`) and managed
 * metadata (Graph cannot write taxonomy columns). SharePoint answers 200 with one result per field
 * (`HasException`, `ErrorMessage`) and writes nothing when any field is refused.
 */

/** One column and its value, as SharePoint's form takes it (a string). */
export interface FormValue {
  FieldName: string;
  FieldValue: string;
}

/** A person column's form value: a JSON array of claims, `[{"Key":"i:0#.f|membership|user@contoso.com"}]`. */
export function personFormValue(email: string): string {
  return JSON.stringify([{ Key: `i:0#.f|membership|${email}` }]);
}

/** A single-value managed metadata column's form value: `Label|TermGuid;`. */
export function termFormValue(label: string, termId: string): string {
  // `|` and `;` separate the parts, so a label cannot carry them.
  return `${label.replace(/[|;]/g, ' ').trim()}|${termId.replace(/^\{|\}$/g, '')};`;
}

interface FormUpdateResult {
  FieldName?: string;
  HasException?: boolean;
  ErrorMessage?: string | null;
}

export interface ValidateUpdateOptions {
  /** The item's name, for the error message ("the document 'Lease.docx'"). */
  itemName?: string;
  /** Display names by internal name, so the error names the columns as the person sees them. */
  displayNames?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

/**
 * Validates and writes column values of one list item:
 * `POST {site}/_api/web/lists(guid'{listId}')/items({itemId})/ValidateUpdateListItem` with
 * `{ formValues: [{ FieldName, FieldValue }], bNewDocumentUpdate: false }`. When SharePoint refuses a field, throws a
 * `CustodianError` (code `fieldValueRefused`) that names each refused column and SharePoint's reason.
 * Permission (least privileged, SharePoint): AllSites.Write delegated; Sites.ReadWrite.All for an app.
 */
export async function validateUpdateListItem(
  site: SharePointSite,
  listId: string,
  itemId: string | number,
  formValues: readonly FormValue[],
  options: ValidateUpdateOptions = {}
): Promise<void> {
  if (formValues.length === 0) return;
  const what = options.itemName
    ? `Custodian couldn't save the properties of '${options.itemName}'.`
    : "Custodian couldn't save the properties.";
  const q = withAction(
    site.api(`_api/web/lists(guid'${listId.replace(/^\{|\}$/g, '')}')/items(${Number(itemId)})/ValidateUpdateListItem`),
    options.itemName ? `save the properties of '${options.itemName}'` : 'save the properties'
  );
  const answer = await spPost<FormUpdateResult[] | { value?: FormUpdateResult[] } | null | undefined>(q, {
    body: JSON.stringify({ formValues, bNewDocumentUpdate: false }),
    signal: options.signal
  });
  const results = Array.isArray(answer) ? answer : (answer?.value ?? []);
  const refused = results.filter((r) => r.HasException === true);
  if (refused.length === 0) return;
  const names = refused.map((r) => {
    const name = String(r.FieldName ?? '');
    return `'${options.displayNames?.[name] ?? name}'`;
  });
  const reasons = refused.map((r) => `${String(r.FieldName ?? '')}: ${r.ErrorMessage ?? 'invalid value'}`).join('; ');
  throw new CustodianError({
    status: 200,
    code: 'fieldValueRefused',
    serviceMessage: reasons,
    source: 'sharepoint',
    what,
    why: `SharePoint refused the value of ${names.join(', ')} (${refused.map((r) => r.ErrorMessage ?? 'invalid value').join('; ')}), so none of the properties were saved.`,
    whatToDo:
      refused.length === 1
        ? `Correct ${names[0]} (a person must be someone in your organisation; a term must be one of the term set), then try again.`
        : 'Correct those fields (a person must be someone in your organisation; a term must be one of the term set), then try again.'
  });
}
