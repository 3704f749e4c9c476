/**
 * The page the Teams queue benchmark (bench/teamsQueue.ts) bundles and opens in Chromium: the Dispositions app on
 * services that hold N pending items in memory, and `window.custodianBench` to measure it. Not part of any build.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { DispositionsApp } from '../../src/ui/dispositions/DispositionsApp';
import type { QueueItem, QueueSnapshot } from '../../src/core/services/disposition/DispositionQueue';
import type { DispositionsServices } from '../../src/ui/dispositions/DispositionsServices';

const labels = [
  'Invoices - 7 Years',
  'Contracts - 10 Years After Expiry',
  'Litigation Records',
  'Health and Safety - 40 Years',
  'Regulatory Filings - 10 Years'
];
const sites = ['Finance & Accounting', 'Legal', 'Records Centre', 'Human Resources', 'Projets "Été" <2024> #1'];

function pendingItems(count: number): QueueItem[] {
  return Array.from({ length: count }, (_, n) => ({
    key: `site-${n % 5}|list-${n % 12}|${n + 1}`,
    name: `${['Invoice INV', 'Credit Note CN', 'NDA', 'Inspection'][n % 4]}-${String(10_000 + n)}.pdf`,
    title: `Document ${n}`,
    labelName: labels[n % labels.length],
    siteId: `site-${n % 5}`,
    siteName: sites[n % 5],
    libraryName: ['Invoices', 'Contracts', 'Records'][n % 3],
    created: new Date(Date.UTC(2014, 0, 1) + n * 3_600_000).toISOString(),
    assetId: n % 7 === 0 ? `A-${n}` : undefined,
    isRecord: n % 3 === 0,
    columns: { Department: ['Finance', 'Legal', 'HR'][n % 3], ReferenceNumber: `REF-${n}` },
    retentionEndedAt: new Date(Date.UTC(2021, 0, 1) + n * 8_640_000).toISOString(),
    stages: [
      { name: 'Finance review', reviewers: ['priya.raman@contoso.com'] },
      { name: 'Legal sign-off', reviewers: ['sam.okafor@contoso.com'] }
    ],
    currentStage: (n % 2) + 1,
    status: 'pendingReview',
    holds: n % 50 === 0 ? [{ source: 'ediscovery', id: 'h', name: 'Northwind litigation hold' }] : []
  }));
}

interface Bench {
  /** Renders the app, resolves the queue with `count` items and gives ms from the data's arrival to the painted list. */
  firstRender(count: number): Promise<number>;
  /** Types `text` into the search box and gives ms to the painted result. */
  filterText(text: string): Promise<number>;
  /** Chooses a label in the label filter and gives ms to the painted result. */
  filterLabel(label: string): Promise<number>;
  shown(): string;
}

declare global {
  interface Window {
    custodianBench: Bench;
  }
}

const painted = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits (without a timer) until `done()` holds, checking after each DOM change. */
function until(done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const summary = (): string => document.querySelector('[data-testid="queue-summary"]')?.textContent ?? '';

/** Sets a controlled React input's value as typing does (the native setter, then an input event). */
function setValue(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function measureChange(change: () => void): Promise<number> {
  const before = summary();
  const started = performance.now();
  change();
  await until(() => summary() !== before);
  await painted();
  return performance.now() - started;
}

window.custodianBench = {
  async firstRender(count) {
    const items = pendingItems(count);
    let arrive: (snapshot: QueueSnapshot) => void = () => undefined;
    const arrived = new Promise<QueueSnapshot>((resolve) => (arrive = resolve));
    const never = (): Promise<never> => new Promise<never>(() => undefined);
    const services: DispositionsServices = {
      loadQueue: () => arrived,
      item: async () => undefined,
      decide: never,
      holds: async () => [],
      legalHolds: async () => [],
      createHold: never,
      addToHold: never,
      releaseHold: never,
      eventTypes: async () => [],
      previewEvent: never,
      fireEvent: never,
      register: never,
      forecast: async () => [],
      search: never
    };
    const root = document.getElementById('root') as HTMLElement;
    ReactDom.unmountComponentAtNode(root);
    ReactDom.render(
      React.createElement(FluentProvider, { theme: teamsLightTheme }, React.createElement(DispositionsApp, { services })),
      root
    );
    await until(() => document.querySelector('[role="status"]') !== null);
    await painted();
    const snapshot: QueueSnapshot = {
      now: '2026-11-26T00:00:00Z',
      user: 'priya.raman@contoso.com',
      items,
      labels: [],
      sites: [],
      indexedCount: count
    };
    const started = performance.now();
    arrive(snapshot);
    await until(() => document.querySelector('[role="listbox"] [role="option"]') !== null);
    await painted();
    return performance.now() - started;
  },
  filterText: (text) => measureChange(() => setValue(document.querySelector('input[type="search"]') as HTMLInputElement, text)),
  filterLabel(label) {
    const select = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === label)) as HTMLSelectElement;
    return measureChange(() => setValue(select, label));
  },
  shown: summary
};
