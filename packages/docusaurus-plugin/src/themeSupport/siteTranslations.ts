import {useMemo} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

/**
 * The site's translations of labels, looked up by their translation ids in
 * Docusaurus's code translations (i18n/<locale>/code.json): only those the
 * site has; the rest stay @pyodocs/react's English. Not translate() calls
 * at run time, so a page carries the ids, not every label's English message
 * and description a second time (issue 13). The translate() calls that
 * `docusaurus write-translations` extracts stay in the catalogues
 * (translatedCellLabels.ts, translatedPageLabels.ts), tested to name these ids.
 */
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
