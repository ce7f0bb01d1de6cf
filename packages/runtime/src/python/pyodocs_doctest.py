"""Runs a documented doctest block in a session namespace with CPython's doctest.

The kernel (pyodocs_kernel.py) calls :func:`run` for runs of kind "doctest":
the block arrives exactly as documented (never pasted into Python source),
``doctest.DocTestParser`` splits it into examples, and a ``DocTestRunner``
runs them in the session's namespace, so names the examples define stay for
later cells. The runner's OutputChecker applies doctest's own rules (exact
text, ``<BLANKLINE>``, ``+ELLIPSIS``, ``+NORMALIZE_WHITESPACE``, ``+SKIP``,
exceptions by type and message). The result is one report (see
``DoctestReport`` in src/protocol.ts) that the kernel displays as
``application/vnd.pyodocs.doctest+json``.

Example frames are named ``<doctest NAME[N]>``; a KeyboardInterrupt (Stop,
or raised by an example) ends the block after the report of the examples
before it, and the kernel shows its traceback from the example's frame on.
"""

from __future__ import annotations

import doctest
import linecache
import re
import traceback
from types import TracebackType
from typing import Any

MIME_TYPE = "application/vnd.pyodocs.doctest+json"
FILENAME_PREFIX = "<doctest "

_EXAMPLE_FILENAME = re.compile(r"<doctest (?P<name>.+)\[(?P<index>\d+)\]>$")


def example_source(text: str) -> str:
    """The examples' sources joined (what the block runs), for finding its imports."""
    return "".join(example.source for example in doctest.DocTestParser().get_examples(text))


class _Recorder(doctest.DocTestRunner):
    """A DocTestRunner that keeps each example's outcome instead of printing a report."""

    def __init__(self) -> None:
        super().__init__(verbose=False)
        self.outcomes: dict[int, tuple[str, str]] = {}
        self.current: int | None = None

    def report_start(self, out: Any, test: doctest.DocTest, example: doctest.Example) -> None:
        self.current = test.examples.index(example)

    def report_success(self, out: Any, test: doctest.DocTest, example: doctest.Example, got: str) -> None:
        self.outcomes[id(example)] = (got, "match")

    def report_failure(self, out: Any, test: doctest.DocTest, example: doctest.Example, got: str) -> None:
        self.outcomes[id(example)] = (got, "mismatch")

    def report_unexpected_exception(
        self,
        out: Any,
        test: doctest.DocTest,
        example: doctest.Example,
        exc_info: tuple[type[BaseException], BaseException, TracebackType],
    ) -> None:
        lines = traceback.format_exception_only(exc_info[0], exc_info[1])
        self.outcomes[id(example)] = ("Traceback (most recent call last):\n  ...\n" + "".join(lines), "mismatch")


class Outcome:
    """A doctest run: its report, and the KeyboardInterrupt that stopped it, if any."""

    def __init__(self, report: dict[str, Any], interrupt: KeyboardInterrupt | None) -> None:
        self.report = report
        self.interrupt = interrupt

    def bundle(self) -> dict[str, Any]:
        examples = self.report["examples"]
        matched = sum(1 for example in examples if example["status"] == "match")
        if "stoppedAt" in self.report:
            summary = f"doctest: stopped at example {self.report['stoppedAt'] + 1} of {len(examples)}"
        else:
            summary = f"doctest: {matched} of {len(examples)} examples match"
        return {MIME_TYPE: self.report, "text/plain": summary}


def run(text: str, namespace: dict[str, Any], name: str) -> Outcome:
    """Run the doctest block ``text`` in ``namespace``; examples are files ``<doctest NAME[N]>``."""
    test = doctest.DocTestParser().get_doctest(text, {}, name, None, 0)
    test.globs = namespace  # get_doctest copies; run in the session itself
    runner = _Recorder()
    interrupt: KeyboardInterrupt | None = None
    stopped_at: int | None = None
    try:
        results = runner.run(test, out=lambda _text: None, clear_globs=False)
        attempted, failed = results.attempted, results.failed
    except KeyboardInterrupt as error:
        # DocTestRunner lets only KeyboardInterrupt through; the examples before it keep their results.
        interrupt = error
        stopped_at = _stopped_at(error, name, runner)
        # As DocTestRunner counts (skipped ones included, Python 3.13+): the examples before the stopped one.
        attempted = stopped_at
        failed = sum(1 for _got, status in runner.outcomes.values() if status == "mismatch")
    _remember_example_sources(test)
    examples = []
    for example in test.examples:
        got, status = runner.outcomes.get(id(example), ("", "skipped"))
        examples.append(
            {"lineno": example.lineno, "source": example.source, "want": example.want, "got": got, "status": status}
        )
    report: dict[str, Any] = {"examples": examples, "attempted": attempted, "failed": failed}
    if stopped_at is not None:
        report["stoppedAt"] = stopped_at
    return Outcome(report, interrupt)


def _stopped_at(error: BaseException, name: str, runner: _Recorder) -> int:
    """Index of the example the interrupt landed in, else the last one started.

    The outermost example frame is the one the runner executed (inner ones
    may be functions an earlier example defined).
    """
    tb = error.__traceback__
    while tb is not None:
        match = _EXAMPLE_FILENAME.match(tb.tb_frame.f_code.co_filename)
        if match and match["name"] == name:
            return int(match["index"])
        tb = tb.tb_next
    return runner.current if runner.current is not None else 0


def _remember_example_sources(test: doctest.DocTest) -> None:
    """Tracebacks through an example show its line: doctest's own linecache patch ends with the run."""
    for index, example in enumerate(test.examples):
        filename = f"{FILENAME_PREFIX}{test.name}[{index}]>"
        lines = example.source.splitlines(keepends=True)
        linecache.cache[filename] = (len(example.source), None, lines, filename)
