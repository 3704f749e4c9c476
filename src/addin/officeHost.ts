/**
 * Office appends `_host_Info` (e.g. `Word$Win32$16.01$en-US$$$$0`) to the task pane URL when it loads an
 * add-in. Outside Office the page runs in demo mode against the dev tenant and never loads office.js,
 * which only Microsoft's CDN serves.
 */
export function isInsideOffice(search: string): boolean {
  return new URLSearchParams(search).has('_host_Info');
}

/** Office.js must come from Microsoft's CDN (AppSource requires it); the page loads it only inside Office. */
export const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function loadOfficeJs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = officeJsUrl;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Office.js could not be loaded from ${officeJsUrl}. Check the network and reopen the add-in.`));
    document.head.appendChild(script);
  });
}
