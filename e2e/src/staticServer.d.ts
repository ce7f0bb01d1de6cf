export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeStaticOptions {
  /** Send COOP `same-origin` + COEP `require-corp` on every response (a cross-origin isolated site). */
  crossOriginIsolation?: boolean;
}

/** Serves a built site on 127.0.0.1 (random port), as a static host would. */
export declare function serveStatic(dir: string, options?: ServeStaticOptions): Promise<StaticServer>;
