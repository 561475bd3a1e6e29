/** Saves text as a file through the browser's download (no server involved). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download; the blob URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
