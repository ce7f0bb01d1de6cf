import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import type {PageManifestCollector} from './PageManifestCollector.js';

/**
 * unified plugin, after `remarkPythonCells`: hands the page manifest
 * (`file.data.pyodocs`) to the collector of this build.
 */
export function remarkCollectPageManifest(options: {collector: PageManifestCollector}) {
  return (_tree: Root, file: VFile): void => {
    const manifest = file.data.pyodocs;
    if (manifest !== undefined && file.path) {
      options.collector.set(file.path, {manifest, outputFiles: file.data.pyodocsOutputFiles ?? []});
    }
  };
}
