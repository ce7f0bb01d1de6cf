// @vitest-environment node
import {renderToString} from 'react-dom/server';
import {describe, expect, it, vi} from 'vitest';
import {PyodideProvider, PythonCell} from '../src/index.js';

const loaded = vi.hoisted(() => ({editor: false, clients: 0}));

// Each factory runs only if something imports the module, which is what
// these tests watch for.
vi.mock('../src/editor/createPythonEditor.js', () => {
  loaded.editor = true;
  return {createPythonEditor: () => ({})};
});
vi.mock('@pyodocs/runtime', () => ({
  PyodideClient: class {
    constructor() {
      loaded.clients += 1;
    }
  },
}));

const config = {workerUrl: '/pyodide/worker.js', indexURL: '/pyodide/v314.0.7/'};

describe('server rendering', () => {
  it('renders the static code from children, the buttons and the DOM hooks', () => {
    const html = renderToString(
      <PyodideProvider config={config}>
        <PythonCell id="py-1a2b3c4d" code={'total = 6 * 7\ntotal'} session="page:docs/intro.mdx">
          <pre className="prism-code">
            <code>
              <span className="token">total = 6 * 7</span>
              {'\n'}
              <span className="token">total</span>
            </code>
          </pre>
        </PythonCell>
      </PyodideProvider>,
    );
    expect(html).toContain('data-pyodocs-cell="py-1a2b3c4d"');
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('<span class="token">total = 6 * 7</span>');
    expect(html).toContain('class="prism-code"');
    for (const name of ['Run', 'Stop', 'Reset']) {
      expect(html).toMatch(new RegExp(`<button type="button"[^>]*>${name}</button>`));
    }
    expect(html).toMatch(/<button type="button"[^>]*aria-disabled="true"[^>]*>Stop<\/button>/);
    expect(html).toContain('data-pyodocs-output=""');
    expect(html).toContain('role="status"');
  });

  it('falls back to a plain pre/code of the source when the site passes no children', () => {
    const html = renderToString(<PythonCell id="c" code={'print("<hi>")'} session="s" />);
    expect(html).toMatch(/<pre[^>]*><code>print\(&quot;&lt;hi&gt;&quot;\)<\/code><\/pre>/);
  });

  it('neither imports CodeMirror nor creates a Pyodide client on the server', () => {
    renderToString(
      <PyodideProvider config={config}>
        {Array.from({length: 20}, (_, index) => (
          <PythonCell key={index} id={`c${index}`} code="1 + 1" session="s" />
        ))}
      </PyodideProvider>,
    );
    expect(loaded.editor).toBe(false);
    expect(loaded.clients).toBe(0);
  });
});
