import { OfficeMockObject } from 'office-addin-mock';
import { createOutlookReadHost } from '../../../src/addin/hosts/outlookRead';
import {
  createLocalPreferences,
  createMemoryPreferences,
  createRoamingPreferences,
  emailLibraryPreference,
  type RoamingSettingsLike
} from '../../../src/addin/hosts/preferences';
import { CustodianError } from '../../../src/core/http/CustodianError';

/** `Office.context.roamingSettings` through office-addin-mock, saving with the given status. */
function roamingMock(status: 'succeeded' | 'failed'): { settings: RoamingSettingsLike; stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      roamingSettings: {
        get: (name: string) => stored.get(name),
        set: (name: string, value: unknown) => void stored.set(name, value),
        remove: (name: string) => void stored.delete(name),
        saveAsync: (callback?: (result: { status: string; error?: { message: string } }) => void) =>
          callback?.(status === 'succeeded' ? { status } : { status, error: { message: 'The mailbox is full.' } })
      }
    }
  }) as unknown as { context: { roamingSettings: RoamingSettingsLike } };
  return { settings: mock.context.roamingSettings, stored };
}

describe('roaming preferences (Outlook)', () => {
  it("keeps the chosen library in the add-in's roaming settings and saves them", async () => {
    const { settings, stored } = roamingMock('succeeded');
    const preferences = createRoamingPreferences(settings);
    await preferences.set(emailLibraryPreference, 'site-1/list-2');
    expect(stored.get('custodian.emailLibrary')).toBe('site-1/list-2');
    expect(preferences.get(emailLibraryPreference)).toBe('site-1/list-2');
    await preferences.set(emailLibraryPreference, '');
    expect(preferences.get(emailLibraryPreference)).toBeUndefined();
  });

  it('says what to do when Outlook cannot save them', async () => {
    const preferences = createRoamingPreferences(roamingMock('failed').settings);
    const error = await preferences.set(emailLibraryPreference, 'site-1/list-2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect((error as CustodianError).why).toBe('The mailbox is full.');
  });

  it('is what the Outlook read host offers the pane', async () => {
    const { settings, stored } = roamingMock('succeeded');
    const host = createOutlookReadHost({ mailbox: { convertToRestId: (id) => id }, roamingSettings: settings });
    await host.preferences?.set(emailLibraryPreference, 'a/b');
    expect(stored.get('custodian.emailLibrary')).toBe('a/b');
  });
});

describe('local preferences (demo)', () => {
  it('keeps one key per persona, and never a token', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k)
    };
    const ana = createLocalPreferences(storage, 'office-worker');
    const sam = createLocalPreferences(storage, 'site-owner');
    await ana.set(emailLibraryPreference, 'site-1/list-2');
    expect(store.get('custodian:office-worker:emailLibrary')).toBe('site-1/list-2');
    expect(sam.get(emailLibraryPreference)).toBeUndefined();
    await expect(ana.set(emailLibraryPreference, 'eyJhbGciOi.token.value')).rejects.toThrow(RangeError);
    expect([...store.values()].some((v) => v.startsWith('eyJ'))).toBe(false);
  });

  it('falls back to memory when the browser refuses storage', async () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined
    };
    const preferences = createLocalPreferences(refusing, 'office-worker');
    await preferences.set(emailLibraryPreference, 'x/y');
    expect(preferences.get(emailLibraryPreference)).toBe('x/y');
    expect(createMemoryPreferences({ a: 'b' }).get('a')).toBe('b');
  });
});
