import {EditorView} from '@codemirror/view';
import {fireEvent} from '@testing-library/react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createPythonEditor, type PythonEditor} from '../src/editor/createPythonEditor.js';

let editor: PythonEditor | undefined;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

function mount(code: string, extra: {lineNumbers?: boolean} = {}) {
  const parent = document.createElement('div');
  document.body.append(parent);
  const onRun = vi.fn();
  editor = createPythonEditor({parent, code, label: 'Python code', describedBy: 'hint', onRun, ...extra});
  const content = parent.querySelector<HTMLElement>('.cm-content')!;
  return {parent, onRun, content, view: EditorView.findFromDOM(content)!};
}

describe('createPythonEditor', () => {
  it('edits Python with CodeMirror: the code, an accessible name, no line numbers by default', () => {
    const {parent, content} = mount('def f():\n    return 1\n');
    expect(editor?.getCode()).toBe('def f():\n    return 1\n');
    expect(content.getAttribute('aria-label')).toBe('Python code');
    expect(content.getAttribute('aria-describedby')).toBe('hint');
    expect(parent.querySelector('.cm-lineNumbers')).toBeNull();
    // The Python grammar is active: `def` is styled as a keyword.
    expect(content.querySelector('span[class]')?.textContent).toBe('def');
  });

  it("gives its tokens Prism's class names, so CSS a site writes for its Prism code blocks applies to the editor too", () => {
    const {content} = mount('def f(x):\n    # note\n    return "s", 1, True\n');
    const classOf = (text: string) =>
      Array.from(content.querySelectorAll('span'))
        .find((span) => span.textContent === text)
        ?.className.split(' ')
        .filter((name) => !name.startsWith('ͼ'));
    expect(classOf('def')).toEqual(['token', 'keyword']);
    expect(classOf('f')).toEqual(['token', 'function']);
    expect(classOf('# note')).toEqual(['token', 'comment']);
    expect(classOf('"s"')).toEqual(['token', 'string']);
    expect(classOf('1')).toEqual(['token', 'number']);
    expect(classOf('True')).toEqual(['token', 'boolean']);
  });

  it('shows line numbers when asked', () => {
    const {parent} = mount('1\n2', {lineNumbers: true});
    expect(parent.querySelector('.cm-lineNumbers')).not.toBeNull();
  });

  it('runs on Shift+Enter and Ctrl+Enter without inserting a newline; plain Enter indents a new line', () => {
    const {onRun, content, view} = mount('if True:');
    view.dispatch({selection: {anchor: view.state.doc.length}});
    fireEvent.keyDown(content, {key: 'Enter', keyCode: 13, shiftKey: true});
    fireEvent.keyDown(content, {key: 'Enter', keyCode: 13, ctrlKey: true});
    expect(onRun).toHaveBeenCalledTimes(2);
    expect(editor?.getCode()).toBe('if True:');

    fireEvent.keyDown(content, {key: 'Enter', keyCode: 13});
    expect(editor?.getCode()).toBe('if True:\n    ');
  });

  it('replaces the whole text on setCode and focuses on request', () => {
    const {content} = mount('a = 1');
    editor?.setCode('b = 2');
    expect(editor?.getCode()).toBe('b = 2');
    editor?.focus();
    expect(document.activeElement).toBe(content);
  });
});
