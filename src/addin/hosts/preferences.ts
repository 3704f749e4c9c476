/// <reference types="office-js" />
import type { PreferenceStore } from './HostAdapter';
import { hostError } from './hostError';

/** The preference that says which records library (a library plan's `{siteId}/{listId}` key) email is filed into. */
export const emailLibraryPreference = 'emailLibrary';

/** Only names and ids are stored: a value that looks like a token or is long is refused before it is written. */
function checked(name: string, value: string): string {
  if (value.length > 400 || /^eyJ|bearer\s/i.test(value)) throw new RangeError(`'${name}' is not a value Custodian remembers.`);
  return value;
}

/** In memory, for the session only (hosts without storage, and tests). */
export function createMemoryPreferences(initial: Record<string, string> = {}): PreferenceStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (name) => values.get(name) || undefined,
    set(name, value) {
      if (checked(name, value)) values.set(name, value);
      else values.delete(name);
      return Promise.resolve();
    }
  };
}

/**
 * The browser's localStorage, one key per user (`custodian:{user}:{name}`), so two personas of the demo keep
 * their own choices. A storage that refuses (private mode, quota) falls back to memory for the session.
 */
export function createLocalPreferences(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
  user: string
): PreferenceStore {
  const memory = createMemoryPreferences();
  const key = (name: string): string => `custodian:${user}:${name}`;
  return {
    get(name) {
      try {
        return storage?.getItem(key(name)) || memory.get(name);
      } catch {
        return memory.get(name);
      }
    },
    async set(name, value) {
      checked(name, value);
      await memory.set(name, value);
      try {
        if (value) storage?.setItem(key(name), value);
        else storage?.removeItem(key(name));
      } catch {
        // Kept in memory for this session.
      }
    }
  };
}

/** What the roaming preferences need of `Office.context.roamingSettings`: injected so tests can pass mocks. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

/**
 * Outlook's roaming settings: stored with the add-in in the user's mailbox, so the choice follows them to every
 * Outlook they use. Saving is checked; a failure says what to do.
 */
export function createRoamingPreferences(settings: RoamingSettingsLike): PreferenceStore {
  const prefixed = (name: string): string => `custodian.${name}`;
  return {
    get(name) {
      const value = settings.get(prefixed(name));
      return typeof value === 'string' && value ? value : undefined;
    },
    set(name, value) {
      checked(name, value);
      if (value) settings.set(prefixed(name), value);
      else settings.remove(prefixed(name));
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (String(result.status) === 'succeeded') resolve();
          else
            reject(
              hostError({
                code: 'roamingSettingsNotSaved',
                what: "Outlook couldn't remember your choice.",
                why: result.error?.message ?? 'Saving the add-in settings failed.',
                whatToDo: 'Your choice applies to this message; choose again next time, or reopen Outlook and retry.'
              })
            );
        });
      });
    }
  };
}
