import type {PyodideClient, RunEvent, RunOutcome, RunRequest} from '../../src/index.js';

/** A run with every event it produced so far. */
export interface RecordedRun {
  id: string;
  events: RunEvent[];
  done: Promise<RunOutcome>;
}

export function recordRun(client: PyodideClient, request: RunRequest): RecordedRun {
  const events: RunEvent[] = [];
  const handle = client.run(request, (event) => events.push(event));
  return {id: handle.id, events, done: handle.done};
}

/** Run to the end; the events and the outcome. */
export async function runToEnd(
  client: PyodideClient,
  request: RunRequest,
): Promise<{events: RunEvent[]; outcome: RunOutcome}> {
  const run = recordRun(client, request);
  const outcome = await run.done;
  return {events: run.events, outcome};
}

/** The text/plain of the run's result event, if any. */
export function resultText(events: RunEvent[]): unknown {
  const result = events.find((event) => event.type === 'result');
  return result?.type === 'result' ? result.data['text/plain'] : undefined;
}
