import type {IncomingMessage, ServerResponse} from 'node:http';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeStaticOptions {
  /** Send COOP `same-origin` + COEP `require-corp` on every response (a cross-origin isolated site). */
  crossOriginIsolation?: boolean;
  /** The `Cache-Control` of a site file, by its URL path (default: sirv's, none). */
  cacheControl?: (pathname: string) => string;
  /** Answers a request before the site does (pages of the server's own); true when it answered. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** Serves a built site on 127.0.0.1 (random port), as a static host would. */
export declare function serveStatic(dir: string, options?: ServeStaticOptions): Promise<StaticServer>;
