// Plain JavaScript (typed by staticServer.d.ts) so that the e2e suite and the
// bench scripts (`node e2e/bench/*.mjs`, no TypeScript) serve sites the same way.
import {createServer} from 'node:http';
import sirv from 'sirv';

/** Serves a built site on 127.0.0.1 (random port), as a static host would. */
export async function serveStatic(dir, options = {}) {
  const {cacheControl} = options;
  const site = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    ...(cacheControl ? {setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControl(pathname))} : {}),
  });
  const server = createServer((req, res) => {
    if (options.crossOriginIsolation) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    if (options.handle?.(req, res)) return;
    site(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
