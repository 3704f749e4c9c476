import { attachmentFileName, emlFileName, maxAttachmentFileNameLength } from '../../../../src/core/services/fileMessage/emlFileName';

describe('attachmentFileName', () => {
  const eml = emlFileName('Quarterly budget', 'a1b2c3d4e5f6');

  it('names an attachment after its message, keeping its own name', () => {
    expect(attachmentFileName(eml, 'budget.xlsx')).toBe('Quarterly budget [a1b2c3d4] - budget.xlsx');
  });

  it('stays within the limit for a long subject and a long attachment name, keeping the extension', () => {
    const longEml = emlFileName('Re: '.repeat(60) + 'final contract', 'ffff0000');
    const name = attachmentFileName(longEml, `${'Signed contract with annexes '.repeat(12)}.pdf`);
    expect([...name].length).toBeLessThanOrEqual(maxAttachmentFileNameLength);
    expect(name.endsWith('….pdf')).toBe(true);
    expect(name).toContain(' - Signed contract');
  });

  it('makes hostile names safe and counts emoji as one character each', () => {
    const name = attachmentFileName(eml, `${'📎'.repeat(300)}<evil>#%.docx`);
    expect(name).not.toMatch(/[<>#%]/);
    expect([...name].length).toBeLessThanOrEqual(maxAttachmentFileNameLength);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
