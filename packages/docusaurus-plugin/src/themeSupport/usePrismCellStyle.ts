import {type CSSProperties, useMemo, useSyncExternalStore} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {type PrismThemeColors, prismCellVariables} from './prismCellVariables.js';

type ColorMode = 'light' | 'dark';

// One observer of <html data-theme> for every cell on the page.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const listener of listeners) listener();
    });
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['data-theme']});
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

const colorMode = (): ColorMode => (document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light');

/**
 * The site's Prism theme for the current colour mode (`prism.darkTheme`,
 * else `prism.theme`, as Docusaurus's `usePrismTheme()` picks it) as the
 * cell's `--pyodocs-*` variables, so the editor, the doctest after Try it
 * and the static blocks share one palette on any site, light and dark.
 *
 * The mode comes from `<html data-theme>` rather than theme-common's
 * useColorMode: with pnpm, a plugin can resolve another copy of
 * theme-common than the site's, whose context is then missing (the
 * JupyterLite plugin met it). On the server and during hydration: no
 * variables (styles.css's defaults follow [data-theme] by themselves), so
 * no colours of the wrong mode show before React runs.
 */
export function usePrismCellStyle(): CSSProperties | undefined {
  const {siteConfig} = useDocusaurusContext();
  const prism = siteConfig.themeConfig['prism'] as {theme?: PrismThemeColors; darkTheme?: PrismThemeColors} | undefined;
  const mode = useSyncExternalStore(subscribe, colorMode, () => null);
  const theme = mode === 'dark' ? (prism?.darkTheme ?? prism?.theme) : prism?.theme;
  return useMemo(() => (mode && theme ? (prismCellVariables(theme) as CSSProperties) : undefined), [mode, theme]);
}
