import type {ReactNode} from 'react';
import type {MimeRendererProps} from './MimeRendererProps.js';

// Levels opened at first; deeper ones are one click away.
const OPEN_DEPTH = 2;

/**
 * application/json as a tree of collapsible objects and arrays (native
 * <details>, keyboard-accessible); IPython's `JSON(..., expanded=True)` opens
 * every level.
 */
export function JsonOutput({data, metadata}: MimeRendererProps): ReactNode {
  return (
    <div className="pyodocs-json">
      <JsonValue value={data} depth={0} openDepth={metadata.expanded === true ? Infinity : OPEN_DEPTH} />
    </div>
  );
}

// Values carry Prism's token class names beside ours, so CSS a site writes
// for its Prism code (contrast fixes) applies to them too; null is marked as
// Prism marks Python's None, a boolean.
function JsonValue({value, depth, openDepth}: {value: unknown; depth: number; openDepth: number}): ReactNode {
  if (value === null) return <span className="pyodocs-json-null token boolean">null</span>;
  if (Array.isArray(value)) {
    return (
      <JsonContainer
        open={depth < openDepth}
        brackets={['[', ']']}
        summary={`${value.length} ${value.length === 1 ? 'item' : 'items'}`}
        entries={value.map((item, index) => [String(index), item] as const)}
        depth={depth}
        openDepth={openDepth}
        showKeys={false}
      />
    );
  }
  switch (typeof value) {
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>);
      return (
        <JsonContainer
          open={depth < openDepth}
          brackets={['{', '}']}
          summary={`${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`}
          entries={entries}
          depth={depth}
          openDepth={openDepth}
          showKeys
        />
      );
    }
    case 'string':
      return <span className="pyodocs-json-string token string">{JSON.stringify(value)}</span>;
    case 'number':
      return <span className="pyodocs-json-number token number">{String(value)}</span>;
    case 'boolean':
      return <span className="pyodocs-json-boolean token boolean">{String(value)}</span>;
    default:
      return <span className="pyodocs-json-null token boolean">{String(value)}</span>;
  }
}

interface JsonContainerProps {
  open: boolean;
  brackets: readonly [string, string];
  summary: string;
  entries: ReadonlyArray<readonly [string, unknown]>;
  depth: number;
  openDepth: number;
  showKeys: boolean;
}

function JsonContainer({open, brackets, summary, entries, depth, openDepth, showKeys}: JsonContainerProps): ReactNode {
  if (entries.length === 0) return <span className="pyodocs-json-punctuation">{brackets.join('')}</span>;
  return (
    <details className="pyodocs-json-container" open={open}>
      <summary>
        <span className="pyodocs-json-punctuation">{brackets[0]}</span>
        <span className="pyodocs-json-summary"> {summary} </span>
        <span className="pyodocs-json-punctuation pyodocs-json-closing">{brackets[1]}</span>
      </summary>
      <ul>
        {entries.map(([key, item]) => (
          <li key={key}>
            {showKeys && <span className="pyodocs-json-key token property">{JSON.stringify(key)}: </span>}
            <JsonValue value={item} depth={depth + 1} openDepth={openDepth} />
          </li>
        ))}
      </ul>
      <span className="pyodocs-json-punctuation">{brackets[1]}</span>
    </details>
  );
}
