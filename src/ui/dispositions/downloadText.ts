/**
 * Saves text as a file through the browser's download (an object URL on an anchor): nothing is sent anywhere.
 * CSV exports carry Excel's BOM already, so the type only names the format.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on the next task: Chromium starts the download from the click, before then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
