"""pyodocs' side: a group of corpus cells run by pyodocs' kernel, as the worker runs them.

``python pyodocs_side.py GROUP shim|ipython OUT.json``. ``shim``: ``import
IPython`` finds pyodocs' stand-in, as in a default Pyodide worker; ``ipython``:
the real IPython (a page that declared ``packages=ipython``), with no shell
running, as in the worker. Each cell runs twice, in fresh namespaces:
``value`` is its last expression formatted by ``pyodocs_display.format_object``
directly, ``outputs`` what ``Kernel.run`` sent through recording hooks.
"""

from __future__ import annotations

import ast
import asyncio
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parents[2]
PYTHON_SOURCES = PACKAGE_DIR / "src" / "python"
# The pinned Pyodide's own stdlib zip: its pure-Python pyodide/_pyodide packages run under CPython.
PYODIDE_STDLIB = PACKAGE_DIR / "node_modules" / "pyodide" / "python_stdlib.zip"


class RecordingPauseHooks:
    """The pause channel's worker half (pyodocs_kernel.PauseHooks): sleeps for real, no reader to ask."""

    returns_promises = False

    def sleep(self, seconds: float, /) -> bool:
        time.sleep(seconds)
        return False

    def input(self, prompt: str, /) -> None:
        return None

    def unavailable_reason(self) -> str:
        return "no reader in the oracle suite"


class RecordingHooks:
    """The worker's JavaScript callbacks (pyodocs_kernel.Hooks), recording what a run sends."""

    def __init__(self) -> None:
        # What the run sent, in order: streams, outputs and its error.
        self.events: list[dict[str, Any]] = []
        self.pause = RecordingPauseHooks()

    def stream(self, name: str, text: str, /) -> None:
        self.events.append({"type": "stream", "name": name, "text": text})

    def output(self, kind: str, payload_json: str, /) -> None:
        self.events.append({"type": kind, **json.loads(payload_json)})

    def error(self, ename: str, evalue: str, traceback: str, details: str | None = None, /) -> None:
        self.events.append({"type": "error", "ename": ename, "evalue": evalue, "traceback": traceback})

    def install_packages(self, specs_json: str, /) -> Any:
        raise NotImplementedError("the oracle suite installs nothing")


def last_value(code: str, namespace: dict[str, Any]) -> Any:
    """Run ``code`` and return its last expression's value (None when it has none or ends with ';')."""
    module = ast.parse(code)
    last = module.body[-1] if module.body else None
    if not isinstance(last, ast.Expr) or code.rstrip().endswith(";"):
        exec(compile(module, "<direct>", "exec"), namespace)
        return None
    body = ast.Module(body=module.body[:-1], type_ignores=[])
    exec(compile(body, "<direct>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<direct>", "eval"), namespace)


def add_pyodide_packages() -> None:
    """Put the worker's own ``pyodide.code``/``pyodide.ffi`` on sys.path.

    pyodide-py from PyPI is not that: its newest release for Python 3.13 (0.29.5)
    has no ``CodeRunner(dedent=)``, which the kernel passes. Only these two
    packages are extracted: the rest of the zip is Python 3.14's stdlib.
    """
    target = Path(tempfile.mkdtemp(prefix="pyodocs-pyodide-"))
    with zipfile.ZipFile(PYODIDE_STDLIB) as archive:
        archive.extractall(target, [name for name in archive.namelist() if name.startswith(("pyodide/", "_pyodide/"))])
    sys.path.insert(0, str(target))


def main(group_name: str, ipython: str, out_path: str) -> None:
    add_pyodide_packages()
    sys.path.insert(0, str(PYTHON_SOURCES))
    if ipython == "shim":
        # In the worker the shim is last on sys.path and no IPython is installed; here one is.
        sys.path.insert(0, str(PYTHON_SOURCES / "shims"))
    from corpus import CASES, GROUPS

    import pyodocs_display
    import pyodocs_kernel

    hooks = RecordingHooks()
    kernel = pyodocs_kernel.create_kernel(hooks, GROUPS[group_name].device_pixel_ratio)
    results: dict[str, Any] = {}
    for number, case in enumerate(case for case in CASES if case.group == group_name):
        namespace = {"__name__": "__main__", "display": pyodocs_display.display}
        hooks.__init__()
        try:
            value = last_value(case.code, namespace)
        except Exception:
            if not case.raises:
                raise
            value = None
        try:
            direct = None if value is None else dict(zip(("data", "metadata"), pyodocs_display.format_object(value)))
        except Exception:
            if not case.repr_raises:
                raise
            direct = None
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        hooks.__init__()
        status = asyncio.run(kernel.run(case.code, f"case-{number}", case.id))
        if (status == "error") != (case.raises or case.repr_raises):
            raise RuntimeError(f"pyodocs side: case {case.id} ended {status}: {hooks.events}")
        results[case.id] = {"value": direct, "events": hooks.events}
    with open(out_path, "w") as file:
        json.dump(results, file)


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
    except BaseException:
        # The kernel routes sys.stderr to its hooks.
        sys.stderr = sys.__stderr__
        raise
