import { OfficeMockObject } from 'office-addin-mock';
import { CustodianError } from '../../../src/core/http/CustodianError';
import {
  createOutlookComposeHost,
  flattenCatalog,
  justificationProperty,
  type OutlookComposeDeps
} from '../../../src/addin/hosts/outlookCompose';

type Callback<T> = (result: { status: string; value: T; error?: { code: number; message: string } }) => void;
const ok =
  <T>(value: T) =>
  (callback: Callback<T>): void =>
    callback({ status: 'succeeded', value });
const failed =
  (message: string) =>
  (callback: Callback<undefined>): void =>
    callback({ status: 'failed', value: undefined, error: { code: 9000, message } });

const catalog = [
  { id: 'pub', name: 'Public', tooltip: 'Anyone may see it', children: [] },
  { id: 'gen', name: 'General', tooltip: 'Business data', children: [] },
  {
    id: 'conf',
    name: 'Confidential',
    tooltip: 'Sensitive',
    children: [
      { id: 'conf-all', name: 'All employees', tooltip: 'Staff only', children: [] },
      { id: 'conf-legal', name: 'Legal only', tooltip: 'Legal team', children: [] }
    ]
  }
];

interface Setup {
  supported?: boolean;
  enabled?: boolean;
  current?: string;
  setAsync?: (label: string, callback: Callback<undefined>) => void;
  saved?: Record<string, string>;
}

function composeDeps(setup: Setup = {}): OutlookComposeDeps {
  const saved = setup.saved ?? {};
  // `host: 'outlook'` (Outlook gives properties at once; no load and sync) as office-addin-mock reads it from the data.
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => setup.supported !== false && name === 'Mailbox' && version === '1.13'
      },
      sensitivityLabelsCatalog: { getIsEnabledAsync: ok(setup.enabled !== false), getAsync: ok(catalog) },
      mailbox: {
        item: {
          subject: { getAsync: ok('Board pack') },
          sensitivityLabel: {
            getAsync: ok(setup.current ?? 'conf-legal'),
            setAsync: setup.setAsync ?? ((_label: string, cb: Callback<undefined>) => ok(undefined)(cb))
          },
          loadCustomPropertiesAsync: ok({
            set: (name: string, value: string) => {
              saved[name] = value;
            },
            saveAsync: ok(undefined)
          })
        }
      }
    }
  }) as unknown as { context: OutlookComposeDeps['context'] };
  return { context: mock.context };
}

describe('Outlook compose host adapter', () => {
  it('offers the sensitivity labels where Mailbox 1.13 is supported, sublabels flattened in label order', async () => {
    const subject = await createOutlookComposeHost(composeDeps()).readSubject();
    expect(subject).toEqual({
      kind: 'draft',
      subject: 'Board pack',
      labelling: {
        kind: 'available',
        currentId: 'conf-legal',
        options: [
          { id: 'pub', name: 'Public', description: 'Anyone may see it', rank: 0 },
          { id: 'gen', name: 'General', description: 'Business data', rank: 1 },
          { id: 'conf-all', name: 'Confidential / All employees', description: 'Staff only', rank: 2 },
          { id: 'conf-legal', name: 'Confidential / Legal only', description: 'Legal team', rank: 3 }
        ]
      }
    });
  });

  it('says clearly why it cannot set a label where Mailbox 1.13 is not supported', async () => {
    const subject = await createOutlookComposeHost(composeDeps({ supported: false })).readSubject();
    expect(subject).toMatchObject({ kind: 'draft', labelling: { kind: 'unavailable' } });
    const labelling = subject.kind === 'draft' ? subject.labelling : undefined;
    expect(labelling?.kind === 'unavailable' && labelling.reason).toMatch(/Mailbox 1\.13/);
    expect(labelling?.kind === 'unavailable' && labelling.whatToDo).toMatch(/Sensitivity button/);
  });

  it('says so when sensitivity labels are not turned on for the mailbox', async () => {
    const subject = await createOutlookComposeHost(composeDeps({ enabled: false })).readSubject();
    expect(subject).toMatchObject({ labelling: { kind: 'unavailable', reason: 'Sensitivity labels are not turned on for your mailbox.' } });
  });

  it('sets the label through Outlook and checks the result', async () => {
    const set: string[] = [];
    const host = createOutlookComposeHost(
      composeDeps({
        setAsync: (label, cb) => {
          set.push(label);
          ok(undefined)(cb);
        }
      })
    );
    await host.setSensitivityLabel!('gen');
    expect(set).toEqual(['gen']);
  });

  it('keeps the reason for a lowered label with the draft before lowering it', async () => {
    const saved: Record<string, string> = {};
    await createOutlookComposeHost(composeDeps({ saved })).setSensitivityLabel!('pub', 'Sent to a public mailing list');
    expect(saved).toEqual({ [justificationProperty]: 'Sent to a public mailing list' });
  });

  it("turns Outlook's failure into an error with Office's message and what to do", async () => {
    const host = createOutlookComposeHost(composeDeps({ setAsync: (_label, cb) => failed('The label is not valid.')(cb) }));
    const error = await host.setSensitivityLabel!('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({
      code: 'officeAsyncFailed',
      what: "Custodian couldn't set the draft's sensitivity label.",
      why: 'Office answered: The label is not valid.',
      serviceMessage: '9000: The label is not valid.'
    });
  });

  it('refuses a draft that is not there', async () => {
    const deps = composeDeps();
    await expect(createOutlookComposeHost({ context: { ...deps.context, mailbox: {} } }).readSubject()).rejects.toMatchObject({
      code: 'noDraft'
    });
  });
});

describe('flattenCatalog', () => {
  it('offers only labels that can be applied (a parent with sublabels cannot)', () => {
    expect(flattenCatalog(catalog).map((o) => o.id)).toEqual(['pub', 'gen', 'conf-all', 'conf-legal']);
  });
});
