// The server bundle's stand-in for a module only the browser runs (see
// browserOnlyModules.ts): never imported while a page renders. Plain
// CommonJS, so webpack checks no export names against it.
throw new Error(
  '[pyodocs] A page imported browser-only code while rendering on the server. This is a bug in pyodocs: please report it with the page.',
);
