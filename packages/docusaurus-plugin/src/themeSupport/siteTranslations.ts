import {useMemo} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

// Per code translations (one object per locale) and prefix: one pass for every cell of the page.
const found = new WeakMap<object, Map<string, object>>();

/**
 * The site's translations of the labels whose translation ids are `prefix`
 * and the label's name (`pyodocs.cell.run` → `run`), from Docusaurus's code
 * translations (i18n/<locale>/code.json): only those the site has; the rest
 * stay @pyodocs/react's English. Not translate() calls at run time, nor a
 * table of ids, so a page carries neither every label's English message and
 * description a second time nor their ids (issue 13). The translate() calls
 * that `docusaurus write-translations` extracts stay in the catalogues
 * (translatedCellLabels.ts, translatedRunLabels.ts, translatedPageLabels.ts),
 * tested to use these ids.
 */
export function useSiteLabels<Labels extends object>(prefix: string): Partial<Labels> {
  const {codeTranslations} = useDocusaurusContext();
  let forSite = found.get(codeTranslations);
  if (!forSite) {
    forSite = new Map();
    found.set(codeTranslations, forSite);
  }
  let labels = forSite.get(prefix) as Record<string, string> | undefined;
  if (!labels) {
    labels = {};
    for (const [id, message] of Object.entries(codeTranslations))
      if (id.startsWith(prefix)) labels[id.slice(prefix.length)] = message;
    forSite.set(prefix, labels);
  }
  return labels as Partial<Labels>;
}

/** The same for labels whose ids do not follow that pattern, looked up by a table of ids (the doctest blocks', in their own chunk). */
export function useSiteTranslations<Key extends string>(
  ids: Readonly<Record<Key, string>>,
): Partial<Record<Key, string>> {
  const {codeTranslations} = useDocusaurusContext();
  return useMemo(() => {
    const found: Partial<Record<Key, string>> = {};
    for (const key of Object.keys(ids) as Key[]) {
      const message = codeTranslations[ids[key]];
      if (message !== undefined) found[key] = message;
    }
    return found;
  }, [ids, codeTranslations]);
}
