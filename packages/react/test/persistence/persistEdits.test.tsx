import {EditorView} from '@codemirror/view';
import {act, fireEvent, render, waitFor, within} from '@testing-library/react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {ReactNode} from 'react';
import {hydrateRoot} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {getCurrentCellCode, PyodideProvider, PythonCell, PythonDoctest} from '../../src/index.js';
import {parseSavedPageEdits, type SavedPageEdits} from '../../src/persistence/savedEdits.js';
import {savedEditsKey} from '../../src/persistence/savedEditsKey.js';
import {FakePyodideClient} from '../FakePyodideClient.js';
import {button, cellElement, testConfig} from '../renderCell.js';

const PAGE = '/docs/guide';
const documented = 'x = 1\nprint(x)';

// Each test starts as a first visit: empty storage, no store in the tab.
beforeEach(() => {
  localStorage.clear();
  forgetTab();
  window.history.replaceState(null, '', `${PAGE}/`);
});
afterEach(() => vi.restoreAllMocks());

/** A reload: the tab's store (and its memory copy) goes; storage stays. */
function forgetTab(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('pyodocs.react.savedEditStore')];
}

interface PageOptions {
  client?: FakePyodideClient;
  namespace?: string;
  persistEdits?: boolean;
}

function Page({client, namespace, persistEdits, children}: PageOptions & {children: ReactNode}): ReactNode {
  return (
    <PyodideProvider
      config={testConfig}
      client={(client ?? new FakePyodideClient(testConfig)) as unknown as PyodideClient}
      storageNamespace={namespace}
      cells={persistEdits === undefined ? undefined : {persistEdits}}
    >
      {children}
    </PyodideProvider>
  );
}

function cell(id = 'py-1', code = documented, extra: Partial<Parameters<typeof PythonCell>[0]> = {}): ReactNode {
  return (
    <PythonCell key={id} id={id} code={code} session="page:guide" {...extra}>
      <pre className="site-code">
        <code>{code}</code>
      </pre>
    </PythonCell>
  );
}

function renderPage(cells: ReactNode, options: PageOptions = {}) {
  return render(<Page {...options}>{cells}</Page>);
}

async function openEditor(element: HTMLElement): Promise<EditorView> {
  fireEvent.click(button(element, 'Edit'));
  const content = await waitFor(() => {
    const found = element.querySelector<HTMLElement>('.cm-content');
    if (!found) throw new Error('editor not mounted yet');
    return found;
  });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no EditorView');
  return view;
}

function type(view: EditorView, code: string): void {
  act(() => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}}));
}

/** Edits cell `id` to `code` and leaves the page (unmounting saves at once). */
async function editAndLeave(code: string, options: PageOptions = {}, id = 'py-1', cells = cell(id)): Promise<void> {
  const page = renderPage(cells, options);
  type(await openEditor(cellElement(id)), code);
  page.unmount();
}

function stored(namespace = '', page = PAGE): SavedPageEdits | undefined {
  const text = localStorage.getItem(savedEditsKey(namespace, page));
  return text === null ? undefined : parseSavedPageEdits(text);
}

function seed(cells: SavedPageEdits['cells'], namespace = '', page = PAGE): void {
  localStorage.setItem(savedEditsKey(namespace, page), JSON.stringify({savedAt: 1, cells}));
}

function shownCode(element: HTMLElement): string {
  return element.querySelector('.pyodocs-code pre, .cm-content')?.textContent ?? '';
}

function marker(element: HTMLElement): HTMLElement | null {
  return element.querySelector('[data-pyodocs-edited]');
}

function notice(element: HTMLElement): HTMLElement | null {
  return element.querySelector('[data-pyodocs-earlier-edit]');
}

describe("the reader's edits are kept", () => {
  it('across client-side navigation (remount) and reload, with a marker, and Run runs them', async () => {
    await editAndLeave('x = 2\nprint(x)');
    expect(stored()?.cells['py-1']).toMatchObject({order: 0, edit: {code: 'x = 2\nprint(x)', base: documented}});

    const client = new FakePyodideClient(testConfig);
    const back = renderPage(cell(), {client});
    const element = cellElement('py-1');
    expect(shownCode(element)).toBe('x = 2\nprint(x)');
    // The site's rendering is of the documented code: not shown for the reader's version.
    expect(element.querySelector('.site-code')).toBeNull();
    expect(marker(element)?.textContent).toContain('Your version');
    expect(getCurrentCellCode('py-1')).toBe('x = 2\nprint(x)');
    fireEvent.click(button(element, 'Run'));
    await waitFor(() => expect(element.dataset.state).toBe('done'));
    expect(client.requests[0]?.code).toBe('x = 2\nprint(x)');
    // The editor opens on the reader's version.
    expect((await openEditor(element)).state.doc.toString()).toBe('x = 2\nprint(x)');
    back.unmount();

    forgetTab();
    renderPage(cell());
    expect(shownCode(cellElement('py-1'))).toBe('x = 2\nprint(x)');
    expect(marker(cellElement('py-1'))).not.toBeNull();
  });

  it('shows the marker as soon as the text differs, and forgets an edit typed back to the documented code', async () => {
    const page = renderPage(cell());
    const element = cellElement('py-1');
    const view = await openEditor(element);
    expect(marker(element)).toBeNull();
    type(view, 'x = 3');
    expect(marker(element)).not.toBeNull();
    type(view, documented);
    expect(marker(element)).toBeNull();
    page.unmount();
    expect(stored()).toBeUndefined();
  });

  it('saves once typing pauses, and at once when the page is hidden or left', async () => {
    renderPage(cell());
    const view = await openEditor(cellElement('py-1'));
    type(view, 'x = 4');
    expect(stored()).toBeUndefined();
    await waitFor(() => expect(stored()?.cells['py-1']?.edit?.code).toBe('x = 4'));

    type(view, 'x = 5');
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()?.cells['py-1']?.edit?.code).toBe('x = 5');
  });

  it('Reset brings back the documented code and removes the stored edit', async () => {
    seed({'py-1': {order: 0, edit: {code: 'x = 9', base: documented, savedAt: 1}}});
    renderPage(cell());
    const element = cellElement('py-1');
    expect(shownCode(element)).toBe('x = 9');
    fireEvent.click(button(element, 'Reset'));
    expect(element.querySelector('.site-code')).not.toBeNull();
    expect(marker(element)).toBeNull();
    expect(localStorage.getItem(savedEditsKey('', PAGE))).toBeNull();
    expect(getCurrentCellCode('py-1')).toBe(documented);
  });

  it('Reset in the editor puts the documented code back and forgets the edit', async () => {
    renderPage(cell());
    const element = cellElement('py-1');
    const view = await openEditor(element);
    type(view, 'x = 6');
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()).toBeDefined();
    fireEvent.click(button(element, 'Reset'));
    expect(view.state.doc.toString()).toBe(documented);
    expect(marker(element)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stored()).toBeUndefined();
  });

  it('keeps pages and namespaces (site, docs version) apart', async () => {
    await editAndLeave('x = "v1"', {namespace: '/@1.0'});
    renderPage(cell(), {namespace: '/@2.0'}).unmount();
    const other = renderPage(cell(), {namespace: '/@2.0'});
    expect(shownCode(cellElement('py-1'))).toBe(documented);
    other.unmount();

    window.history.replaceState(null, '', '/docs/other');
    const otherPage = renderPage(cell(), {namespace: '/@1.0'});
    expect(shownCode(cellElement('py-1'))).toBe(documented);
    otherPage.unmount();

    // The same page under another of the forms a static host serves it.
    window.history.replaceState(null, '', `${PAGE}/index.html`);
    renderPage(cell(), {namespace: '/@1.0'});
    expect(shownCode(cellElement('py-1'))).toBe('x = "v1"');
    expect(stored('/@1.0')).toBeDefined();
  });

  it('keeps the edits of a live doctest', async () => {
    const doctest = <PythonDoctest id="doctest-1" source={'>>> 1 + 1\n2'} code="1 + 1" session="page:guide" key="d" />;
    const first = renderPage(doctest);
    fireEvent.click(within(document.body).getByRole('button', {name: 'Try it'}));
    type(await openEditor(cellElement('doctest-1')), '1 + 2');
    first.unmount();
    expect(stored()?.cells['doctest-1']).toMatchObject({order: 0, edit: {code: '1 + 2', base: '1 + 1'}});

    renderPage(doctest);
    fireEvent.click(within(document.body).getByRole('button', {name: 'Try it'}));
    expect(shownCode(cellElement('doctest-1'))).toBe('1 + 2');
  });
});

describe('when the documented code changed since the edit', () => {
  const oldDocumented = 'x = 0\nprint(x)';
  const staleEdit = {order: 0, edit: {code: 'x = 100\nprint(x)', base: oldDocumented, savedAt: 1}};

  it('shows the new documented code with a notice offering the older version, never mixed', async () => {
    seed({'py-1': staleEdit});
    renderPage(cell());
    const element = cellElement('py-1');
    expect(element.querySelector('.site-code')?.textContent).toBe(documented);
    expect(marker(element)).toBeNull();
    // The notice is a chunk of its own (issue 13): it shows once that has arrived.
    const shown = await waitFor(() => notice(element) ?? Promise.reject(new Error('no notice yet')));
    expect(shown?.getAttribute('role')).toBe('note');
    expect(shown?.textContent).toContain('The documentation changed this example since you edited it');
    expect(getCurrentCellCode('py-1')).toBe(documented);

    const toggle = within(shown!).getByText('Show your version');
    fireEvent.click(toggle);
    const details = shown!.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(details.querySelector('pre')?.textContent).toBe('x = 100\nprint(x)');
    expect(within(shown!).getByText('Hide your version')).toBeDefined();
  });

  it('restoring puts the older version in the cell and rebases it on the new code', async () => {
    seed({'py-1': staleEdit});
    renderPage(cell());
    const element = cellElement('py-1');
    await waitFor(() => expect(notice(element)).not.toBeNull());
    fireEvent.click(within(notice(element)!).getByRole('button', {name: 'Use your version'}));
    expect(notice(element)).toBeNull();
    expect(shownCode(element)).toBe('x = 100\nprint(x)');
    expect(marker(element)).not.toBeNull();
    expect(stored()?.cells['py-1']).toMatchObject({edit: {code: 'x = 100\nprint(x)', base: documented}});
    expect(stored()?.cells['py-1']?.earlier).toBeUndefined();
    // Focus follows to the code rather than falling to the page's start.
    await waitFor(() => expect(document.activeElement).toBe(element.querySelector('.pyodocs-code pre')));
  });

  it('restoring while editing replaces the editor text', async () => {
    seed({'py-1': staleEdit});
    renderPage(cell());
    const element = cellElement('py-1');
    const view = await openEditor(element);
    expect(view.state.doc.toString()).toBe(documented);
    fireEvent.click(within(notice(element)!).getByRole('button', {name: 'Use your version'}));
    expect(view.state.doc.toString()).toBe('x = 100\nprint(x)');
    expect(marker(element)).not.toBeNull();
  });

  it('discarding forgets the older version', () => {
    seed({'py-1': staleEdit});
    renderPage(cell());
    const element = cellElement('py-1');
    fireEvent.click(within(notice(element)!).getByRole('button', {name: 'Discard your version'}));
    expect(notice(element)).toBeNull();
    expect(element.querySelector('.site-code')).not.toBeNull();
    expect(stored()).toBeUndefined();
  });

  it('editing the new code keeps the older version on offer until restored or discarded', async () => {
    seed({'py-1': staleEdit});
    await editAndLeave('x = 7\nprint(x)');
    expect(stored()?.cells['py-1']).toMatchObject({
      edit: {code: 'x = 7\nprint(x)', base: documented},
      earlier: {code: 'x = 100\nprint(x)', base: oldDocumented},
    });
    renderPage(cell());
    const element = cellElement('py-1');
    expect(shownCode(element)).toBe('x = 7\nprint(x)');
    expect(marker(element)).not.toBeNull();
    expect(notice(element)).not.toBeNull();
  });

  it('finds the edit of a cell whose generated id changed with its code, by its place on the page', () => {
    // Saved when the second cell's code (and so its generated id) was different.
    seed({
      'py-aaaaaaaa': {order: 0, edit: {code: 'a = 2', base: 'a = 1', savedAt: 1}},
      'py-0ld0ld00': {order: 1, edit: {code: 'b = 200', base: 'b = 2', savedAt: 1}},
    });
    renderPage(
      <>
        {cell('py-aaaaaaaa', 'a = 1')}
        {cell('py-new0new0', 'b = 3')}
      </>,
    );
    expect(shownCode(cellElement('py-aaaaaaaa'))).toBe('a = 2');
    const moved = cellElement('py-new0new0');
    expect(shownCode(moved)).toBe('b = 3');
    fireEvent.click(within(notice(moved)!).getByRole('button', {name: 'Use your version'}));
    expect(shownCode(moved)).toBe('b = 200');
    // Saved under the new id, the old one gone.
    expect(Object.keys(stored()?.cells ?? {}).sort()).toEqual(['py-aaaaaaaa', 'py-new0new0']);
  });

  it('takes no edit from a cell still on the page', () => {
    seed({'py-1': {order: 1, edit: {code: 'mine', base: documented, savedAt: 1}}});
    renderPage(
      <>
        {cell('py-2', 'other = 1')}
        {cell('py-1')}
      </>,
    );
    expect(notice(cellElement('py-2'))).toBeNull();
    expect(shownCode(cellElement('py-1'))).toBe('mine');
  });
});

describe('turning persistence off', () => {
  it('the provider’s cells.persistEdits=false neither reads nor writes storage; the marker still says edited', async () => {
    seed({'py-1': {edit: {code: 'saved', base: documented, savedAt: 1}}});
    const before = localStorage.getItem(savedEditsKey('', PAGE));
    const page = renderPage(cell(), {persistEdits: false});
    const element = cellElement('py-1');
    expect(shownCode(element)).toBe(documented);
    type(await openEditor(element), 'x = 8');
    expect(marker(element)).not.toBeNull();
    page.unmount();
    expect(localStorage.getItem(savedEditsKey('', PAGE))).toBe(before);
  });

  it("a cell's behaviour.persistEdits wins over the provider's", async () => {
    await editAndLeave(
      'kept',
      {persistEdits: false},
      'py-1',
      cell('py-1', documented, {behaviour: {persistEdits: true}}),
    );
    expect(stored()?.cells['py-1']?.edit?.code).toBe('kept');
    localStorage.clear();
    forgetTab();
    await editAndLeave('not kept', {}, 'py-1', cell('py-1', documented, {behaviour: {persistEdits: false}}));
    expect(stored()).toBeUndefined();
  });
});

describe('when storage is unavailable or full', () => {
  it.each([
    [
      'full (every write throws QuotaExceededError)',
      () =>
        vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }),
    ],
    [
      'refused (reading localStorage throws SecurityError)',
      () =>
        vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        }),
    ],
  ])('storage %s: edits live in memory for the tab, silently', async (_title, breakStorage) => {
    breakStorage();
    const consoleError = vi.spyOn(console, 'error');
    await editAndLeave('x = "memory"');
    renderPage(cell()).unmount();
    const back = renderPage(cell());
    expect(shownCode(cellElement('py-1'))).toBe('x = "memory"');
    expect(marker(cellElement('py-1'))).not.toBeNull();
    back.unmount();
    expect(consoleError).not.toHaveBeenCalled();

    forgetTab();
    renderPage(cell());
    expect(shownCode(cellElement('py-1'))).toBe(documented);
  });
});

describe('hydration', () => {
  it('hydrates the documented code without a mismatch, then shows the saved version', () => {
    seed({'py-1': {edit: {code: 'x = "saved"', base: documented, savedAt: 1}}});
    const tree = <Page>{cell()}</Page>;
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree);
    document.body.append(container);
    expect(container.querySelector('.site-code')).not.toBeNull();
    const recoverableErrors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error');
    let root: ReturnType<typeof hydrateRoot> | undefined;
    act(() => {
      root = hydrateRoot(container, tree, {onRecoverableError: (error) => recoverableErrors.push(error)});
    });
    expect(recoverableErrors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(shownCode(cellElement('py-1'))).toBe('x = "saved"');
    act(() => root?.unmount());
    container.remove();
  });
});

describe('Copy', () => {
  it('copies the code the cell holds now and says so politely for a moment', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', {...navigator, clipboard: {writeText}});
    seed({'py-1': {edit: {code: 'x = "copied"', base: documented, savedAt: 1}}});
    renderPage(cell());
    const element = cellElement('py-1');
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    try {
      await act(async () => fireEvent.click(button(element, 'Copy')));
      expect(writeText).toHaveBeenCalledWith('x = "copied"');
      // The live region appears empty, then says it: screen readers announce changes to regions they know.
      const result = element.querySelector('.pyodocs-copy-result');
      expect(result?.getAttribute('aria-live')).toBe('polite');
      expect(result?.textContent).toBe('');
      act(() => vi.advanceTimersByTime(100));
      expect(result?.textContent).toBe('Copied');
      act(() => vi.advanceTimersByTime(2000));
      expect(result?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it('falls back to the copy command where the Clipboard API is missing, and says when copying failed', async () => {
    vi.stubGlobal('navigator', {...navigator, clipboard: undefined});
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    try {
      renderPage(cell());
      const element = cellElement('py-1');
      await act(async () => fireEvent.click(button(element, 'Copy')));
      expect(execCommand).toHaveBeenCalledWith('copy');
      await waitFor(() => expect(element.querySelector('.pyodocs-copy-result')?.textContent).toBe('Copied'));
      execCommand.mockReturnValue(false);
      await act(async () => fireEvent.click(button(element, 'Copy')));
      await waitFor(() =>
        expect(element.querySelector('.pyodocs-copy-result')?.textContent).toContain('Could not copy'),
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
