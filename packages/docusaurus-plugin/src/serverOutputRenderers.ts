import {fileURLToPath} from 'node:url';
import {ServerStandInPlugin, reactLibFiles} from './serverStandIns.js';

/**
 * `@pyodocs/react`'s output renderers as a server build imports them (the
 * `node` condition of `#outputBlocks` and `#ansiSegments`): the MIME
 * renderers with KaTeX, marked and DOMPurify, and anser.
 */
const OUTPUT_RENDERER_MODULES = ['output/OutputBlocks.js', 'output/AnsiSegments.js'];

/** What the server bundle holds in their place: components that fail the build if a page renders outputs. */
const ON_SERVER = fileURLToPath(new URL('./outputRenderersOnServer.mjs', import.meta.url));

/**
 * Keeps the output renderers out of the server bundle of a site whose cells
 * can have no outputs at build (siteMayHaveBuildOutputs.ts). A cell renders
 * them only for outputs, which a page gets at build only from `execute` or
 * code of the site; otherwise webpack compiled them, with KaTeX, marked and
 * DOMPurify, for nothing: 32 modules and 414 kB of source of the bench
 * site's server compilation (issue 13, build row).
 */
export class ServerOutputRenderersPlugin extends ServerStandInPlugin {
  constructor(files: readonly string[] = outputRendererFiles()) {
    super(files, ON_SERVER);
  }
}

/** The renderers' files where webpack resolves them. */
export function outputRendererFiles(): string[] {
  return reactLibFiles(OUTPUT_RENDERER_MODULES);
}
