/** MIME type of the report the harness displays. */
export const DOCTEST_MIME = 'application/vnd.pyodocs.doctest+json';

/** One example's outcome, as the harness reports it. */
export interface DoctestExampleResult {
  /** 0-based line of the example's `>>>` in the block. */
  lineno: number;
  source: string;
  want: string;
  /** What the example printed (with the traceback for exceptions). */
  got: string;
  status: 'match' | 'mismatch' | 'skipped';
}

export interface DoctestReport {
  examples: DoctestExampleResult[];
  attempted: number;
  failed: number;
}

/**
 * The Python the doctest component runs instead of the bare sources: it
 * parses the block with CPython's own `doctest.DocTestParser` and runs it
 * with a `DocTestRunner` in the session's namespace (the harness is executed
 * there, so its `globals()` are the session's: names defined by the examples
 * stay for later cells). The runner's OutputChecker applies doctest's rules
 * (exact text, `<BLANKLINE>`, `+ELLIPSIS`, `+NORMALIZE_WHITESPACE`,
 * exceptions by type and message); each example's want/got/outcome is shown
 * with `display(..., raw=True)` as one `application/vnd.pyodocs.doctest+json`
 * bundle.
 */
export const DOCTEST_HARNESS = `
def __pyodocs_doctest(text, name):
    import doctest, traceback

    namespace = globals()
    test = doctest.DocTestParser().get_doctest(text, {}, name, None, 0)
    test.globs = namespace  # get_doctest copies; run in the session itself
    outcomes = {}

    class Recorder(doctest.DocTestRunner):
        def report_start(self, out, test, example):
            pass

        def report_success(self, out, test, example, got):
            outcomes[id(example)] = (got, "match")

        def report_failure(self, out, test, example, got):
            outcomes[id(example)] = (got, "mismatch")

        def report_unexpected_exception(self, out, test, example, exc_info):
            lines = traceback.format_exception_only(exc_info[0], exc_info[1])
            outcomes[id(example)] = ("Traceback (most recent call last):\\n  ...\\n" + "".join(lines), "mismatch")

    runner = Recorder(verbose=False)
    results = runner.run(test, out=lambda text: None, clear_globs=False)
    examples = []
    for example in test.examples:
        got, status = outcomes.get(id(example), ("", "skipped"))
        examples.append({"lineno": example.lineno, "source": example.source, "want": example.want, "got": got, "status": status})
    report = {"examples": examples, "attempted": results.attempted, "failed": results.failed}
    matched = sum(1 for example in examples if example["status"] == "match")
    display({"${DOCTEST_MIME}": report, "text/plain": f"doctest: {matched} of {len(examples)} examples match"}, raw=True)

try:
    __pyodocs_doctest(__PYODOCS_DOCTEST_TEXT__, __PYODOCS_DOCTEST_NAME__)
finally:
    del __pyodocs_doctest
`;

const SIMPLE_IMPORT =
  /^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*|from\s+[\w.]+\s+import\s+[\w*]+(?:\s+as\s+\w+)?(?:\s*,\s*\w+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/;

/**
 * The harness for one block: `text` is the doctest exactly as documented.
 * The runtime loads packages from the imports it finds in the code it runs,
 * so the examples' top-level `import` lines are repeated, never executed,
 * under `if False:`.
 */
export function doctestHarnessCode(text: string, name: string, exampleSources: readonly string[] = []): string {
  const imports = exampleSources.flatMap((source) => source.split('\n')).filter((line) => SIMPLE_IMPORT.test(line));
  const preamble =
    imports.length > 0
      ? `if False:  # imports the examples need\n${imports.map((line) => `    ${line}`).join('\n')}\n`
      : '';
  // JSON string literals are valid Python string literals.
  return (
    preamble +
    DOCTEST_HARNESS.replace('__PYODOCS_DOCTEST_TEXT__', JSON.stringify(text)).replace(
      '__PYODOCS_DOCTEST_NAME__',
      JSON.stringify(name),
    )
  );
}

/** Reads the harness's report from a display bundle, if it is one. */
export function readDoctestReport(data: Record<string, unknown>): DoctestReport | undefined {
  const report = data[DOCTEST_MIME];
  if (typeof report !== 'object' || report === null) return undefined;
  const {examples} = report as {examples?: unknown};
  return Array.isArray(examples) ? (report as DoctestReport) : undefined;
}
