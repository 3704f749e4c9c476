import { recordsSiteUrlError } from '../../src/webparts/filePlan/recordsSiteUrl';

describe('recordsSiteUrlError', () => {
  it('accepts an empty value (this site) and the https address of a site', () => {
    expect(recordsSiteUrlError('')).toBe('');
    expect(recordsSiteUrlError('  ')).toBe('');
    expect(recordsSiteUrlError('https://contoso.sharepoint.com/sites/records')).toBe('');
    expect(recordsSiteUrlError('https://contoso.sharepoint.com/sites/records/')).toBe('');
    expect(recordsSiteUrlError("https://contoso.sharepoint.com/sites/O'Brien%20Records")).toBe('');
  });

  it('says why other values cannot be used', () => {
    expect(recordsSiteUrlError('sites/records')).toMatch(/full address/);
    expect(recordsSiteUrlError('http://contoso.sharepoint.com/sites/records')).toMatch(/https/);
    expect(recordsSiteUrlError('https://contoso.sharepoint.com/sites/records?web=1')).toMatch(/without \? or #/);
    expect(recordsSiteUrlError('https://contoso.sharepoint.com/sites/records/SitePages/Home.aspx')).toMatch(/not of a page/);
    expect(recordsSiteUrlError('https://contoso.sharepoint.com/sites/records/Shared Documents/Forms/AllItems.aspx')).toMatch(
      /not of a page/
    );
  });
});
