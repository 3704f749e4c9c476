import { actionWords, inWords, outcomeWords } from '../../../src/ui/dispositions/formatting';

describe('register values in words', () => {
  it('says every outcome and action the core records in words, never its internal name', () => {
    // The outcomes and actions the review and the hold register write (createDispositionReview, holdRegister).
    const outcomes = ['nextStage', 'disposed', 'relabelled', 'extended', 'reviewerAdded', 'active', 'released'];
    const actions = ['approve', 'relabel', 'extend', 'addReviewer', 'createHold', 'addToHold', 'releaseHold'];
    for (const value of [...outcomes.map((o) => inWords(outcomeWords, o)), ...actions.map((a) => inWords(actionWords, a))]) {
      expect(value).not.toMatch(/[a-z][A-Z]/);
    }
    expect(inWords(outcomeWords, 'nextStage')).toBe('moved to the next stage');
  });

  it('spells out a value it does not know (from a newer version) instead of showing it as stored', () => {
    expect(inWords(outcomeWords, 'approvedForDisposal')).toBe('approved for disposal');
  });
});
