/**
 * The debrief at the session's end: the printable report (sim/training/debriefHtml.ts: objectives met or missed
 * with response times, the alarms, the trends with faults, alarms and actions marked, the timeline) shown in the
 * page, and its export as JSON and as the HTML file.
 */
import { el } from '../consoles/panel';
import type { Debrief } from '../../sim/training/debrief';

function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report's markup (sim/training/debriefHtml.ts) without its <style>, its style attributes kept as data-style. */
function withoutInlineStyle(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/ style="/g, ' data-style="');
}

export class DebriefPanel {
  private readonly report: HTMLElement;

  constructor(private readonly box: HTMLElement) {
    box.hidden = true;
    this.report = el('div', 'debrief-report');
    this.report.dataset.testid = 'debrief-report';
  }

  show(json: Debrief, html: string, fileStem: string): void {
    const bar = el('div', 'button-row debrief-export');
    const button = (label: string, testId: string, act: () => void) => {
      const b = el('button', undefined, label);
      b.type = 'button';
      b.dataset.testid = testId;
      b.addEventListener('click', act);
      bar.append(b);
    };
    button('Download debrief (JSON)', 'debrief-json', () => download(JSON.stringify(json, null, 2), 'application/json', `${fileStem}-debrief.json`));
    button('Download report (HTML)', 'debrief-html', () => download(html, 'text/html', `${fileStem}-debrief.html`));
    button('Print', 'debrief-print', () => window.print());
    // the report's own markup, without its <style> (the page's policy allows no inline style; the page styles it).
    // Removed from the text before parsing: the parser applies the page's policy, a console error for each.
    const doc = new DOMParser().parseFromString(withoutInlineStyle(html), 'text/html');
    doc.querySelectorAll('style, script').forEach((s) => s.remove());
    // its rows' classes (met, missed, alarm, lab...) would take the page's own rules: kept as data-row instead
    doc.querySelectorAll('tr[class]').forEach((tr) => {
      (tr as HTMLElement).dataset.row = tr.className;
      tr.removeAttribute('class');
    });
    this.report.replaceChildren(...Array.from(doc.body.childNodes, (n) => document.importNode(n, true)));
    // the legend's colours, set through the CSSOM (which the policy allows)
    this.report.querySelectorAll<HTMLElement>('[data-style]').forEach((e) => {
      e.style.cssText = e.dataset.style ?? '';
      delete e.dataset.style;
    });
    this.box.replaceChildren(bar, this.report);
    this.box.hidden = false;
    this.box.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  hide(): void {
    this.box.hidden = true;
  }
}
