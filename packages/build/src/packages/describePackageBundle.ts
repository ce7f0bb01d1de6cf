import type {PackageBundle} from './bundlePackages.js';

/**
 * What a build prints about its bundle: one line (how many packages, how
 * big, from where, how much came from the cache), then one line per package
 * that could not be bundled and one for imports no source provides.
 */
export function describePackageBundle(bundle: PackageBundle): string {
  const lines: string[] = [];
  if (bundle.bundled.length === 0) {
    lines.push('No Python packages to bundle.');
  } else {
    const size = bundle.files.reduce((sum, file) => sum + file.size, 0);
    const hosts = new Map<string, number>();
    for (const item of bundle.bundled) {
      const host = new URL(item.url).host;
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
    }
    const from = joinWords(Array.from(hosts, ([host, count]) => `${host} (${count})`));
    const cached = bundle.bundled.filter((item) => item.fromCache).length;
    const cache =
      cached === bundle.bundled.length
        ? ', all from the cache'
        : cached > 0
          ? `, ${cached} of them from the cache`
          : '';
    const plural = bundle.bundled.length === 1 ? 'package' : 'packages';
    lines.push(`Bundled ${bundle.bundled.length} Python ${plural} (${formatMegabytes(size)}) from ${from}${cache}.`);
  }
  for (const {name, reason} of bundle.failed) lines.push(`  not bundled: ${name}. ${reason}`);
  if (bundle.unknownImports.length > 0) {
    lines.push(
      `  no package provides: ${bundle.unknownImports.join(', ')} (neither Pyodide's lock file nor PyPI has them).`,
    );
  }
  return lines.join('\n');
}

function formatMegabytes(bytes: number): string {
  return bytes < 100_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
