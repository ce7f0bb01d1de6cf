import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {SiteManifestConsumer} from '../manifest/SiteManifestPlugin.js';
import {type BuildExecution, type ExecutionTotals, OUTPUTS_PUBLIC_DIR} from './BuildExecution.js';

/**
 * Writes the files (figures) the pages' build outputs use, from the
 * execution cache — also those of pages webpack took from its cache — and
 * says once per compilation how many cells ran.
 */
export function buildOutputsConsumer(execution: BuildExecution): SiteManifestConsumer {
  return (site, output) => {
    for (const name of site.outputFiles) {
      const file = path.join(execution.files.dir, name);
      if (!existsSync(file)) {
        output.error(
          `The build output file ${name} is missing from ${execution.files.dir} (its page was taken from webpack's cache, the execution cache was cleared): run \`docusaurus clear\` and build again.`,
        );
        continue;
      }
      output.emit(`${OUTPUTS_PUBLIC_DIR}${name}`, readFileSync(file));
    }
    const line = executedLine(execution.takeTotals(site.pages));
    if (line !== undefined) console.info(line);
  };
}

/** The line the build prints about execution; undefined when no page runs cells at build. */
export function executedLine(totals: ExecutionTotals): string | undefined {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const fromWebpack = (count: number) =>
    `${plural(count, 'page')} with cells to run ${count === 1 ? 'was' : 'were'} taken from webpack's cache, with the outputs of an earlier build`;
  if (totals.pages === 0) {
    return totals.fromWebpackCache === 0
      ? undefined
      : `[pyodocs] Executed 0 cells at build: ${fromWebpack(totals.fromWebpackCache)}.`;
  }
  const more = totals.fromWebpackCache === 0 ? '' : ` ${fromWebpack(totals.fromWebpackCache)}.`;
  return `[pyodocs] Executed ${plural(totals.executed, 'cell')} at build on ${plural(totals.pages, 'page')} (${totals.cached} from the cache, ${totals.replayed} of them replayed for their session's state; ${totals.skipped} skipped).${more}`;
}
