/**
 * Offers text as a file download: a Blob behind a temporary link, clicked once, then released. The text is never
 * put in the DOM or a URL, and nothing is sent anywhere. CSV exports carry Excel's BOM already, so the default type
 * only names the format.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled, so the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
