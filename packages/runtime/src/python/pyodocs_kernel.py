"""Runs pyodocs cells inside Pyodide the way IPython runs notebook cells.

The worker (src/worker/PyodideEngine.ts) writes this file into the Pyodide
file system, imports it and calls :func:`create_kernel` with an object of
JavaScript callbacks (``hooks``). Everything a run produces goes back through
those callbacks while the run is in progress; the worker routes it to the run
id it is executing.

hooks.stream(name, text)          "stdout" / "stderr" text, one call per line
hooks.output(kind, payload_json)  kind "result" or "display"; payload is
                                  {"data": <MIME bundle>, "metadata": {...}}
hooks.error(ename, evalue, traceback, details)
                                  details: None, or more for a toggle (package errors)
hooks.install_packages(specs_json) -> Promise of JSON: %pip install, loaded as
                                  a run's packages are; {} or {ename, evalue, details}
hooks.pause                        the worker's half of the pause channel
                                  (src/pause/): how time.sleep and input() wait
    .returns_promises              bool: sleep/input return promises, awaited
                                  with run_sync (JSPI); else they block
    .sleep(seconds) -> bool        True when stop() interrupted the sleep
    .input(prompt) -> str | None   the reader's answer; None when stopped
    .unavailable_reason() -> str   why input() cannot ask the reader where
                                  run_sync cannot pause

Runs of kind "doctest" go through pyodocs_doctest.py (CPython's doctest). A cell
that is not valid Python is tried as IPython syntax (pyodocs_ipython_syntax.py,
pyodocs_magics.py), imported only then.
"""

from __future__ import annotations

import ast
import importlib.util
import builtins
import io
import json
import linecache
import os
import sys
import traceback
from typing import Any, Callable, Protocol

from pyodide.code import CodeRunner, find_imports
from pyodide.ffi import can_run_sync, run_sync

import pyodocs_display
import pyodocs_doctest

CELL_FILENAME_PREFIX = "<cell "


class PauseHooks(Protocol):
    returns_promises: bool
    def sleep(self, seconds: float, /) -> Any: ...
    def input(self, prompt: str, /) -> Any: ...
    def unavailable_reason(self) -> str: ...


class Hooks(Protocol):
    def stream(self, name: str, text: str, /) -> None: ...
    def output(self, kind: str, payload_json: str, /) -> None: ...
    def error(self, ename: str, evalue: str, traceback: str, details: str | None, /) -> None: ...
    def install_packages(self, specs_json: str, /) -> Any: ...
    pause: PauseHooks


# --- MIME bundles ------------------------------------------------------------
# pyodocs_display formats like IPython's DisplayFormatter: _repr_mimebundle_,
# _repr_html_, _repr_png_, ... and text/plain always.
def format_mime_bundle(value: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return ``(data, metadata)`` for ``value``."""
    return pyodocs_display.format_object(value)


MATPLOTLIB_BACKEND = "module://pyodocs_matplotlib_backend"


def _format_matplotlib_figure(figure: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    import pyodocs_matplotlib_backend

    return pyodocs_matplotlib_backend.format_figure(figure)


# --- streams -----------------------------------------------------------------
class StreamRouter:
    """Line-buffers stdout/stderr and forwards complete lines immediately.

    One pending buffer for both streams: writing to the other stream first
    flushes what is pending, so the reader sees output in the order it was
    written, like an interleaved terminal.
    """

    def __init__(self, hooks: Hooks) -> None:
        self._hooks = hooks
        self._pending_name = "stdout"
        self._pending = ""

    def write(self, name: str, text: str) -> None:
        if name != self._pending_name:
            self.flush()
            self._pending_name = name
        self._pending += text
        newline = self._pending.rfind("\n")
        if newline >= 0:
            complete, self._pending = self._pending[: newline + 1], self._pending[newline + 1 :]
            self._hooks.stream(name, complete)

    def flush(self) -> None:
        if self._pending:
            text, self._pending = self._pending, ""
            self._hooks.stream(self._pending_name, text)


class CellStream(io.TextIOBase):
    """``sys.stdout`` / ``sys.stderr`` replacement that writes through a StreamRouter."""

    def __init__(self, name: str, router: StreamRouter) -> None:
        super().__init__()
        self._name = name
        self._router = router

    @property
    def name(self) -> str:
        return f"<{self._name}>"

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def errors(self) -> str:
        return "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._router.write(self._name, text)
        return len(text)

    def flush(self) -> None:
        self._router.flush()


# --- tracebacks ----------------------------------------------------------------
def is_cell_filename(filename: str) -> bool:
    """A cell's own code: ``<cell ID>``, or a doctest example ``<doctest ID[N]>``."""
    return filename.startswith((CELL_FILENAME_PREFIX, pyodocs_doctest.FILENAME_PREFIX))


# The worker's own files: never shown in a traceback (the IPython-syntax modules are imported later, by name).
_HARNESS_FILES = frozenset(
    {__file__, pyodocs_doctest.__file__}
    | {os.path.join(os.path.dirname(__file__), name) for name in ("pyodocs_magics.py", "pyodocs_ipython_syntax.py")}
)


def _trim_stack(te: traceback.TracebackException, seen: set[int]) -> None:
    """Keep the frames from the first cell frame on, minus the worker's own frames.

    Frames before the first cell frame are the worker's machinery (this
    kernel, pyodide.code.CodeRunner, doctest's runner); a SyntaxError raised
    while compiling the cell has only those, so it ends up with no stack and
    prints like Python's own: file, line, caret, message.
    """
    if id(te) in seen:
        return
    seen.add(id(te))
    frames = list(te.stack)
    first_cell = next((i for i, f in enumerate(frames) if is_cell_filename(f.filename)), len(frames))
    kept = [f for f in frames[first_cell:] if f.filename not in _HARNESS_FILES]
    # Code a magic runs (%time x) is compiled at the magic's own line: show that line once.
    kept = [
        f
        for f, after in zip(kept, kept[1:] + [None])
        if not (after and f.name == after.name == "<module>" and (f.filename, f.lineno) == (after.filename, after.lineno))
    ]
    te.stack = traceback.StackSummary.from_list(kept)
    for chained in (te.__cause__, te.__context__):
        if chained is not None:
            _trim_stack(chained, seen)
    for member in te.exceptions or ():
        _trim_stack(member, seen)



def _despite_interrupts(step: Callable[..., Any], *args: Any) -> None:
    """Run one step of reporting a cell's end; a KeyboardInterrupt that lands in it runs it again (at most twice)."""
    for attempt in range(3):
        try:
            step(*args)
            return
        except KeyboardInterrupt:
            if attempt == 2:
                raise

def describe_exception(error: BaseException) -> tuple[str, str, str, str | None]:
    """Return ``(ename, evalue, traceback, details)`` with a traceback that reads like Python's.

    An error marked ``pyodocs_one_line`` (a magic that cannot work in a browser, a
    package that cannot be loaded) says everything in its message: no stack.
    """
    details = getattr(error, "pyodocs_details", None)
    if getattr(error, "pyodocs_one_line", False):
        return type(error).__name__, str(error), f"{type(error).__name__}: {error}\n", details
    te = traceback.TracebackException.from_exception(error)
    _trim_stack(te, set())
    return type(error).__name__, str(error), "".join(te.format()), details


def remember_cell_source(filename: str, source: str) -> None:
    """Put the cell's source in linecache so tracebacks can show its lines.

    CodeRunner skips linecache for ``<...>`` file names; an entry whose mtime
    is None is never evicted by ``linecache.checkcache``.
    """
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (len(source), None, lines, filename)


# --- time.sleep and input() ----------------------------------------------------
class InputUnavailableError(EOFError):
    """input() was called where the page cannot ask the reader (an EOFError, as without a stdin)."""


_UNAVAILABLE = object()


def _pause(pause: PauseHooks, operation: Callable[[], Any]) -> Any:
    """Run one pause operation of the channel: it blocks, or returns a promise awaited with run_sync.

    Decided per call: run_sync works only on the stack of a running cell with
    JSPI. Where it cannot, the operation is not started (no request reaches
    the reader) and ``_UNAVAILABLE`` comes back.
    """
    if not pause.returns_promises:
        return operation()
    if not can_run_sync():
        return _UNAVAILABLE
    return run_sync(operation())


def _install_interruptible_sleep(pause: PauseHooks) -> None:
    """time.sleep waits where stop() can end it at once with KeyboardInterrupt.

    Where the channel cannot pause (no JSPI, or called from a JavaScript
    callback), Pyodide's own sleep runs.
    """
    import time

    pyodide_sleep = time.sleep

    def sleep(seconds: float, /) -> None:
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        interrupted = _pause(pause, lambda: pause.sleep(seconds))
        if interrupted is _UNAVAILABLE:
            pyodide_sleep(seconds)
        elif interrupted:
            raise KeyboardInterrupt

    sleep.__doc__ = time.sleep.__doc__
    time.sleep = sleep


def _install_input(pause: PauseHooks, router: "StreamRouter") -> None:
    def pyodocs_input(prompt: object = "", /) -> str:
        text = str(prompt)
        # What the cell printed so far comes before the question.
        router.flush()
        reply = _pause(pause, lambda: pause.input(text))
        if reply is _UNAVAILABLE:
            raise InputUnavailableError(pause.unavailable_reason())
        if reply is None:
            raise KeyboardInterrupt
        # Like a terminal (and Jupyter): the prompt and the answer stay in the output.
        sys.stdout.write(f"{text}{reply}\n")
        return str(reply)

    builtins.input = pyodocs_input


# --- the kernel ----------------------------------------------------------------
class Kernel:
    """One Python namespace per session; runs cells one at a time."""

    def __init__(self, hooks: Hooks, device_pixel_ratio: float = 1.0) -> None:
        self._hooks = hooks
        self._namespaces: dict[str, dict[str, Any]] = {}
        self._router = StreamRouter(hooks)
        sys.stdout = CellStream("stdout", self._router)
        sys.stderr = CellStream("stderr", self._router)
        _install_interruptible_sleep(hooks.pause)
        _install_input(hooks.pause, self._router)
        pyodocs_display.set_publisher(self._publish_display)
        # A worker has no DOM: matplotlib draws with Agg and shows PNG outputs.
        # Set before matplotlib is first imported; a cell may still switch backends.
        os.environ["MPLBACKEND"] = MATPLOTLIB_BACKEND
        pyodocs_display.device_pixel_ratio = device_pixel_ratio
        # Modules the running cell imports that no package of the lock file provides.
        self._unavailable: set[str] = set()
        self._lock_location = ""
        pyodocs_display.register_type_formatter("matplotlib.figure", "Figure", _format_matplotlib_figure)

    def namespace(self, session: str) -> dict[str, Any]:
        namespace = self._namespaces.get(session)
        if namespace is None:
            namespace = {
                "__name__": "__main__",
                "__doc__": None,
                "__builtins__": builtins,
                "display": pyodocs_display.display,
            }
            self._namespaces[session] = namespace
        return namespace

    def reset_session(self, session: str) -> None:
        self._namespaces.pop(session, None)

    def _publish_display(self, data: dict[str, Any], metadata: dict[str, Any]) -> None:
        self._publish("display", data, metadata)

    def _publish(self, kind: str, data: dict[str, Any], metadata: dict[str, Any]) -> None:
        # Output printed before (or while) formatting must come first.
        self._router.flush()
        self._hooks.output(kind, json.dumps({"data": data, "metadata": metadata}))

    def _send_output(self, kind: str, value: Any) -> None:
        data, metadata = format_mime_bundle(value)
        # Empty: the object displayed itself (_ipython_display_); IPython's display hook sends nothing then.
        if data:
            self._publish(kind, data, metadata)

    def _flush_figures(self) -> None:
        """Show figures the cell drew but did not show (like Jupyter's inline backend)."""
        backend = sys.modules.get("pyodocs_matplotlib_backend")
        if backend is None or "matplotlib.pyplot" not in sys.modules:
            return
        backend.flush_figures()

    def missing_imports(self, code: str, kind: str = "cell") -> str:
        """JSON list of the top-level modules ``code`` (a doctest: its examples) imports that are not importable yet."""
        try:
            source = pyodocs_doctest.example_source(code) if kind == "doctest" else code
            names = find_imports(source)
        except ValueError:
            # The run reports the mistake itself.
            return "[]"
        if not names and kind == "cell" and not _is_python(code):
            # IPython syntax (also the code inside %time and %%timeit), or a mistake the run reports itself.
            import pyodocs_ipython_syntax

            names = pyodocs_ipython_syntax.cell_imports(code) or []
        missing = []
        for name in names:
            try:
                if importlib.util.find_spec(name) is None:
                    missing.append(name)
            except (ImportError, ValueError):
                missing.append(name)
        return json.dumps(missing)

    def set_unavailable_modules(self, modules_json: str, lock_location: str) -> None:
        """Before a run: imports no lock package provides, so their ModuleNotFoundError can say so."""
        self._unavailable = set(json.loads(modules_json))
        self._lock_location = lock_location

    def _explain_missing_module(self, error: BaseException) -> None:
        name = getattr(error, "name", None)
        if isinstance(error, ModuleNotFoundError) and name and name.split(".")[0] in self._unavailable:
            error.add_note(
                f"No package in the lock file at {self._lock_location} provides '{name.split('.')[0]}': "
                "add it to the site's mirror (pyodocs mirror) or check the spelling."
            )

    async def install_from_index(self, names_json: str, index_urls_json: str) -> str:
        """micropip.install() of names that are not in the lock file, from the allowed indexes.

        Returns "" or the exception as one line (the worker reports it as the cell's error).
        """
        try:
            import micropip

            micropip.set_index_urls(json.loads(index_urls_json))
            await micropip.install(json.loads(names_json))
        except Exception as error:  # noqa: BLE001
            return f"{type(error).__name__}: {error}"
        return ""

    async def run(self, code: str, session: str, cell_id: str, kind: str = "cell") -> str:
        """Run one cell (kind "doctest": a doctest block); return "ok" or "error" after its events were sent."""
        namespace = self.namespace(session)
        try:
            if kind == "doctest":
                self._run_doctest(code, namespace, cell_id)
            else:
                await self._run_cell(code, namespace, cell_id)
            self._flush_figures()
        # BaseException: sys.exit() and KeyboardInterrupt end the cell, not the worker.
        except BaseException as error:  # noqa: BLE001
            # Stop may send a second interrupt (when the first seems lost); it must not cut the report short.
            _despite_interrupts(self._router.flush)
            _despite_interrupts(self._explain_missing_module, error)
            _despite_interrupts(lambda: self._hooks.error(*describe_exception(error)))
            _despite_interrupts(self._flush_figures_after_error)
            return "error"
        finally:
            _despite_interrupts(self._router.flush)
        return "ok"

    def _flush_figures_after_error(self) -> None:
        # Like a notebook: what the cell drew before it failed is shown after the traceback.
        try:
            self._flush_figures()
        except Exception:  # noqa: BLE001 - a figure that cannot be drawn must not hide the cell's error
            self._close_figures()

    async def _run_cell(self, code: str, namespace: dict[str, Any], cell_id: str) -> None:
        filename = f"{CELL_FILENAME_PREFIX}{cell_id}>"
        # The cell as written: tracebacks show its lines, also where IPython syntax was rewritten.
        remember_cell_source(filename, code)
        value = await self._code_runner(code, filename).compile().run_async(namespace)
        if value is not None:
            self._send_output("result", value)

    def _code_runner(self, code: str, filename: str) -> CodeRunner:
        """The cell parsed; IPython syntax goes through IPython's input transformer, magics to the pyodocs shell."""
        try:
            runner = _parse_cell(code, filename)
        except SyntaxError:
            import pyodocs_ipython_syntax

            cell = pyodocs_ipython_syntax.transform_cell(code)
            if cell is None:
                raise
            runner = _parse_cell(cell.source, filename)
            ast.increment_lineno(runner.ast, cell.line_offset)
            self._route_magics(runner)
            return runner
        if "get_ipython" in code:
            self._route_magics(runner)
        return runner

    def _route_magics(self, runner: CodeRunner) -> None:
        import pyodocs_ipython_syntax

        if pyodocs_ipython_syntax.route_magics(runner.ast):
            import pyodocs_magics

            pyodocs_magics.install_shell(self._hooks)

    def _run_doctest(self, text: str, namespace: dict[str, Any], cell_id: str) -> None:
        """The block's report is displayed even when it was stopped; then its KeyboardInterrupt ends the run."""
        outcome = pyodocs_doctest.run(text, namespace, cell_id)
        self._publish("display", outcome.bundle(), {})
        if outcome.interrupt is not None:
            raise outcome.interrupt

    def _close_figures(self) -> None:
        """Figures that could not be shown are dropped, so the next cell does not show them."""
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None and "pyodocs_matplotlib_backend" in sys.modules:
            try:
                pyplot.close("all")
            except Exception:  # noqa: BLE001
                pass


# The worker's kernel, kept so a Pyodide restored from a memory snapshot finds it again.
_kernel: Kernel | None = None


def _is_python(code: str) -> bool:
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True


def _parse_cell(code: str, filename: str) -> CodeRunner:
    return CodeRunner(
        code,
        filename=filename,
        return_mode="last_expr",
        quiet_trailing_semicolon=True,
        flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
        # Keep the author's columns so carets in tracebacks line up.
        dedent=False,
    )


def create_kernel(hooks: Hooks, device_pixel_ratio: float = 1.0) -> Kernel:
    global _kernel
    _kernel = Kernel(hooks, device_pixel_ratio)
    return _kernel


def resume_kernel(device_pixel_ratio: float = 1.0) -> Kernel:
    """The kernel of a Pyodide restored from a memory snapshot, fitted to the reader's browser.

    The snapshot was taken where it was built: the time zone is re-read, and
    ``random`` (if start-up imported it) is seeded afresh, or every reader would
    draw the same numbers. Its hooks are already the restoring worker's (the
    worker hands them over for the snapshot's tags).
    """
    if _kernel is None:
        raise RuntimeError("This memory snapshot holds no pyodocs kernel.")
    import time

    if hasattr(time, "tzset"):
        time.tzset()
    if "random" in sys.modules:
        sys.modules["random"].seed()
    pyodocs_display.device_pixel_ratio = device_pixel_ratio
    return _kernel


def python_version() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])
