/** The column kinds the metadata form can fill, as a shared enumeration. */
export const fieldKinds = ['text', 'choice', 'date', 'number', 'person', 'managedMetadata'] as const;
export type FieldKind = (typeof fieldKinds)[number];

export interface TermOption {
  id: string;
  /** The term's label; with its parents for display ("Contracts > Leases"). */
  label: string;
}

/** One library column the form shows. */
export interface FieldSpec {
  /** Internal name (what Graph's `fields` use). */
  name: string;
  displayName: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  /** For `choice`. */
  choices?: readonly string[];
  /** For `managedMetadata`: the term set's terms; absent when they could not be read. */
  terms?: readonly TermOption[];
  /** For `text`. */
  maxLength?: number;
  /** For `number`. */
  minimum?: number;
  maximum?: number;
}

/** A person, as the declare service takes it (`{ kind: 'person', email }`): written through SharePoint, not Graph. */
export interface PersonValue {
  kind: 'person';
  email: string;
  displayName?: string;
}

/** A managed metadata term, as the declare service takes it (`{ kind: 'term', label, termId }`). */
export interface TermValue {
  kind: 'term';
  termId: string;
  label: string;
}

/** A typed value: text, choice and date (`YYYY-MM-DD`) are strings; a number is a number. */
export type FieldValue = string | number | PersonValue | TermValue;
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>;
