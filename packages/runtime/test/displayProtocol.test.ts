import {describe, expect, test} from 'vitest';
import type {RunEvent} from '../src/index.js';
import {runToEnd} from './support/recordRun.js';
import {startedNodeClient} from './support/nodeClient.js';

// The kernel's IPython-compatible display protocol, in real Pyodide.
const client = startedNodeClient();

function outputs(
  events: RunEvent[],
): Array<{type: string; data: Record<string, unknown>; metadata: Record<string, unknown>}> {
  return events.flatMap((event) =>
    event.type === 'display' || event.type === 'result'
      ? [{type: event.type, data: event.data, metadata: event.metadata}]
      : [],
  );
}

async function run(code: string, session = 'display'): Promise<RunEvent[]> {
  const {events, outcome} = await runToEnd(client, {code, session});
  expect(outcome, JSON.stringify(events)).toEqual({status: 'ok'});
  return events;
}

describe('rich results', () => {
  test('every _repr_*_ method becomes its MIME type, with text/plain always', async () => {
    const events = await run(`
class Rich:
    def _repr_html_(self): return "<b>html</b>"
    def _repr_markdown_(self): return "**md**"
    def _repr_svg_(self): return "<svg xmlns='http://www.w3.org/2000/svg'/>"
    def _repr_png_(self): return b"\\x89PNG fake"
    def _repr_jpeg_(self): return b"\\xff\\xd8\\xff fake"
    def _repr_latex_(self): return r"$x^2$"
    def _repr_json_(self): return {"a": [1, 2]}
    def __repr__(self): return "Rich()"
Rich()`);
    expect(outputs(events)).toEqual([
      {
        type: 'result',
        data: {
          'text/plain': 'Rich()',
          'text/html': '<b>html</b>',
          'text/markdown': '**md**',
          'image/svg+xml': "<svg xmlns='http://www.w3.org/2000/svg'/>",
          'image/png': Buffer.from('\x89PNG fake', 'latin1').toString('base64'),
          'image/jpeg': Buffer.from('\xff\xd8\xff fake', 'latin1').toString('base64'),
          'text/latex': '$x^2$',
          'application/json': {a: [1, 2]},
        },
        metadata: {},
      },
    ]);
  });

  test('_repr_mimebundle_ wins, with its metadata; a (data, metadata) tuple carries metadata', async () => {
    const events = await run(`
class Bundle:
    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": "<i>b</i>", "text/plain": "plain b"}, {"text/html": {"isolated": True}}
    def _repr_html_(self): return "never used"
class Sized:
    def _repr_png_(self): return (b"png", {"width": 10})
display(Bundle(), Sized())`);
    expect(outputs(events)).toEqual([
      {
        type: 'display',
        data: {'text/html': '<i>b</i>', 'text/plain': 'plain b'},
        metadata: {'text/html': {isolated: true}},
      },
      {
        type: 'display',
        data: {
          'image/png': Buffer.from('png').toString('base64'),
          // IPython's pretty printer, as in a notebook: no "object" in a default repr.
          'text/plain': expect.stringMatching(/^<__main__\.Sized at 0x[0-9a-f]+>$/),
        },
        metadata: {'image/png': {width: 10}},
      },
    ]);
  });

  test('a failing _repr_html_ is skipped with a note on stderr; the others still show', async () => {
    const events = await run(`
class Broken:
    def _repr_html_(self): raise ValueError("boom")
    def __repr__(self): return "Broken()"
Broken()`);
    expect(outputs(events)).toEqual([{type: 'result', data: {'text/plain': 'Broken()'}, metadata: {}}]);
    expect(events).toContainEqual({
      type: 'stream',
      name: 'stderr',
      text: expect.stringContaining('_repr_html_() raised ValueError: boom'),
    });
  });

  test('classes are shown by name (as IPython prints them), not by their unbound _repr_html_', async () => {
    const events = await run('class K:\n    def _repr_html_(self): return "<b/>"\nK');
    expect(outputs(events)).toEqual([{type: 'result', data: {'text/plain': '__main__.K'}, metadata: {}}]);
  });
});

describe('display()', () => {
  test('raw=True sends MIME bundles as they are; include/exclude filter (text/plain too, as IPython); metadata merges', async () => {
    const events = await run(`
display({"text/html": "<p>raw</p>", "text/plain": "raw"}, raw=True)
class Two:
    def _repr_html_(self): return "<b>2</b>"
    def _repr_markdown_(self): return "**2**"
    def __repr__(self): return "Two"
display(Two(), exclude=["text/markdown"], metadata={"note": 1})
display(Two(), include=["text/markdown"])`);
    expect(outputs(events)).toEqual([
      {type: 'display', data: {'text/html': '<p>raw</p>', 'text/plain': 'raw'}, metadata: {}},
      {type: 'display', data: {'text/plain': 'Two', 'text/html': '<b>2</b>'}, metadata: {note: 1}},
      {type: 'display', data: {'text/markdown': '**2**'}, metadata: {}},
    ]);
  });

  test('from IPython.display import ... works (the light shim) and displays in order with print', async () => {
    const events = await run(`
from IPython.display import display, HTML, Markdown, SVG, Image, Latex, JSON, Math, Pretty
import IPython
print("before")
display(HTML("<b>h</b>"), Markdown("# m"))
print("between")
display(SVG("<?xml version='1.0'?><svg/>"), Latex(r"$a$"), Math("b"), JSON({"k": 1}), Pretty("pretty"))
display(Image(data=b"\\x89PNG...", width=20))
display(Image(url="https://example.org/x.png"))
IPython.get_ipython(), IPython.__version__`);
    const shown = events.filter((event) => event.type !== 'queued' && event.type !== 'started');
    const summary = shown.map((event) =>
      event.type === 'stream'
        ? event.text
        : event.type === 'display' || event.type === 'result'
          ? (Object.keys(event.data).filter((k) => k !== 'text/plain')[0] ?? event.data['text/plain'])
          : event.type,
    );
    expect(summary).toEqual([
      'before\n',
      'text/html',
      'text/markdown',
      'between\n',
      'image/svg+xml',
      'text/latex',
      'text/latex',
      'application/json',
      'pretty',
      'image/png',
      'text/html',
      "(None, '0+pyodocs')",
    ]);
    const datas = outputs(events).map((output) => output.data);
    expect(datas[2]?.['image/svg+xml']).toBe('<svg/>');
    expect(datas[4]?.['text/latex']).toBe('$\\displaystyle b$');
    expect(outputs(events)[5]).toMatchObject({
      data: {'application/json': {k: 1}},
      metadata: {'application/json': {expanded: false, root: 'root'}},
    });
    expect(outputs(events)[7]).toMatchObject({metadata: {'image/png': {width: 20}}});
    expect(datas[8]?.['text/html']).toBe('<img src="https://example.org/x.png"/>');
  });
});
