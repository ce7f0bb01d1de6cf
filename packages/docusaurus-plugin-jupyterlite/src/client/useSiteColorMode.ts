import {useSyncExternalStore} from 'react';

export type SiteColorMode = 'light' | 'dark';

// Docusaurus themes put the colour mode on <html data-theme>. Following the
// attribute, instead of @docusaurus/theme-common's useColorMode context, keeps
// working when the site and this plugin resolve different copies of
// theme-common (pnpm peer variants): there, the context was missing and SSR of
// every page with cells failed with ReactContextError.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {attributes: true, attributeFilter: ['data-theme']});
  return () => observer.disconnect();
}

function getSnapshot(): SiteColorMode {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** The site's current colour mode, updated when the reader toggles it ('light' on the server). */
export function useSiteColorMode(): SiteColorMode {
  return useSyncExternalStore(subscribe, getSnapshot, () => 'light');
}
