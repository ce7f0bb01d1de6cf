import type {ReactNode} from 'react';
import type {PythonError} from '@pyodocs/runtime';
import {linkedUrls} from './linkedUrls.js';

// Tracebacks from IPython-style formatters may carry terminal colours.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this removes.
const ansiEscape = /\u001b\[[0-9;]*m/g;

/**
 * The traceback (or short message) with its details, if any, behind a closed
 * native toggle: a package error says its cause in one line and keeps the
 * URLs for readers who open it.
 */
export function TracebackOutput({error, detailsLabel}: {error: PythonError; detailsLabel: string}): ReactNode {
  return (
    <>
      <TracebackText error={error} />
      {error.details ? (
        <details className="pyodocs-error-details">
          <summary>{detailsLabel}</summary>
          <pre>{error.details.replace(ansiEscape, '')}</pre>
        </details>
      ) : null}
    </>
  );
}

/**
 * The traceback with the exception line's name emphasised and its message's URLs as links. Python prints the
 * name qualified for non-builtins (`pkg.mod.MyError: ...`) while `ename` is the
 * bare class name, so the whole qualified prefix is emphasised.
 */
function TracebackText({error}: {error: PythonError}): ReactNode {
  const traceback = error.traceback.replace(ansiEscape, '').replace(/\s+$/, '');
  const split = splitExceptionLine(traceback, error.ename);
  if (!split) {
    return (
      <pre className="pyodocs-traceback" data-pyodocs-error="">
        {traceback ? `${traceback}\n` : ''}
        <strong className="pyodocs-ename">{error.ename}</strong>
        {error.evalue ? linkedUrls(`: ${error.evalue}`) : ''}
      </pre>
    );
  }
  return (
    <pre className="pyodocs-traceback" data-pyodocs-error="">
      {split.before}
      <strong className="pyodocs-ename">{split.name}</strong>
      {linkedUrls(split.after)}
    </pre>
  );
}

/** Finds `ename` (optionally qualified) at the start of the last line that mentions it. */
function splitExceptionLine(traceback: string, ename: string): {before: string; name: string; after: string} | null {
  if (!ename) return null;
  const lines = traceback.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    const match = /^([\w.]+)(?=:|$)/.exec(line);
    const name = match?.[1];
    if (name && (name === ename || name.endsWith(`.${ename}`))) {
      const before = lines.slice(0, index).join('\n');
      return {before: before ? `${before}\n` : '', name, after: line.slice(name.length) + tail(lines, index)};
    }
  }
  return null;
}

function tail(lines: readonly string[], index: number): string {
  const rest = lines.slice(index + 1);
  return rest.length > 0 ? `\n${rest.join('\n')}` : '';
}
