import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect} from 'vitest';
import webpack from 'webpack';

const require = createRequire(import.meta.url);

/** A one-chunk CommonJS bundle for Node, as Docusaurus's server compilation makes, and what went into it. */
export interface ServerBundle {
  /** The bundle's file, to `require`. */
  file: string;
  /** Every module's resource: a module a plugin replaced keeps its request's name, not its file's. */
  modules: string[];
}

/** A folder for bundles, removed by the returned function. */
export function bundleFolder(prefix: string): {work: string; remove: () => void} {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  return {work, remove: () => rmSync(work, {recursive: true, force: true})};
}

/**
 * Compiles `source` (an ES module) for Node with the given plugins; the
 * compilation must have no error or warning. React stays outside, so the
 * bundle and the test share one.
 */
export async function compileServerBundle(
  work: string,
  name: string,
  source: string,
  plugins: webpack.WebpackPluginInstance[],
): Promise<ServerBundle> {
  const entry = path.join(work, `${name}.mjs`);
  writeFileSync(entry, source);
  const react = (request: string) => `commonjs ${require.resolve(request)}`;
  const compiler = webpack({
    mode: 'production',
    target: 'node',
    context: work,
    entry,
    externals: {react: react('react'), 'react/jsx-runtime': react('react/jsx-runtime')},
    output: {path: path.join(work, 'out'), filename: `${name}.cjs`, library: {type: 'commonjs2'}},
    optimization: {minimize: false},
    plugins: [new webpack.optimize.LimitChunkCountPlugin({maxChunks: 1}), ...plugins],
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
  expect(stats.hasWarnings(), stats.toString('errors-warnings')).toBe(false);
  const modules = stats.toJson({modules: true, nestedModules: true}).modules?.flatMap(moduleResources) ?? [];
  return {file: path.join(work, 'out', `${name}.cjs`), modules};
}

function moduleResources(module: webpack.StatsModule): string[] {
  return [module.nameForCondition ?? '', ...(module.modules ?? []).flatMap(moduleResources)];
}
