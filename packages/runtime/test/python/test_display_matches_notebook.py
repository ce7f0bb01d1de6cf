"""pyodocs shows what a Jupyter notebook shows, for every cell of the corpus.

The oracle is IPython itself (notebook_side.py): its DisplayFormatter, display
hook and publisher, with matplotlib's inline backend. pyodocs' side
(pyodocs_side.py) runs the same cells through ``Kernel.run`` (the worker's
path) and formats each cell's value with ``pyodocs_display.format_object``
directly, once with the IPython shim and once with the real IPython installed.
"""

from __future__ import annotations

from typing import Any

import pytest

from bundles import comparable_bundle, comparable_events, formatter_failed, stderr_text
from conftest import SideResults
from corpus import CASES, Case

PYODOCS_SIDES = ["pyodocs", "pyodocs+ipython"]

# Where pyodocs differs from a notebook on purpose.
FIGURE_SHOWN_ONCE = {"figure-value"}
"""A notebook shows a pyplot Figure value twice: as the result, then again when
the cell ends (the inline backend flushes open figures). pyodocs closes it once
shown, so it appears once."""

# Known differences left as they are; each says why.
KNOWN_DIFFERENCES = {
    "sympy-init-printing": "sympy's init_printing() registers its printers (unicode text/plain, a PNG of the "
    "LaTeX) with the running IPython shell; pyodocs has none on purpose (get_ipython() is None, so libraries "
    "take their plain-Python paths). The LaTeX, which notebooks and pyodocs show, is the same "
    "(test_sympy_latex_is_the_notebooks).",
    "sympy-after-init-printing": "as sympy-init-printing",
}


def case_params(*, values_only: bool = False) -> list[Any]:
    """The corpus as parameters; differences listed above are strict xfails, so a fix shows."""
    params = []
    for case in CASES:
        if values_only and case.raises:
            continue
        reasons = [KNOWN_DIFFERENCES.get(case.id)]
        marks = [pytest.mark.xfail(reason=reason, strict=True) for reason in reasons if reason]
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def notebook_events(results: SideResults, case: Case) -> list[dict[str, Any]]:
    return results[("notebook", case.group)][case.id]["events"]


def pyodocs_run(results: SideResults, side: str, case: Case) -> dict[str, Any]:
    return results[(side, case.group)][case.id]


@pytest.mark.parametrize("side", PYODOCS_SIDES)
@pytest.mark.parametrize("case", case_params())
def test_kernel_shows_what_the_notebook_shows(side_results: SideResults, side: str, case: Case) -> None:
    keep_errors = case.raises or case.repr_raises
    expected = comparable_events(notebook_events(side_results, case), keep_errors=keep_errors)
    if case.id in FIGURE_SHOWN_ONCE:
        assert [event["type"] for event in expected] == ["result", "display"]
        assert expected[0]["data"] == expected[1]["data"]
        expected = expected[:1]
    actual = comparable_events(pyodocs_run(side_results, side, case)["events"], keep_errors=keep_errors)
    assert actual == expected


@pytest.mark.parametrize("side", PYODOCS_SIDES)
@pytest.mark.parametrize("case", case_params(values_only=True))
def test_format_object_makes_the_notebook_result(side_results: SideResults, side: str, case: Case) -> None:
    results = [event for event in notebook_events(side_results, case) if event["type"] == "result"]
    value = pyodocs_run(side_results, side, case)["value"]
    if not results:
        # No value, or one whose bundle is empty (IPython's display hook then sends nothing).
        assert value is None or value["data"] == {}
        return
    assert value is not None
    assert comparable_bundle(value["data"]) == comparable_bundle(results[0]["data"])
    assert value["metadata"] == results[0]["metadata"]


@pytest.mark.parametrize("side", PYODOCS_SIDES)
@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
def test_a_failing_formatter_leaves_one_line_on_stderr(side_results: SideResults, side: str, case: Case) -> None:
    """Where IPython shows a formatter's traceback or warning, pyodocs says it in one line."""
    failed = formatter_failed(notebook_events(side_results, case), cell_raises=case.raises or case.repr_raises)
    stderr = stderr_text(pyodocs_run(side_results, side, case)["events"])
    if failed:
        assert len(stderr.splitlines()) >= 1, "the notebook reported a failing formatter; pyodocs said nothing"
        assert all(len(line) < 300 for line in stderr.splitlines())
    else:
        assert stderr == ""


@pytest.mark.parametrize("side", PYODOCS_SIDES)
@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES if case.id.startswith("sympy-")])
def test_sympy_latex_is_the_notebooks(side_results: SideResults, side: str, case: Case) -> None:
    (expected,) = [event for event in notebook_events(side_results, case) if event["type"] == "result"]
    (actual,) = [event for event in pyodocs_run(side_results, side, case)["events"] if event["type"] == "result"]
    assert actual["data"]["text/latex"] == expected["data"]["text/latex"]
