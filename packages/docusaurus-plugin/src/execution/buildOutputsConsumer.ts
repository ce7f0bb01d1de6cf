import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {SiteManifestConsumer} from '../manifest/SiteManifestPlugin.js';
import {type BuildExecution, OUTPUTS_PUBLIC_DIR} from './BuildExecution.js';

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
    const totals = execution.takeTotals();
    if (totals.pages === 0) return;
    console.info(
      `[pyodocs] Executed ${totals.executed} cell${totals.executed === 1 ? '' : 's'} at build on ${totals.pages} page${totals.pages === 1 ? '' : 's'} (${totals.cached} from the cache, ${totals.replayed} of them replayed for their session's state; ${totals.skipped} skipped).`,
    );
  };
}
