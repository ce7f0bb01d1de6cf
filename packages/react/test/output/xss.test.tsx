import {afterEach, describe, expect, it} from 'vitest';
import {filterStyle, sanitizeHtml} from '../../src/output/sanitizeHtml.js';
import {renderBundle} from './renderBundle.js';

// Every payload tries to set a page-wide flag. The output is rendered like a
// cell's, then every element gets the events its handlers would wait for
// (jsdom here runs inline handlers: see the control test). The flag lives on
// the shared document because jsdom runs handlers against its inner window
// object, which the test cannot see; the e2e test uses window.__pwned in
// Chromium.

const flag = () => document.documentElement.dataset.pwned;

afterEach(() => {
  delete document.documentElement.dataset.pwned;
});

const PAYLOADS: Record<string, string> = {
  'img onerror': '<img src=x onerror="document.documentElement.dataset.pwned=1">',
  'svg onload': '<svg onload="document.documentElement.dataset.pwned=1"><circle r="4"/></svg>',
  'svg animate onbegin':
    '<svg><animate onbegin="document.documentElement.dataset.pwned=1" attributeName="x" dur="1s"/></svg>',
  'script element': '<script>document.documentElement.dataset.pwned=1</script>',
  'script in svg': '<svg><script>document.documentElement.dataset.pwned=1</script></svg>',
  'javascript: link': '<a href="javascript:document.documentElement.dataset.pwned=1">click me</a>',
  'obfuscated javascript: link': '<a href="JaVa&#x09;ScRiPt:document.documentElement.dataset.pwned=1">click</a>',
  'data: html link':
    '<a href="data:text/html,&lt;script&gt;document.documentElement.dataset.pwned=1&lt;/script&gt;">x</a>',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.document.documentElement.dataset.pwned=1</script>"></iframe>',
  'iframe javascript src': '<iframe src="javascript:parent.document.documentElement.dataset.pwned=1"></iframe>',
  'form action':
    '<form action="javascript:document.documentElement.dataset.pwned=1"><input type=submit value=go></form>',
  'button formaction': '<button formaction="javascript:document.documentElement.dataset.pwned=1">go</button>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:document.documentElement.dataset.pwned=1">',
  'object data': '<object data="javascript:document.documentElement.dataset.pwned=1"></object>',
  'embed src': '<embed src="javascript:document.documentElement.dataset.pwned=1">',
  'base href': '<base href="javascript:document.documentElement.dataset.pwned=1//">',
  'body onload': '<body onload="document.documentElement.dataset.pwned=1">',
  'details ontoggle':
    '<details open ontoggle="document.documentElement.dataset.pwned=1"><summary>s</summary></details>',
  'input autofocus onfocus': '<input autofocus onfocus="document.documentElement.dataset.pwned=1">',
  'mutation XSS (math/style)':
    '<math><mtext><table><mglyph><style><img src=x onerror="document.documentElement.dataset.pwned=1">',
  'noscript mXSS': '<noscript><p title="</noscript><img src=x onerror=document.documentElement.dataset.pwned=1>">',
  'div onclick':
    '<div onclick="document.documentElement.dataset.pwned=1" onmouseover="document.documentElement.dataset.pwned=1">hover</div>',
};

const EVENTS = ['click', 'error', 'load', 'focus', 'toggle', 'mouseover', 'begin', 'submit'];

function fireEverything(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const type of EVENTS) element.dispatchEvent(new Event(type));
  }
}

function expectInert(root: Element): void {
  expect(
    root.querySelector('script, iframe, frame, object, embed, form, input, button, meta, base, link, style'),
  ).toBeNull();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${element.localName}[${attribute.name}]`).toBe(false);
      expect(attribute.value.replace(/\s/g, '').toLowerCase()).not.toMatch(/^(javascript|data:text\/html)/);
    }
  }
}

describe('untrusted HTML stays inert', () => {
  it('control: the same payloads DO run when inserted unsanitized, so the checks below can fail', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = PAYLOADS['div onclick'] ?? '';
    fireEverything(host);
    expect(flag()).toBe('1');
    host.remove();
  });

  it.each(Object.entries(PAYLOADS))('%s', async (_name, payload) => {
    const root = await renderBundle({'text/html': `<p>before</p>${payload}<p>after</p>`, 'text/plain': 'obj'});
    const html = root.querySelector('.pyodocs-html');
    expect(html).not.toBeNull();
    expect(html?.textContent).toContain('before');
    expectInert(root);
    fireEverything(root);
    root.querySelector('a')?.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flag()).toBeUndefined();
  });

  it('Markdown from Python goes through the same sanitizer', async () => {
    const root = await renderBundle({
      'text/markdown': `# Title\n\n[link](javascript:document.documentElement.dataset.pwned=1)\n\n${Object.values(PAYLOADS).join('\n\n')}`,
    });
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expectInert(root);
    fireEverything(root);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flag()).toBeUndefined();
  });

  it('drops style declarations that could overlay the page, keeps harmless ones', async () => {
    const root = await renderBundle({
      'text/html':
        '<div id="overlay" style="position:fixed; top:0; left:0; width:100vw; height:100vh; z-index:2147483647; background:red">gotcha</div>' +
        '<td id="cell" style="background-color: #ffeeaa; color: red; text-align: right">1</td>' +
        '<p id="fetch" style="background-image: url(https://evil.example/track.png); color: blue">x</p>' +
        '<style>body { display: none }</style>',
    });
    const overlay = root.querySelector<HTMLElement>('#overlay');
    expect(overlay?.getAttribute('style')).toBe('width:100vw; height:100vh; background:red');
    expect(overlay?.style.position).toBe('');
    expect(root.querySelector('#fetch')?.getAttribute('style')).toBe('color: blue');
    expect(root.querySelector('style')).toBeNull();
    expect(filterStyle('POSITION : Fixed; inset: 0; color: red')).toBe('color: red');
    expect(filterStyle('color: re\\64')).toBe('');
  });

  it('opens links in a new tab without access to the page, and keeps ordinary markup', async () => {
    const root = await renderBundle({
      'text/html':
        '<a href="https://numpy.org" target="_self">numpy</a><table class="dataframe"><tr><td>1</td></tr></table>',
    });
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://numpy.org');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('table.dataframe td')?.textContent).toBe('1');
  });

  it('returns nothing without a DOM window to sanitize in (server rendering)', async () => {
    const {window: saved} = globalThis;
    // A fresh module copy sees no window; outputs never render on the server anyway.
    const {vi} = await import('vitest');
    vi.resetModules();
    vi.stubGlobal('window', undefined);
    try {
      const fresh = await import('../../src/output/sanitizeHtml.js');
      expect(fresh.sanitizeHtml('<b>x</b>')).toBe('');
    } finally {
      vi.unstubAllGlobals();
      expect(globalThis.window).toBe(saved);
    }
    expect(sanitizeHtml('<b>x</b>')).toBe('<b>x</b>');
  });
});
