/**
 * Saves `text` as a file named `fileName` through a Blob, an object URL and an `<a download>` added to
 * `parent` for the click. The URL is revoked a minute later, once the browser has read it.
 */
export function downloadText(parent: Node, fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
