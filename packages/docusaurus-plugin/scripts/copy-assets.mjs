// tsc does not copy CSS modules: theme components import them at runtime
// from lib/, so copy every non-TypeScript file of src/theme beside the JS.
import {cpSync} from 'node:fs';

cpSync('src/theme', 'lib/theme', {
  recursive: true,
  filter: (source) => !/\.(tsx?|d\.ts)$/.test(source),
});

// The server bundle's stand-in for browser-only modules (browserOnlyModules.ts) is plain CommonJS, not compiled.
cpSync('src/browserOnlyOnServer.cjs', 'lib/browserOnlyOnServer.cjs');

// So is its stand-in for the output renderers (serverOutputRenderers.ts), plain ES module code.
cpSync('src/outputRenderersOnServer.mjs', 'lib/outputRenderersOnServer.mjs');
