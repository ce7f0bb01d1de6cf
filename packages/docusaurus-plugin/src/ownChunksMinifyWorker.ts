import {createRequire} from 'node:module';
import {parentPort, workerData} from 'node:worker_threads';

// The thread of OwnChunksMinifierPlugin (ownChunksMinifier.ts): the site's
// terser-webpack-plugin's own `minify`, given what that plugin gives it for
// a file, one file at a time.

interface Data {
  pluginFile: string;
  minifyFile: string;
  implementationName: string;
  options: object;
  ecma: number;
}

interface Job {
  id: number;
  file: string;
  input: string;
  module: boolean | undefined;
}

interface Minified {
  code?: string;
  errors?: unknown[];
  warnings?: unknown[];
}

type Minify = (options: object) => Promise<Minified>;

const {pluginFile, minifyFile, implementationName, options, ecma} = workerData as Data;
const require = createRequire(pluginFile);
const implementation = (require(pluginFile) as Record<string, unknown>)[implementationName];
const {minify} = require(minifyFile) as {minify: Minify};

parentPort?.on('message', async ({id, file, input, module}: Job) => {
  try {
    const output = await minify({
      name: file,
      input,
      minimizer: {implementation, options},
      // Our chunks hold no licence comments (third-party code makes a chunk not ours).
      extractComments: false,
      module,
      ecma,
    });
    parentPort?.postMessage({
      id,
      code: output.code,
      errors: (output.errors ?? []).map(String),
      warnings: (output.warnings ?? []).map(String),
    });
  } catch (error) {
    parentPort?.postMessage({id, errors: [String(error)], warnings: []});
  }
});
