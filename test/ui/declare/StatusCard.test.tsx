/** @jest-environment jsdom */
import * as React from 'react';
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { StatusCard } from '../../../src/ui/declare/StatusCard';
import { describeRetentionEnd } from '../../../src/ui/declare/formatting';
import { renderInFluent } from '../support/render';

describe('StatusCard', () => {
  it('shows classification, label, record and lock state, who labelled it and when, and when retention ends', () => {
    renderInFluent(
      <StatusCard
        locale="en-GB"
        status={{
          itemName: 'Regulatory Return Q4 2019 - SEC.pdf',
          location: 'Records',
          classification: { id: 'c', name: 'Confidential' },
          retentionLabel: {
            name: 'Regulatory Filings - 10 Years',
            appliedBy: 'Priya Raman',
            appliedAt: '2019-12-02T10:00:00Z',
            isExplicit: true
          },
          state: { behavior: 'retainAsRegulatoryRecord', isLocked: true },
          retentionEnd: {
            ok: true,
            kind: 'date',
            endsAt: '2029-12-02T10:00:00.000Z',
            endDate: '2029-12-02',
            action: 'startDispositionReview',
            labelName: 'Regulatory Filings - 10 Years',
            extended: false,
            steps: []
          }
        }}
      />
    );
    const card = screen.getByRole('region', { name: 'This document: Regulatory Return Q4 2019 - SEC.pdf' });
    expect(card).toHaveTextContent('In Records');
    expect(card).toHaveTextContent('ClassificationConfidential');
    expect(card).toHaveTextContent('Retention labelRegulatory Filings - 10 Years');
    expect(card).toHaveTextContent('RecordRegulatory record, locked Locked');
    expect(card).toHaveTextContent('Labelledby Priya Raman on 2 Dec 2019, 10:00 UTC');
    expect(card).toHaveTextContent('Retention ends2 Dec 2029, then a records manager reviews it.');
  });

  it('says plainly when an item has no label and its classification could not be read', () => {
    renderInFluent(
      <StatusCard
        status={{ itemName: 'Plan.docx', classification: undefined, retentionLabel: null, state: { behavior: null, isLocked: false } }}
      />
    );
    const card = screen.getByTestId('status-card');
    expect(card).toHaveTextContent('ClassificationCould not be read');
    expect(card).toHaveTextContent('Retention labelNone');
    expect(card).toHaveTextContent('RecordNot a record');
    expect(card).not.toHaveTextContent('Retention ends');
  });
});

describe('describeRetentionEnd', () => {
  it('says each kind of end in a sentence', () => {
    expect(describeRetentionEnd({ ok: true, kind: 'forever', labelName: 'x', steps: [] })).toBe('Never: it is kept forever.');
    expect(describeRetentionEnd({ ok: true, kind: 'awaitingEvent', labelName: 'x', eventTypeName: 'Employee leaves', steps: [] })).toBe(
      'Not yet known: retention starts when the event "Employee leaves" happens.'
    );
    expect(describeRetentionEnd({ ok: true, kind: 'noRetention', labelName: 'x', steps: [] })).toBe('Its label does not retain it.');
    expect(describeRetentionEnd({ ok: false, code: 'unknownLabel', reason: 'The label is not in the file plan.', chain: [] })).toBe(
      'The label is not in the file plan.'
    );
  });
});
