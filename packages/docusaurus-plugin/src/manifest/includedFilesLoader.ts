import type {LoaderDefinitionFunction, PitchLoaderDefinitionFunction} from 'webpack';
import type {PageFileWatch} from './PageFileWatch.js';

/** What the loader asks the build: the files the remark pass included into a page (absolute paths). */
export interface IncludedFilesLoaderOptions {
  includedFiles(page: string): readonly string[] | undefined;
  /** Told of the page's module while it compiles, so files read by its remark pass are watched even when it fails. */
  fileWatch?: PageFileWatch;
}

/**
 * Webpack loader put right before mdx-loader (so it runs on mdx-loader's
 * result, for the same module): makes each file the page's `{include}`
 * directives read a dependency of the page's module. `docusaurus start`
 * then compiles the page again when an included file changes, and
 * webpack's persistent cache takes the page's cached result only while its
 * included files are unchanged. The remark pass sees only a vfile, so the
 * included files come from the manifest it recorded for the page (in the
 * server compiler too: mdx-loader hands it the client compiler's result,
 * made by the same pass).
 */
const includedFilesLoader: LoaderDefinitionFunction<IncludedFilesLoaderOptions> = function (content, sourceMap, meta) {
  const options = this.getOptions();
  for (const file of options.includedFiles(this.resourcePath) ?? []) this.addDependency(file);
  options.fileWatch?.end(this.resourcePath);
  this.callback(null, content, sourceMap, meta);
};
export default includedFilesLoader;

/**
 * Runs before mdx-loader: while the remark pass runs, the files it reads are
 * told to this module at once (`PageFileWatch`). That matters when the page
 * fails (a missing `{include}` target): webpack keeps the dependencies a
 * failed module was told, but this loader's normal phase never runs then.
 * Not in the server compiler, whose mdx-loader takes the client's result.
 */
export const pitch: PitchLoaderDefinitionFunction<IncludedFilesLoaderOptions> = function () {
  if (this._compiler?.name === 'server') return;
  this.getOptions().fileWatch?.begin(this.resourcePath, this);
};
