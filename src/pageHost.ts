/** The element of the page's HTML a part of the page is drawn into; a missing one names the page and the id. */
export function host(id: string): HTMLElement {
  const e = document.getElementById(id);
  const page = location.pathname.split('/').pop() || 'index.html';
  if (!e) throw new Error(`${page} has no #${id}`);
  return e;
}
