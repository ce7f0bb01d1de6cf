import {useState, type FormEvent, type ReactNode} from 'react';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';

/**
 * The text field shown while the running code waits in `input(prompt)`:
 * Enter (or Send) hands the line to Python. Focused at once, like a terminal.
 */
export function CellInputField({
  prompt,
  onSubmit,
  labels,
}: {
  prompt: string;
  onSubmit: (text: string) => void;
  labels: Readonly<PythonCellLabels>;
}): ReactNode {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(text);
  };
  return (
    <form className="pyodocs-cell__input" data-pyodocs-input="" onSubmit={submit}>
      <label>
        {prompt === '' ? null : <span className="pyodocs-cell__input-prompt">{prompt}</span>}
        <input
          type="text"
          aria-label={prompt === '' ? labels.inputField : `${labels.inputField}: ${prompt}`}
          value={text}
          // biome-ignore lint/a11y/noAutofocus: the field appears because the running code asks the reader now.
          autoFocus
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit">{labels.inputSubmit}</button>
    </form>
  );
}
