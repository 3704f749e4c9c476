import type { FilePlanCsvValues } from '../../../src/core/domain/filePlanCsvColumns';
import { validateFilePlanRow } from '../../../src/core/domain/validateFilePlanRow';
import { validRow } from './support/filePlanFixtures';

// What a site owner reads for a row Purview's import would refuse, word for word, at the limits where the wording
// changes. Outside truth: Purview's file plan import rules (RetentionDuration in whole days from 1, "Unlimited" spelt
// so; TRUE/FALSE, where Microsoft's own sample screenshot shows Yes/No; reviewers separated by semicolons; label
// names of letters, digits, hyphens and spaces). Every expected message was read against those rules.
const messages = (cells: Partial<FilePlanCsvValues>): string[] =>
  validateFilePlanRow({ rowNumber: 2, values: validRow(cells) }).issues.map((issue) => issue.message);

describe('the words of a refused file plan row', () => {
  it('accepts one day and refuses none, saying the least', () => {
    expect(messages({ RetentionDuration: '1' })).toEqual([]);
    expect(messages({ RetentionDuration: '0' })).toEqual(['RetentionDuration must be at least 1 day.']);
  });

  it('says how Unlimited must be spelt, and accepts it only so', () => {
    expect(messages({ RetentionDuration: 'Unlimited', RetentionAction: 'Keep' })).toEqual([]);
    expect(messages({ RetentionDuration: ' unlimited', RetentionAction: 'Keep' })).toEqual([
      'RetentionDuration must be written exactly Unlimited, not " unlimited".'
    ]);
  });

  it('explains Yes and No, which Microsoft shows in its sample but the import refuses', () => {
    expect(messages({ IsRecordLabel: ' yes ' })).toEqual([
      `IsRecordLabel is " yes "; write TRUE or FALSE (Microsoft's sample screenshot shows Yes/No, which the import rejects).`
    ]);
  });

  it('names up to five addresses that are not addresses, then "and others", and asks for one when there is none', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(messages({ ReviewerEmail: five.join(';'), RetentionAction: 'KeepAndDelete' })).toEqual([
      '"a", "b", "c", "d", "e" are not email addresses. Separate addresses with semicolons.'
    ]);
    expect(messages({ ReviewerEmail: [...five, 'f'].join(';') })).toEqual([
      '"a", "b", "c", "d", "e" and others are not email addresses. Separate addresses with semicolons.'
    ]);
    expect(messages({ ReviewerEmail: 'records@contoso.com;Jane' })).toEqual([
      '"Jane" is not an email address. Separate addresses with semicolons.'
    ]);
    expect(messages({ ReviewerEmail: ' ; ;' })).toEqual(['ReviewerEmail has only semicolons and spaces; give at least one email address.']);
  });

  it('names up to eight characters a name may not hold, then "and more"', () => {
    const only = 'The import accepts only letters A-Z and a-z, digits, hyphens and spaces.';
    expect(messages({ LabelName: 'Tax!@#$%^&*' })).toEqual([`The name contains "!" "@" "#" "$" "%" "^" "&" "*". ${only}`]);
    expect(messages({ LabelName: 'Tax!@#$%^&*(' })).toEqual([`The name contains "!" "@" "#" "$" "%" "^" "&" "*" and more. ${only}`]);
  });

  it('says which of the three retention columns are filled in, one or two', () => {
    expect(messages({ RetentionDuration: '', RetentionType: '' })).toEqual([
      'RetentionDuration is required because RetentionAction is filled in; RetentionAction, RetentionDuration and RetentionType go together.',
      'RetentionType is required because RetentionAction is filled in; RetentionAction, RetentionDuration and RetentionType go together.'
    ]);
    expect(messages({ RetentionType: '' })).toEqual([
      'RetentionType is required because RetentionAction and RetentionDuration are filled in; RetentionAction, RetentionDuration and RetentionType go together.'
    ]);
  });

  it('refuses deleting what is kept for an Unlimited period, naming the action, and a relabel after it', () => {
    for (const action of ['Delete', 'KeepAndDelete']) {
      expect(messages({ RetentionDuration: 'Unlimited', RetentionAction: action })).toEqual([
        `Items kept for an Unlimited period are never deleted, so RetentionAction must be Keep, not ${action}.`
      ]);
    }
    expect(messages({ RetentionDuration: 'Unlimited', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Archive' })).toEqual([
      'Relabelling happens when a retention period ends, so it needs RetentionAction Keep and a RetentionDuration in days.'
    ]);
  });

  it('asks for an event type that is blank, finds a named one without case or spaces around, and opens only web links', () => {
    expect(messages({ RetentionType: 'EventAgeInDays', EventType: '  ' })).toEqual([
      'RetentionType EventAgeInDays needs the name of an event type in EventType.'
    ]);
    const withEvent = validateFilePlanRow(
      { rowNumber: 2, values: validRow({ RetentionType: 'EventAgeInDays', EventType: ' contract END ' }) },
      { eventTypes: ['Contract end'] }
    );
    expect(withEvent.issues).toEqual([]);
    expect(messages({ CitationName: 'Act', CitationUrl: ' javascript:alert(1)' })).toEqual([
      'CitationUrl should start with https:// or http://; other links are not opened by Custodian.'
    ]);
    expect(messages({ CitationName: 'Act', CitationUrl: 'ftp://example.com/?from=https://example.com' })).toEqual([
      'CitationUrl should start with https:// or http://; other links are not opened by Custodian.'
    ]);
    expect(messages({ CitationName: 'Act', CitationUrl: ' http://example.com/act' })).toEqual([]);
  });
});
