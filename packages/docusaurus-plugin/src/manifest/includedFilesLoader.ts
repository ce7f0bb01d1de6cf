import type {LoaderDefinitionFunction} from 'webpack';

/** What the loader asks the build: the files the remark pass included into a page (absolute paths). */
export interface IncludedFilesLoaderOptions {
  includedFiles(page: string): readonly string[] | undefined;
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
  for (const file of this.getOptions().includedFiles(this.resourcePath) ?? []) this.addDependency(file);
  this.callback(null, content, sourceMap, meta);
};
export default includedFilesLoader;
