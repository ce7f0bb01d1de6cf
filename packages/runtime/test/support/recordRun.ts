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

/** Resolves once the run has emitted an event `matches` accepts (polled: events arrive from the worker). */
export function eventSeen(run: RecordedRun, matches: (event: RunEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (run.events.some(matches)) {
        clearInterval(check);
        resolve();
      }
    }, 5);
  });
}

/** Resolves when the run has printed `marker`: Python is past it, e.g. inside the loop that follows. */
export function printed(run: RecordedRun, marker: string): Promise<void> {
  return eventSeen(run, (event) => event.type === 'stream' && event.text.includes(marker));
}

/** Resolves when the run waits in input(). */
export function waitingForInput(run: RecordedRun): Promise<void> {
  return eventSeen(run, (event) => event.type === 'input');
}
