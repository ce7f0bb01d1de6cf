import type {PageFileRead} from '@pyodocs/remark';
import type {LoaderContext} from 'webpack';

/** The part of webpack's loader context a page's file reads are told to. */
export type PageDependencies = Pick<LoaderContext<unknown>, 'addDependency' | 'addMissingDependency'>;

/**
 * Tells webpack, while a page compiles, of each file its remark pass reads
 * (`onFileRead`): found files become dependencies of the page's module,
 * missing ones missing dependencies. Unlike the manifest (told only when the
 * page compiled), this also covers a page that fails, so `docusaurus start`
 * compiles it again when the `{include}`d file it lacked appears or the
 * included file with the mistake is fixed.
 */
export class PageFileWatch {
  private readonly compiling = new Map<string, PageDependencies>();

  /** The page's module starts compiling (the loader's pitch, before mdx-loader runs the remark pass). */
  begin(page: string, dependencies: PageDependencies): void {
    this.compiling.set(pageKey(page), dependencies);
  }

  /** The page compiled; a failed page's entry stays until it compiles again (one per failed page). */
  end(page: string): void {
    this.compiling.delete(pageKey(page));
  }

  /** For the remark pass's `onFileRead`. */
  readonly read = ({page, file, exists}: PageFileRead): void => {
    const dependencies = this.compiling.get(pageKey(page));
    if (!dependencies) return;
    if (exists) dependencies.addDependency(file);
    else dependencies.addMissingDependency(file);
  };
}

/** The remark pass names pages with `/` separators; webpack by the platform's. */
const pageKey = (page: string) => page.replaceAll('\\', '/');
