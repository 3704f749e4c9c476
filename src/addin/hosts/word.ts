/// <reference types="office-js" />
import { custodianPropertyPrefix, type DocumentSubject, type HostAdapter } from './HostAdapter';
import { hostError } from './hostError';

/** What the Word adapter needs from Office: injected so tests can pass `office-addin-mock` objects. */
export interface WordHostDeps {
  /** `Office.context.document`: its `url` is the document's address. */
  document: { url?: string | null };
  /** `Word.run`. */
  run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;
}

/** Desktop Word truncates custom property strings to 255 UTF-16 code units; Custodian cuts them itself, visibly. */
export const customPropertyMaxLength = 255;

const builtIn = ['title', 'subject', 'author', 'keywords', 'category'] as const;

/** The last path segment of a URL or file path, decoded: "Budget 2026.docx". */
export function fileNameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.split(/[?#]/)[0];
  const last = path.split(/[\\/]/).filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** True for a document Graph can find: an https URL (SharePoint or OneDrive), not a local path or nothing. */
export function isCloudUrl(url: string | undefined): boolean {
  return typeof url === 'string' && /^https:\/\/[^/]+\//i.test(url);
}

async function runChecked<T>(deps: WordHostDeps, action: string, batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await deps.run(batch);
  } catch (e) {
    const o = (e ?? {}) as { code?: unknown; message?: unknown };
    const message = typeof o.message === 'string' ? o.message : String(e);
    throw hostError({
      code: 'wordRunFailed',
      what: `Custodian couldn't ${action}.`,
      why: `Word answered: ${message}`,
      whatToDo: 'Try again. If the document is read-only or protected, open it for editing first.',
      hostMessage: typeof o.code === 'string' ? `${o.code}: ${message}` : message,
      cause: e
    });
  }
}

/**
 * Word: the open document's URL (`Office.context.document.url`), its built-in properties, and Custodian's
 * custom properties (WordApi 1.3 `customProperties`), which mirror a declaration's key metadata.
 */
export function createWordHost(deps: WordHostDeps): HostAdapter {
  return {
    kind: 'word',
    label: 'Word',
    async readSubject(): Promise<DocumentSubject> {
      const raw = deps.document.url;
      const url = typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
      const read = await runChecked(deps, "read the document's properties", async (context) => {
        const properties = context.document.properties;
        properties.load(builtIn.join(','));
        const custom = properties.customProperties;
        custom.load('items');
        await context.sync();
        const customProperties: Record<string, string> = {};
        for (const item of custom.items) {
          if (item.key.toLowerCase().startsWith(custodianPropertyPrefix.toLowerCase())) customProperties[item.key] = String(item.value);
        }
        return {
          properties: {
            title: properties.title ?? '',
            subject: properties.subject ?? '',
            author: properties.author ?? '',
            keywords: properties.keywords ?? '',
            category: properties.category ?? ''
          },
          customProperties
        };
      });
      return {
        kind: 'document',
        url,
        savedToCloud: isCloudUrl(url),
        title: read.properties.title.trim() || fileNameOf(url) || 'Untitled document',
        ...read
      };
    },
    async mirrorMetadata(values) {
      await runChecked(deps, "note the declaration in the document's properties", async (context) => {
        const custom = context.document.properties.customProperties;
        for (const [key, value] of Object.entries(values)) {
          custom.add(
            `${custodianPropertyPrefix}${key}`,
            value.length > customPropertyMaxLength ? `${value.slice(0, customPropertyMaxLength - 1)}…` : value
          );
        }
        await context.sync();
      });
    }
  };
}
