import type {KeyboardEvent, MouseEvent, ReactNode} from 'react';

interface StaticCodeProps {
  code: string;
  /** The site's highlighted rendering of `code` (e.g. Docusaurus CodeBlock); a plain pre when absent. */
  children?: ReactNode;
  hintId: string;
  busy: boolean;
  onActivate(at?: {x: number; y: number}): void;
  onPreload(): void;
}

/**
 * The code as the site rendered it, readable without JavaScript. Clicking it,
 * or pressing Enter while it (or the code block inside) has focus, asks for
 * the editor. Controls inside the site's block (copy button, links) and text
 * selections keep working as usual.
 */
export function StaticCode({code, children, hintId, busy, onActivate, onPreload}: StaticCodeProps): ReactNode {
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (isInsideControl(event.target)) return;
    // The reader was selecting text to copy, not asking to edit.
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    onActivate({x: event.clientX, y: event.clientY});
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isInsideControl(event.target)) return;
    event.preventDefault();
    onActivate();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicks and Enter anywhere in the site's code block (its focusable pre) ask for the editor; the Edit button is the accessible control.
    <div
      className="pyodocs-code"
      aria-describedby={hintId}
      aria-busy={busy || undefined}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onPreload}
    >
      {children ?? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so Enter can open the editor, like the site's own code blocks.
        <pre className="pyodocs-static" tabIndex={0}>
          <code>{code}</code>
        </pre>
      )}
    </div>
  );
}

function isInsideControl(target: EventTarget): boolean {
  return target instanceof Element && target.closest('button, a, input, select, textarea, summary') !== null;
}
