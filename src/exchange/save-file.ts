/** Saves a file through the browser's downloads: the side effect, apart from the builders. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
