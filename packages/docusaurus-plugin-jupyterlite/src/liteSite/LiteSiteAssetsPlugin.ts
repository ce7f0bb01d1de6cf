import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Compiler} from 'webpack';

/**
 * Serves the prepared JupyterLite site as webpack assets in `docusaurus
 * start` (from memory, like the Pyodide files). It reads `getDir()` at every
 * compilation, so when a content change makes the plugin prepare a new site
 * (a new cache folder), the dev server switches to it without a restart.
 */
export class LiteSiteAssetsPlugin {
  private loadedDir: string | undefined;
  private files: Array<[string, Buffer]> = [];

  constructor(
    private readonly getDir: () => string | undefined,
    private readonly route: string,
  ) {}

  apply(compiler: Compiler): void {
    const {RawSource} = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('PyodocsJupyterLiteAssets', (compilation) => {
      compilation.hooks.processAssets.tap(
        {name: 'PyodocsJupyterLiteAssets', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL},
        () => {
          const dir = this.getDir();
          if (dir === undefined) return;
          if (dir !== this.loadedDir) {
            this.files = readdirSync(dir, {recursive: true, encoding: 'utf8'})
              .filter((rel) => statSync(path.join(dir, rel)).isFile())
              .map((rel) => [rel.split(path.sep).join('/'), readFileSync(path.join(dir, rel))]);
            this.loadedDir = dir;
          }
          for (const [rel, bytes] of this.files) {
            compilation.emitAsset(`${this.route}${rel}`, new RawSource(bytes), {minimized: true});
          }
        },
      );
    });
  }
}
