/** A failed request: an HTTP error status, or a host that could not be reached at all. */
export interface FetchFailure {
  ok: false;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** No answer (connection refused, DNS, timeout): the whole origin is taken as down for this build. */
  unreachable: boolean;
  /** `HTTP 404`, or `could not reach <host> (<code>)`. */
  message: string;
}

export type FetchOutcome<T> = {ok: true; value: T} | FetchFailure;

/**
 * GET requests for one bundle: a few at a time, each one counted (the
 * bundle reports how many it made), and none to an origin that already
 * failed to answer, so an offline build fails fast instead of waiting for a
 * timeout per package.
 */
export class HttpFetcher {
  /** Requests sent so far. */
  requests = 0;
  readonly #concurrency: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  readonly #unreachable = new Map<string, string>();

  constructor(concurrency = 4) {
    this.#concurrency = concurrency;
  }

  bytes(url: string): Promise<FetchOutcome<Uint8Array>> {
    return this.#get(url, 120_000, {}, async (response) => new Uint8Array(await response.arrayBuffer()));
  }

  json(url: string): Promise<FetchOutcome<unknown>> {
    return this.#get(url, 30_000, {accept: 'application/json'}, (response) => response.json() as Promise<unknown>);
  }

  async #get<T>(
    url: string,
    timeoutMs: number,
    headers: Record<string, string>,
    read: (response: Response) => Promise<T>,
  ): Promise<FetchOutcome<T>> {
    const {origin, host} = new URL(url);
    const known = this.#unreachable.get(origin);
    if (known !== undefined) return {ok: false, unreachable: true, message: known};
    await this.#slot();
    try {
      const again = this.#unreachable.get(origin);
      if (again !== undefined) return {ok: false, unreachable: true, message: again};
      this.requests += 1;
      const response = await fetch(url, {headers, signal: AbortSignal.timeout(timeoutMs)});
      if (!response.ok) {
        await response.body?.cancel();
        return {ok: false, status: response.status, unreachable: false, message: `HTTP ${response.status}`};
      }
      return {ok: true, value: await read(response)};
    } catch (error) {
      if (error instanceof SyntaxError) return {ok: false, unreachable: false, message: 'the answer is not JSON'};
      const message = `could not reach ${host} (${describeNetworkError(error)})`;
      this.#unreachable.set(origin, message);
      return {ok: false, unreachable: true, message};
    } finally {
      this.#release();
    }
  }

  async #slot(): Promise<void> {
    if (this.#active < this.#concurrency) {
      this.#active += 1;
      return;
    }
    // The releasing request hands its slot over: #active stays the same.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#active -= 1;
    else next();
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as {cause?: {code?: string; message?: string}}).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
