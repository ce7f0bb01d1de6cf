import type {SwizzleConfig} from '@docusaurus/types';

/**
 * Tells `docusaurus swizzle` which theme components are safe to customise.
 * Parts whose props are a stable contract are safe to eject and wrap; the
 * code part is unsafe to eject (the editor mounts into an element it must
 * keep rendering).
 */
export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      PythonCell: {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          'A live Python cell: composes the PythonCell/* parts (code, toolbar with status line, output). Wrap it to add chrome around every cell.',
      },
      'PythonCell/Code': {
        actions: {eject: 'unsafe', wrap: 'safe'},
        description:
          "The cell's code: the site's static code block, replaced by the editor (loaded on demand) once the reader edits.",
      },
      'PythonCell/Output': {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          "The cell's output area (streams, rich outputs, tracebacks, notices); its root keeps data-pyodocs-output.",
      },
      'PythonCell/Status': {
        actions: {eject: 'safe', wrap: 'safe'},
        description: "The cell's status line (loading Python, package downloads, running, error), a live region.",
      },
      'PythonCell/Toolbar': {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          'The Run / Stop / Reset / Edit buttons and the status line; keep the Run, Stop and Reset buttons (tests find them by name).',
      },
      PythonDoctest: {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          'A documented doctest example with a "Try it" button that turns it into a live, checked cell built from the PythonCell/* parts.',
      },
      'PythonDoctest/Results': {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          "A doctest run's per-example verdicts, the documented output beside the real one, and where a stopped run stopped.",
      },
      PythonPageActions: {
        actions: {eject: 'safe', wrap: 'safe'},
        description:
          "Run all, Restart and Download notebook for the page's cells, at the top of the table of contents (or near the edit link): the page's first cell renders it into the classic theme's places for page actions. Wrap it to add actions as children.",
      },
    },
  };
}
