/**
 * The UI never shows an id or an API name (docs/ui-words.md). Every page the browser tests open goes
 * through this check: from the moment it loads, a watcher in the page reads the text of the extension
 * (and of its toasts) after every change, and the page may not close while anything it saw looks like
 * a HubSpot property name, a record/owner/team id (a run of 8 or more digits) or a uuid.
 */
import type { Page } from 'playwright-core';

export interface InternalText {
  kind: 'API name' | 'id' | 'uuid';
  match: string;
  /** The text around it, to find where it came from. */
  context: string;
}

/** Runs in the page (as an init script): collects every match, also of text that was shown only briefly. */
export const WATCHER = `(() => {
  const PATTERNS = [
    ['API name', /hs_[a-z_]+/g],
    ['id', /\\d{8,}/g],
    ['uuid', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi],
  ];
  const found = new Map();
  const scan = () => {
    for (const root of document.querySelectorAll('[data-testid="extension-root"], [data-testid="toast"]')) {
      const text = root.innerText || '';
      for (const [kind, re] of PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const context = text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 50).replace(/\\s+/g, ' ');
          found.set(kind + ':' + m[0], { kind, match: m[0], context });
        }
      }
    }
  };
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; scan(); }, 0);
  };
  const start = () => new MutationObserver(queue).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
  window.__internalText = () => { scan(); return [...found.values()]; };
})();`;

/** Everything the page has shown so far that looks internal. */
export async function internalTextOf(page: Page): Promise<InternalText[]> {
  return page.evaluate(() => {
    const read = (window as unknown as { __internalText?: () => InternalText[] }).__internalText;
    return read ? read() : [];
  });
}

/** Fails when the page has shown an id or an API name, naming each and where it was. */
export async function assertNoInternalText(page: Page): Promise<void> {
  if (page.isClosed()) return;
  const found = await internalTextOf(page);
  if (found.length > 0) {
    throw new Error(
      `The UI showed ids or API names:\n${found.map((f) => `- ${f.kind} "${f.match}" in "…${f.context}…"`).join('\n')}`,
    );
  }
}

/**
 * Puts the watcher in a page and makes `page.close()` run the check first: a test cannot forget it.
 * `allow` lists texts the page may show on purpose (none in the app's own flows).
 */
export async function guardPage(page: Page): Promise<void> {
  await page.addInitScript(WATCHER);
  const close = page.close.bind(page);
  page.close = async (options) => {
    try {
      await assertNoInternalText(page);
    } finally {
      await close(options);
    }
  };
}
