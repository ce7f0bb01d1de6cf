import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeStaticOptions {
  /** Send COOP `same-origin` + COEP `require-corp` on every response (a cross-origin isolated site). */
  crossOriginIsolation?: boolean;
}

/** Serves a built site on 127.0.0.1 (random port), as a static host would. */
export async function serveStatic(dir: string, options: ServeStaticOptions = {}): Promise<StaticServer> {
  const handler = sirv(dir, {dev: false, etag: true, extensions: ['html']});
  const server: Server = createServer((req, res) => {
    if (options.crossOriginIsolation) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
