import {ipythonLines} from './maskIPythonSyntax.js';

/** `%pip install` options whose next word is their value, not a package. */
const OPTIONS_WITH_VALUE = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-c',
  '--constraint',
]);
/** A requirement's name, before extras, a version specifier or a marker (`pkg[extra]>=1; python_version>"3"`). */
const REQUIREMENT_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?=$|[[\s=<>!~;@(])/;

/**
 * The packages a cell installs with `%pip install NAME…` or `!pip install
 * NAME…` (also `!python -m pip install`; as the runtime's magic reads them): a site that bundles its packages ships these too, and
 * the build loads them before it runs the cell. Words the runtime fills in
 * at run time (`{var}`, `$var`), URLs, paths and wheel files are not names
 * and are left out, as are options and their values.
 */
export function pipInstallPackages(code: string): string[] {
  const names = new Set<string>();
  for (const {text} of ipythonLines(code)) {
    // Split like a shell: a quoted requirement ("pkg; python_version>'3'") is one word.
    const words = [...text.matchAll(/"[^"]*"|'[^']*'|\S+/g)].map(([word]) => word);
    const first = installArguments(words);
    if (first === undefined) continue;
    let skipValue = false;
    for (const word of words.slice(first)) {
      if (skipValue) {
        skipValue = false;
        continue;
      }
      if (word.startsWith('#')) break;
      if (word.startsWith('-')) {
        skipValue = OPTIONS_WITH_VALUE.has(word);
        continue;
      }
      const unquoted = /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
      if (/[{}$/\\:]/.test(unquoted)) continue;
      const name = REQUIREMENT_NAME.exec(unquoted)?.[1];
      if (name !== undefined && !/\.(whl|zip|tar\.gz)$/i.test(unquoted)) names.add(name);
    }
  }
  return [...names];
}

/** Where the requirements start in `%pip install …`, `!pip install …` or `!python -m pip install …`; undefined for any other line. */
function installArguments(words: readonly string[]): number | undefined {
  if ((words[0] === '%pip' || words[0] === '!pip' || words[0] === '!pip3') && words[1] === 'install') return 2;
  const python = /^!(?:\S*python[\d.]*|\{sys\.executable\})$/.test(words[0] ?? '');
  if (python && words[1] === '-m' && words[2] === 'pip' && words[3] === 'install') return 4;
  return undefined;
}
