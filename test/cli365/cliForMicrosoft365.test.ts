/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI prints JSON; tests read it as a script would, loosely. */
// Outside truth: CLI for Microsoft 365 (@pnp/cli-microsoft365, pinned devDependency), a client nobody here wrote, run
// unmodified against a fresh dev tenant in public-hosts mode: it signs in through the Entra stand-in, finds
// SharePoint from the root site's webUrl, and prints what it read. Each command's JSON output is what the CLI shows a
// records team; where Microsoft 365 refuses (a regulatory record relabelled), the CLI shows SharePoint's own message.
import fs from 'node:fs';
import { tenantId } from '../../src/devtenant/auth/personas';
import { devTenantAppId, devTenantAppSecret, devTenantPassword } from '../../src/devtenant/entra/entraTokens';
import { startDevTenant, type RunningDevTenant } from '../../src/devtenant/index';
import { type M365Result, newM365Home, runM365, type M365Sandbox } from '../../src/devtenant/publicHosts/runM365';

jest.setTimeout(240_000);

const sp = 'https://custodiandev.sharepoint.com';
let tenant: RunningDevTenant;
let sandbox: M365Sandbox;

/** Runs `m365 <args>`; a non-zero exit fails the test with what the CLI printed. */
async function m365(...args: string[]): Promise<any> {
  const result = await runM365(sandbox, args);
  if (result.code !== 0) throw new Error(`m365 ${args.join(' ')} exited ${result.code}: ${result.stderr || result.stdout}`);
  return result.stdout.trim() === '' ? undefined : JSON.parse(result.stdout);
}

/** `m365 login` in a home of its own, so a failing sign-in leaves the shared one signed in. */
async function loginElsewhere(...args: string[]): Promise<M365Result> {
  const other = { ...sandbox, home: newM365Home() };
  try {
    return await runM365(other, ['login', ...args, '--appId', devTenantAppId, '--tenant', tenantId]);
  } finally {
    fs.rmSync(other.home, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  tenant = await startDevTenant({ memory: true, items: 60, publicHosts: {} });
  sandbox = { ...tenant.publicHosts!, home: newM365Home() };
  const login = await m365(
    'login',
    '--authType',
    'password',
    '--userName',
    'priya.raman@custodiandev.onmicrosoft.com',
    '--password',
    devTenantPassword,
    '--appId',
    devTenantAppId,
    '--tenant',
    tenantId
  );
  expect(login).toMatchObject({ connectedAs: 'priya.raman@custodiandev.onmicrosoft.com', authType: 'password' });
});
afterAll(async () => {
  await tenant.close();
  fs.rmSync(sandbox.home, { recursive: true, force: true });
});

describe('signing in', () => {
  it('refuses a wrong password with Entra’s own message', async () => {
    const failed = await loginElsewhere(
      '--authType',
      'password',
      '--userName',
      'priya.raman@custodiandev.onmicrosoft.com',
      '--password',
      'wrong'
    );
    expect(failed.code).not.toBe(0);
    expect(failed.stderr + failed.stdout).toContain('AADSTS50126');
  });
});

describe('signing in as an application', () => {
  // The dev tenant's app signs in as itself with its secret; Microsoft refuses application permissions for retention
  // labels ("Application: Not supported") and allows them for event types, and the CLI shows the refusal.
  it('signs in with the app’s secret, reads event types, and is refused retention labels', async () => {
    const app = { ...sandbox, home: newM365Home() };
    const run = (...args: string[]): Promise<M365Result> => runM365(app, args);
    try {
      const wrong = await run('login', '--authType', 'secret', '--secret', 'x', '--appId', devTenantAppId, '--tenant', tenantId);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr + wrong.stdout).toContain('AADSTS7000215');
      const login = await run(
        'login',
        '--authType',
        'secret',
        '--secret',
        devTenantAppSecret,
        '--appId',
        devTenantAppId,
        '--tenant',
        tenantId
      );
      expect(JSON.parse(login.stdout)).toMatchObject({ authType: 'secret', connectedAs: 'Custodian dev tenant app' });
      const types = await run('purview', 'retentioneventtype', 'list');
      expect(types.code).toBe(0);
      expect(JSON.parse(types.stdout).map((t: any) => t.displayName)).toContain('Employee Departure');
      const labels = await run('purview', 'retentionlabel', 'list');
      expect(labels.code).not.toBe(0);
      expect(labels.stderr + labels.stdout).toContain('does not support application permissions');
    } finally {
      fs.rmSync(app.home, { recursive: true, force: true });
    }
  });
});

describe('purview', () => {
  it('lists and gets retention labels, event types and sensitivity labels', async () => {
    const labels = await m365('purview', 'retentionlabel', 'list');
    expect(labels.map((l: any) => l.displayName)).toContain('Regulatory Filings - 10 Years');
    const one = labels.find((l: any) => l.displayName === 'Contracts - 10 Years After Expiry') ?? labels[0];
    expect(await m365('purview', 'retentionlabel', 'get', '--id', one.id)).toMatchObject({ id: one.id, displayName: one.displayName });
    const types = await m365('purview', 'retentioneventtype', 'list');
    expect(types.map((t: any) => t.displayName)).toContain('Employee Departure');
    const sensitivity = await m365('purview', 'sensitivitylabel', 'list');
    expect(sensitivity.length).toBeGreaterThan(0);
  });
});

describe('purview: a file plan rehearsed', () => {
  it('adds, reads and removes a label, an event type and an event, and reads the label policy settings', async () => {
    // Purview does not require disposition review stages on a label that starts a review (security-labelsroot-post-retentionlabel).
    const label = await m365(
      'purview',
      'retentionlabel',
      'add',
      '--displayName',
      "Rehearsal - O'Brien contracts",
      '--behaviorDuringRetentionPeriod',
      'retain',
      '--actionAfterRetentionPeriod',
      'startDispositionReview',
      '--retentionDuration',
      '365',
      '--retentionTrigger',
      'dateCreated'
    );
    expect(label).toMatchObject({ displayName: "Rehearsal - O'Brien contracts", actionAfterRetentionPeriod: 'startDispositionReview' });
    expect((await m365('purview', 'retentionlabel', 'list')).map((l: any) => l.id)).toContain(label.id);
    await m365('purview', 'retentionlabel', 'set', '--id', label.id, '--retentionDuration', '730', '--descriptionForUsers', 'Two years.');
    expect(await m365('purview', 'retentionlabel', 'get', '--id', label.id)).toMatchObject({
      retentionDuration: { days: 730 },
      descriptionForUsers: 'Two years.'
    });
    await m365('purview', 'retentionlabel', 'remove', '--id', label.id, '--force');
    expect((await m365('purview', 'retentionlabel', 'list')).map((l: any) => l.id)).not.toContain(label.id);

    const type = await m365('purview', 'retentioneventtype', 'add', '--displayName', 'Rehearsal contract end');
    expect(await m365('purview', 'retentioneventtype', 'get', '--id', type.id)).toMatchObject({ displayName: 'Rehearsal contract end' });
    const event = await m365(
      'purview',
      'retentionevent',
      'add',
      '--displayName',
      'Rehearsal: contract C-77 ended',
      '--eventTypeId',
      type.id,
      '--assetIds',
      'ComplianceAssetId:C-77'
    );
    expect(event).toMatchObject({ displayName: 'Rehearsal: contract C-77 ended' });
    expect((await m365('purview', 'retentionevent', 'list')).map((e: any) => e.id)).toContain(event.id);
    expect(await m365('purview', 'retentionevent', 'get', '--id', event.id)).toMatchObject({ id: event.id });

    await m365('purview', 'retentioneventtype', 'set', '--id', type.id, '--description', 'Set by the rehearsal');
    expect(await m365('purview', 'retentioneventtype', 'get', '--id', type.id)).toMatchObject({ description: 'Set by the rehearsal' });
    await m365('purview', 'retentionevent', 'remove', '--id', event.id, '--force');
    expect((await m365('purview', 'retentionevent', 'list')).map((e: any) => e.id)).not.toContain(event.id);
    await m365('purview', 'retentioneventtype', 'remove', '--id', type.id, '--force');
    expect((await m365('purview', 'retentioneventtype', 'list')).map((t: any) => t.id)).not.toContain(type.id);

    const settings = await m365('purview', 'sensitivitylabel', 'policysettings', 'list');
    expect(settings).toMatchObject({ isMandatory: expect.any(Boolean) });
  });
});

describe('spo', () => {
  it('reads a web, its lists and a list’s items', async () => {
    expect(await m365('spo', 'web', 'get', '--url', `${sp}/sites/legal`)).toMatchObject({
      Title: expect.any(String),
      Url: `${sp}/sites/legal`
    });
    const lists = await m365('spo', 'list', 'list', '--webUrl', `${sp}/sites/legal`);
    expect(lists.map((l: any) => l.Title)).toContain('Contracts');
    const items = await m365('spo', 'listitem', 'list', '--webUrl', `${sp}/sites/records`, '--listTitle', 'Records');
    expect(items.length).toBeGreaterThan(0);
  });

  it('reads the labels a site can use and a library’s default label', async () => {
    const available = await m365('spo', 'web', 'retentionlabel', 'list', '--webUrl', `${sp}/sites/records`);
    expect(available.map((l: any) => l.TagName)).toContain('Regulatory Filings - 10 Years');
  });

  it('reads a list’s default label, a folder and the files in it', async () => {
    const legal = `${sp}/sites/legal`;
    expect(await m365('spo', 'list', 'get', '--webUrl', legal, '--title', 'Contracts')).toMatchObject({ Title: 'Contracts' });
    const tag = await m365('spo', 'list', 'retentionlabel', 'get', '--webUrl', legal, '--listTitle', 'Contracts');
    expect(tag === undefined || typeof tag.TagName === 'string').toBe(true);
    const folder = await m365('spo', 'folder', 'get', '--webUrl', legal, '--url', '/sites/legal/Contracts');
    expect(folder).toMatchObject({ Name: 'Contracts', ServerRelativeUrl: '/sites/legal/Contracts', Exists: true });
    const files = await m365('spo', 'file', 'list', '--webUrl', legal, '--folderUrl', '/sites/legal/Contracts', '--recursive');
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]).toMatchObject({ Name: expect.any(String), ServerRelativeUrl: expect.stringMatching(/^\/sites\/legal\/Contracts\//) });
  });

  it('declares a plain item a record in place, tells it is one, and undeclares it', async () => {
    const web = ['--webUrl', `${sp}/sites/legal`, '--listTitle', 'Contracts'];
    const items = await m365('spo', 'listitem', 'list', ...web, '--fields', 'Id,FileLeafRef,_ComplianceTag');
    // A document (folders cannot be declared records), with no label.
    const plain = items.find((i: any) => String(i.FileLeafRef).includes('.') && !i.OData__ComplianceTag);
    expect(plain).toBeDefined();
    const id = String(plain.Id);
    expect(await m365('spo', 'listitem', 'isrecord', ...web, '--id', id)).toBe(false);
    await m365('spo', 'listitem', 'record', 'declare', ...web, '--listItemId', id);
    expect(await m365('spo', 'listitem', 'isrecord', ...web, '--id', id)).toBe(true);
    await m365('spo', 'listitem', 'record', 'undeclare', ...web, '--listItemId', id);
    expect(await m365('spo', 'listitem', 'isrecord', ...web, '--id', id)).toBe(false);
  });

  // Each label change read back through the CLI's own reads, as a records team would check a rollout.
  it('labels and unlabels an item, a file, a folder and a library’s default, and locks and unlocks a record', async () => {
    const legal = `${sp}/sites/legal`;
    const web = ['--webUrl', legal, '--listTitle', 'Contracts'];
    const labelOf = async (id: string): Promise<string> =>
      (await m365('spo', 'listitem', 'get', ...web, '--id', id, '--properties', 'Id,_ComplianceTag')).OData__ComplianceTag ?? '';
    const labelItem = (id: string, name: string): Promise<unknown> =>
      m365('spo', 'listitem', 'retentionlabel', 'ensure', ...web, '--listItemId', id, '--name', name);
    const items = await m365('spo', 'listitem', 'list', ...web, '--fields', 'Id,FileLeafRef,FileRef,_ComplianceTag');
    const files = items.filter((i: any) => String(i.FileLeafRef).includes('.') && !i.OData__ComplianceTag);
    expect(files.length).toBeGreaterThan(2);
    const [first, second] = files;

    await labelItem(String(first.Id), 'General Correspondence - 2 Years');
    expect(await labelOf(String(first.Id))).toBe('General Correspondence - 2 Years');
    await m365('spo', 'listitem', 'retentionlabel', 'remove', ...web, '--listItemId', String(first.Id), '--force');
    expect(await labelOf(String(first.Id))).toBe('');

    await m365(
      'spo',
      'file',
      'retentionlabel',
      'ensure',
      '--webUrl',
      legal,
      '--fileUrl',
      second.FileRef,
      '--name',
      'General Correspondence - 2 Years'
    );
    expect(await labelOf(String(second.Id))).toBe('General Correspondence - 2 Years');
    expect(await m365('spo', 'file', 'get', '--webUrl', legal, '--url', second.FileRef)).toMatchObject({ Name: second.FileLeafRef });
    await m365('spo', 'file', 'retentionlabel', 'remove', '--webUrl', legal, '--fileUrl', second.FileRef, '--force');
    expect(await labelOf(String(second.Id))).toBe('');

    const folder = items.find((i: any) => !String(i.FileLeafRef).includes('.'));
    expect(folder).toBeDefined();
    await m365(
      'spo',
      'folder',
      'retentionlabel',
      'ensure',
      '--webUrl',
      legal,
      '--folderUrl',
      folder.FileRef,
      '--name',
      'General Correspondence - 2 Years'
    );
    expect(await labelOf(String(folder.Id))).toBe('General Correspondence - 2 Years');
    await m365('spo', 'folder', 'retentionlabel', 'remove', '--webUrl', legal, '--folderUrl', folder.FileRef, '--force');
    expect(await labelOf(String(folder.Id))).toBe('');

    await m365('spo', 'list', 'retentionlabel', 'ensure', ...web, '--name', 'Contracts - 10 Years After Expiry');
    expect(await m365('spo', 'list', 'retentionlabel', 'get', ...web)).toMatchObject({ TagName: 'Contracts - 10 Years After Expiry' });
    await m365('spo', 'list', 'retentionlabel', 'remove', ...web, '--force');

    // A record label: locked on applying (the seed's Board Minutes label starts locked), then unlocked and locked again.
    await labelItem(String(first.Id), 'Board Minutes - Permanent');
    await m365('spo', 'listitem', 'record', 'unlock', ...web, '--listItemId', String(first.Id));
    await m365('spo', 'listitem', 'record', 'lock', ...web, '--listItemId', String(first.Id));
    expect(await m365('spo', 'listitem', 'isrecord', ...web, '--id', String(first.Id))).toBe(true);
  });

  it('sets a library’s default sensitivity label', async () => {
    const labels = await m365('purview', 'sensitivitylabel', 'list');
    const label = labels.find((l: any) => l.isActive !== false) ?? labels[0];
    await m365(
      'spo',
      'list',
      'sensitivitylabel',
      'ensure',
      '--webUrl',
      `${sp}/sites/legal`,
      '--listTitle',
      'Contracts',
      '--name',
      label.name
    );
    const list = await m365(
      'spo',
      'list',
      'get',
      '--webUrl',
      `${sp}/sites/legal`,
      '--title',
      'Contracts',
      '--properties',
      'Title,DefaultSensitivityLabelForLibrary'
    );
    expect(list.DefaultSensitivityLabelForLibrary).toBe(label.id);
  });

  // SharePoint keeps a regulatory record's label and lock whatever the client (Purview, "Compare restrictions for what
  // actions are allowed or blocked"). The CLI labels through SetComplianceTagOnBulkItems and does not read its answer
  // (dist/utils/spo.js applyRetentionLabelToListItems), so it reports no error there, on a real tenant too; the label
  // read back is the truth. Unlocking goes through UnlockRecordItem, whose refusal the CLI shows.
  it('keeps a regulatory record’s label and lock through the CLI, and the CLI shows SharePoint’s refusal', async () => {
    const web = ['--webUrl', `${sp}/sites/records`, '--listTitle', 'Records'];
    const items = await m365('spo', 'listitem', 'list', ...web, '--fields', 'Id,Title,FileLeafRef');
    const record = items.find((i: any) => String(i.FileLeafRef ?? i.Title).startsWith('Regulatory Return Q4 2019'));
    expect(record).toBeDefined();
    const id = String(record.Id);
    await runM365(sandbox, [
      'spo',
      'listitem',
      'retentionlabel',
      'ensure',
      ...web,
      '--listItemId',
      id,
      '--name',
      'General Correspondence - 2 Years'
    ]);
    const after = await m365('spo', 'listitem', 'get', ...web, '--id', id, '--properties', 'Id,_ComplianceTag');
    // SharePoint REST names a field that starts with an underscore OData__{name} in JSON.
    expect(after.OData__ComplianceTag).toBe('Regulatory Filings - 10 Years');
    const unlock = await runM365(sandbox, ['spo', 'listitem', 'record', 'unlock', ...web, '--listItemId', id]);
    expect(unlock.code).not.toBe(0);
    expect(unlock.stderr + unlock.stdout).toMatch(/regulatory/i);
  });
});
