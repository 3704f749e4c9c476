import type { Context } from '@microsoft/microsoft-graph-client';
import { RequestPolicy, type RequestPolicySettings } from './RequestPolicy';

export function policyOf(context: Context): RequestPolicySettings {
  const option = context.middlewareControl?.getMiddlewareOptions(RequestPolicy);
  return option instanceof RequestPolicy ? option.settings : {};
}

export function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function methodOf(context: Context): string {
  return (context.options?.method ?? (typeof context.request === 'string' ? 'GET' : context.request.method)).toUpperCase();
}

/** Sets (or, with undefined, removes) a header whatever shape `options.headers` has. */
export function setHeader(context: Context, name: string, value: string | undefined): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    if (value === undefined) headers.delete(name);
    else headers.set(name, value);
    return;
  }
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) for (const [k, v] of headers) record[k] = v;
  else if (headers) Object.assign(record, headers);
  for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
  if (value !== undefined) record[name] = value;
  options.headers = record;
}
