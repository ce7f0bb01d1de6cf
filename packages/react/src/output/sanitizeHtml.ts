import {type Config, createDOMPurify, type DOMPurify} from '../vendor/markup.js';

/*
 * HTML from Python is untrusted: any package, or any string a reader pastes
 * into a cell, can produce it, and it is shown in the docs origin (same
 * cookies, same localStorage). DOMPurify (cure53, the sanitizer browsers'
 * own Sanitizer API was modelled on) removes scripts, event handlers and
 * javascript: URLs. On top of its defaults we:
 *
 * - forbid elements that act on their own or on the page: frames, objects,
 *   forms and their controls, <style> (page-wide rules), <meta>, <link>, <base>;
 * - keep inline `style` attributes (tables and pandas' Styler need colours and
 *   sizes) but drop declarations that could lift content out of the output
 *   box and over the page (position, z-index, inset offsets) or fetch URLs;
 *   the output box also has CSS containment (styles.css), so nothing inside
 *   it can paint outside it;
 * - open links in a new tab with rel="noopener noreferrer".
 */

const FORBID_TAGS = [
  'style',
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'meta',
  'link',
  'base',
  'noscript',
  'template',
];

const FORBID_ATTR = ['action', 'formaction', 'ping', 'target'];

// CSS properties that let content escape its box or stack above the page.
const FORBIDDEN_STYLE_PROPERTY =
  /^(position|z-index|top|right|bottom|left|inset(-.*)?|behavior|-moz-binding|content)$/i;
// Values that fetch something or run something (old IE expressions).
const FORBIDDEN_STYLE_VALUE = /url\s*\(|expression\s*\(|javascript:|@import|image-set\s*\(|\\/i;

const config: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  // Python output is a fragment, never a whole document.
  WHOLE_DOCUMENT: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

let purifier: DOMPurify | null = null;

/** One DOMPurify instance with our hooks, created on first use (there is no window on the server). */
function getPurifier(): DOMPurify | null {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return null;
  purifier = createPurifier(window);
  return purifier;
}

/** DOMPurify on `window` with our configuration's hooks; null where DOMPurify cannot work. */
function createPurifier(window: Parameters<typeof createDOMPurify>[0]): DOMPurify | null {
  const instance = createDOMPurify(window);
  if (!instance.isSupported) return null;
  instance.addHook('afterSanitizeAttributes', (node) => {
    const style = node.getAttribute('style');
    if (style !== null) {
      const kept = filterStyle(style);
      if (kept) node.setAttribute('style', kept);
      else node.removeAttribute('style');
    }
    if ((node.localName === 'a' || node.localName === 'area') && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return instance;
}

/**
 * The same sanitizer on another window: a build sanitizes outputs it
 * renders into static HTML under jsdom (Node has no DOM), with exactly the
 * rules the browser applies.
 */
export function createHtmlSanitizer(window: Parameters<typeof createDOMPurify>[0]): (html: string) => string {
  const instance = createPurifier(window);
  if (!instance) throw new Error('DOMPurify does not support this window');
  return (html) => instance.sanitize(html, config);
}

/** The declarations of an inline style that cannot overlay the page or fetch anything. */
export function filterStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon <= 0) return false;
      const property = declaration.slice(0, colon).trim();
      const value = declaration.slice(colon + 1);
      return !FORBIDDEN_STYLE_PROPERTY.test(property) && !FORBIDDEN_STYLE_VALUE.test(value);
    })
    .join('; ');
}

/**
 * Inert HTML for `html` (a string from Python). Empty on the server, where
 * outputs never render anyway (they only exist after a run in the browser).
 */
export function sanitizeHtml(html: string): string {
  const instance = getPurifier();
  if (!instance) return '';
  return instance.sanitize(html, config);
}
