"""The magics pyodocs cells can use, and a clear error for the ones they cannot.

IPython's input transformer turns ``%time x`` into ``get_ipython().run_line_magic("time", "x")``;
``pyodocs_ipython_syntax`` points those calls at :class:`Shell` (kept in builtins as
``___pyodocs_shell``). Supported, with IPython's own output formats: ``%pip install``
/ ``%pip list`` (packages load like a cell's imports: same sources, progress and
errors; ``!pip install`` too, as in Jupyter), ``%time``, ``%%time``, ``%timeit``,
``%%timeit``, ``%matplotlib inline`` (nothing to do: figures always show inline),
``%whos``, ``%env``, and the file magics on Pyodide's in-memory file system:
``%%writefile`` (``%%file``), ``%run``, ``%pwd``, ``%cd``; ``obj?`` and ``obj??`` print
IPython's help (Jupyter shows it in a pager). Any other ``!command``
and any other magic end the cell with one line saying why it cannot work in a
browser. Code run by a magic is compiled at its place in the cell, so tracebacks
point at the reader's line.
"""

from __future__ import annotations

import ast
import builtins
import gc
import inspect
import itertools
import json
import linecache
import math
import os
import re
import shlex
import sys
import time
from collections.abc import Sized
from types import FrameType
from typing import Any, Protocol

import pyodocs_display
from pyodocs_ipython_syntax import SHELL_NAME, pip_arguments

SUPPORTED = (
    "%pip install, %pip list, %time, %timeit, %%time, %%timeit, %matplotlib inline, %whos, %env, "
    "%%writefile, %run, %pwd, %cd and obj?"
)


class InstallHooks(Protocol):
    def install_packages(self, specs_json: str, /) -> Any: ...


class UnsupportedMagicError(Exception):
    """A magic that cannot work in a browser; the cell ends with this one line."""

    pyodocs_one_line = True


class MagicFileError(OSError):
    """A file or folder a magic needs is not there (``%run``, ``%cd``); the cell ends with this one line."""

    pyodocs_one_line = True


class ShellCommandError(Exception):
    """``!command``: there is no shell in a browser; the cell ends with this one line."""

    pyodocs_one_line = True


def install_shell(hooks: InstallHooks) -> None:
    """Make the shell reachable by the routed calls (idempotent)."""
    if not isinstance(getattr(builtins, SHELL_NAME, None), Shell):
        setattr(builtins, SHELL_NAME, Shell(hooks))


def magic_code(method: str, name: str, line: str = "", body: str | None = None) -> list[str]:
    """The Python code a %time/%timeit call runs (statement, setup), for finding its imports."""
    if name == "timeit":
        _options, statement = split_timeit_options(line)
        return [statement, body] if body is not None else [statement]
    return [body] if body is not None else [line]


class Shell:
    """What the routed ``get_ipython()`` calls reach."""

    def __init__(self, hooks: InstallHooks) -> None:
        self._hooks = hooks

    # --- the calls IPython's transformer produces ---------------------------------
    def run_line_magic(self, name: str, line: str) -> Any:
        frame = sys._getframe(1)
        if name in ("time", "timeit"):
            return getattr(self, f"_{name}")(line, None, frame)
        if name == "pip":
            return self._pip_sync(line, frame)
        if name == "matplotlib":
            return self._matplotlib(line, frame)
        if name == "whos":
            return self._whos(line, frame)
        if name == "env":
            return self._env(_expand(line, frame), frame)
        if name == "run":
            return self._run(_expand(line, frame), frame)
        if name == "pwd":
            return os.getcwd()
        if name == "cd":
            return self._cd(_expand(line, frame), frame)
        if name in ("pinfo", "pinfo2"):
            return self._pinfo(line, frame, with_source=name == "pinfo2")
        raise _unsupported(name, frame)

    def run_line_magic_async(self, name: str, line: str) -> Any:
        """A magic that waits for JavaScript, awaited by the cell (``await`` put there by the router)."""
        frame = sys._getframe(1)
        if name == "pip":
            return self._pip(line, frame)
        return _returning(self.run_line_magic(name, line))

    def run_cell_magic(self, name: str, line: str, body: str) -> Any:
        frame = sys._getframe(1)
        if name in ("time", "timeit"):
            return getattr(self, f"_{name}")(line, body, frame)
        if name in ("writefile", "file"):
            return self._writefile(_expand(line, frame), body, frame)
        raise _unsupported(f"%%{name}", frame)

    def system(self, command: str) -> None:
        frame = sys._getframe(1)
        arguments = pip_arguments(command)
        if arguments is not None:
            return self._pip_sync(arguments, frame)
        raise _shell_error(command, frame)

    def system_async(self, command: str) -> Any:
        """``!pip ...`` where the cell can await (the router puts the await): ``%pip ...``."""
        frame = sys._getframe(1)
        arguments = pip_arguments(command)
        if arguments is None:
            raise _shell_error(command, frame)
        return self._pip(arguments, frame)

    def getoutput(self, command: str) -> None:
        raise _shell_error(command, sys._getframe(1))

    def show_usage(self) -> None:
        raise UnsupportedMagicError(f"? is not available here (line {sys._getframe(1).f_lineno}): use help() instead.")

    # --- %pip ---------------------------------------------------------------------
    async def _pip(self, line: str, frame: FrameType) -> None:
        specs = _pip_install_specs(_expand(line, frame), frame)
        if specs is None:
            return
        outcome = json.loads(await self._hooks.install_packages(json.dumps(specs)))
        if outcome.get("ename"):
            raise _package_error(outcome)

    def _pip_sync(self, line: str, frame: FrameType) -> None:
        # Only where the router could not put an await (inside a def): wait on the promise with JSPI.
        from pyodide.ffi import can_run_sync, run_sync

        specs = _pip_install_specs(_expand(line, frame), frame)
        if specs is None:
            return
        if not can_run_sync():
            raise UnsupportedMagicError(
                f"%pip install cannot wait here (line {frame.f_lineno}): use it at the top level of a cell, "
                "not inside a function."
            )
        outcome = json.loads(run_sync(self._hooks.install_packages(json.dumps(specs))))
        if outcome.get("ename"):
            raise _package_error(outcome)

    # --- %time, %%time --------------------------------------------------------------
    def _time(self, line: str, body: str | None, frame: FrameType) -> Any:
        filename, first_line = frame.f_code.co_filename, frame.f_lineno
        if body is None:
            tree = _parse_at(line, filename, first_line, _column_of(line, filename, first_line))
        else:
            tree = _parse_at(body, filename, first_line + 1, 0)
        # Like IPython: an expression alone, or a last expression, gives the magic's value.
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        statements = compile(tree, filename, "exec")
        value_code = compile(ast.Expression(last.value), filename, "eval") if last is not None else None
        namespace, local_namespace = _namespaces(frame)
        wall_start = time.perf_counter()
        cpu_start = time.process_time()
        value = None
        try:
            exec(statements, namespace, local_namespace)
            if value_code is not None:
                value = eval(value_code, namespace, local_namespace)
        finally:
            # Like IPython, the times are printed also when the code raised.
            cpu = time.process_time() - cpu_start
            wall = time.perf_counter() - wall_start
            print(f"CPU times: user {format_time(cpu)}, sys: {format_time(0.0)}, total: {format_time(cpu)}")
            print(f"Wall time: {format_time(wall)}")
        return value

    # --- %timeit, %%timeit ----------------------------------------------------------
    def _timeit(self, line: str, body: str | None, frame: FrameType) -> Any:
        options, statement = split_timeit_options(line)
        filename, first_line = frame.f_code.co_filename, frame.f_lineno
        if body is None:
            setup: list[ast.stmt] = []
            timed = _parse_at(statement, filename, first_line, _column_of(statement, filename, first_line)).body
        else:
            # %%timeit SETUP, then the body: IPython's cell form.
            setup = _parse_at(statement, filename, first_line, _column_of(statement, filename, first_line)).body
            timed = _parse_at(body, filename, first_line + 1, 0).body
        if not timed:
            raise UnsupportedMagicError(f"%timeit needs a statement to time (line {first_line}).")
        template = ast.parse(
            "def inner(_it, _timer):\n    pass\n    _t0 = _timer()\n    for _i in _it:\n        pass\n"
            "    _t1 = _timer()\n    return _t1 - _t0\n"
        )
        function = template.body[0]
        assert isinstance(function, ast.FunctionDef) and isinstance(function.body[2], ast.For)
        function.body[2].body = timed
        function.body[0:1] = setup or [ast.Pass()]
        ast.fix_missing_locations(template)
        namespace, _local = _namespaces(frame)
        defined: dict[str, Any] = {}
        exec(compile(template, filename, "exec"), namespace, defined)
        inner = defined["inner"]
        number, repeat = options.get("number", 0), options.get("repeat", 7)
        precision = options.get("precision", 3)
        collecting = gc.isenabled()
        gc.disable()
        try:
            if number == 0:
                # Like IPython: loops per run so that a run takes at least 0.2 s.
                for exponent in range(10):
                    number = 10**exponent
                    if inner(itertools.repeat(None, number), time.perf_counter) >= 0.2:
                        break
            runs = [inner(itertools.repeat(None, number), time.perf_counter) for _ in range(repeat)]
        finally:
            if collecting:
                gc.enable()
        result = TimeitResult(number, repeat, runs, precision)
        if not options.get("quiet"):
            print(result)
        return result if options.get("return") else None

    # --- %matplotlib, %whos, %env -------------------------------------------------
    def _matplotlib(self, line: str, frame: FrameType) -> None:
        backend = line.strip()
        if backend in ("", "inline"):
            return  # Figures always show inline in pyodocs cells.
        raise UnsupportedMagicError(
            f"%matplotlib {backend} is not available here (line {frame.f_lineno}): figures show inline, "
            "as with %matplotlib inline."
        )

    def _whos(self, line: str, frame: FrameType) -> None:
        namespace = frame.f_globals
        wanted = set(line.split())
        names = sorted(
            name
            for name, value in namespace.items()
            if not name.startswith("_")
            and not (name == "display" and value is pyodocs_display.display)
            and (not wanted or type(value).__name__ in wanted)
        )
        if not names:
            print("No variables match your requested type." if wanted else "Interactive namespace is empty.")
            return
        values = [namespace[name] for name in names]
        types = [type(value).__name__ for value in values]
        name_width = max(max(map(len, names)), len("Variable")) + 3
        type_width = max(max(map(len, types)), len("Type")) + 3
        print("Variable".ljust(name_width) + "Type".ljust(type_width) + " Data/Info")
        print("-" * (name_width + type_width + len("Data/Info") + 1))
        for name, value, type_name in zip(names, values, types):
            print(f"{name:<{name_width}}{type_name:<{type_width}}", _whos_info(value, type_name))

    def _env(self, line: str, frame: FrameType) -> Any:
        text = line.strip()
        if not text:
            # Like IPython: likely secrets are hidden when the whole environment is shown.
            return {
                key: "<hidden>" if any(word in key.lower() for word in ("key", "token", "secret")) else value
                for key, value in os.environ.items()
            }
        separator = "=" if "=" in text else " "
        parts = text.split(separator, 1)
        if len(parts) == 1:
            if text in os.environ:
                return os.environ[text]
            raise UnsupportedMagicError(f"Environment does not have key: {text} (line {frame.f_lineno})")
        key, value = parts[0].strip(), parts[1].strip()
        os.environ[key] = value
        print(f"env: {key}={value}")
        return None

    # --- obj?, obj?? -----------------------------------------------------------------
    def _pinfo(self, line: str, frame: FrameType, with_source: bool) -> None:
        """IPython's object help, printed where Jupyter opens its pager: signature, docstring (source with ??), type."""
        expression = line.strip()
        namespace, local_namespace = _namespaces(frame)
        try:
            value = eval(expression, namespace, local_namespace)
        except Exception:  # noqa: BLE001 - IPython says the same for any name it cannot evaluate
            print(f"Object `{expression}` not found.")
            return
        fields: list[tuple[str, str]] = []
        if callable(value):
            try:
                fields.append(("Signature", f"{expression}{inspect.signature(value)}"))
            except (TypeError, ValueError):
                pass
        else:
            fields.append(("String form", _shortened(repr(value) if isinstance(value, str) else str(value))))
            if isinstance(value, Sized):
                fields.append(("Length", str(len(value))))
        source = _source_of(value) if with_source else None
        if source is not None:
            fields.append(("Source", source))
        else:
            fields.append(("Docstring", inspect.getdoc(value) or "<no docstring>"))
        if inspect.isclass(value) and value.__init__ is not object.__init__:
            init_doc = inspect.getdoc(value.__init__)
            if init_doc and init_doc != inspect.getdoc(value):
                fields.append(("Init docstring", init_doc))
        fields.append(("Type", type(value).__name__))
        width = max(len(title) for title, _text in fields) + 2
        for title, text in fields:
            # Like IPython: a field of several lines starts on the line after its title.
            print(f"{title}:\n{text}" if "\n" in text else f"{f'{title}:':<{width}}{text}")

    # --- %%writefile, %run, %pwd, %cd: Pyodide's in-memory file system -------------------
    def _writefile(self, line: str, body: str, frame: FrameType) -> None:
        words = _words(line)
        append = "-a" in words or "--append" in words
        names = [word for word in words if not word.startswith("-")]
        if len(names) != 1:
            raise UnsupportedMagicError(
                f"%%writefile needs one file name (line {frame.f_lineno}): %%writefile data.csv, or -a to append."
            )
        name = os.path.expanduser(names[0])
        # IPython's own messages.
        print(f"Appending to {name}" if append else f"Overwriting {name}" if os.path.exists(name) else f"Writing {name}")
        with open(name, "a" if append else "w", encoding="utf-8") as file:
            file.write(body)

    def _run(self, line: str, frame: FrameType) -> None:
        words = _words(line)
        interactive = "-i" in words
        arguments = [word for word in words if word != "-i"]
        if not arguments or arguments[0].startswith("-"):
            raise UnsupportedMagicError(
                f"%run {line.strip()} is not available here (line {frame.f_lineno}): "
                "%run runs a Python file, as in %run script.py (with -i, in the cell's namespace)."
            )
        script = os.path.expanduser(arguments[0])
        try:
            with open(script, encoding="utf-8") as file:
                source = file.read()
        except FileNotFoundError:
            raise MagicFileError(
                f"%run: there is no file {script} (line {frame.f_lineno}). Cells share Pyodide's in-memory files: "
                f"write it first, for example with %%writefile {arguments[0]}."
            ) from None
        namespace, _local = _namespaces(frame)
        # Like IPython: the script runs as __main__ with sys.argv set, then the namespace gets what it defined.
        scope = namespace if interactive else {"__name__": "__main__", "__file__": script, "__builtins__": builtins}
        argv = sys.argv
        sys.argv = [script, *arguments[1:]]
        try:
            exec(compile(source, script, "exec"), scope)
        finally:
            sys.argv = argv
        if not interactive:
            kept = {key: value for key, value in scope.items() if key not in ("__name__", "__file__", "__builtins__")}
            namespace.update(kept)

    def _cd(self, line: str, frame: FrameType) -> None:
        folder = os.path.expanduser(line.strip().strip("'\"") or "~")
        try:
            os.chdir(folder)
        except OSError as error:
            raise MagicFileError(f"%cd {folder}: {error.strerror} (line {frame.f_lineno}).") from None
        print(os.getcwd())


# --- helpers ------------------------------------------------------------------------
def _shortened(text: str) -> str:
    """A value's string form as IPython's help shows it: at most 200 characters, the middle elided."""
    return text if len(text) <= 200 else f"{text[:100]}<...>{text[-100:]}"


def _source_of(value: Any) -> str | None:
    try:
        return inspect.getsource(value).rstrip("\n")
    except (OSError, TypeError):
        return None


def _words(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


async def _returning(value: Any) -> Any:
    return value


def _namespaces(frame: FrameType) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The globals and (inside a function) the locals the magic's code runs with."""
    namespace = frame.f_globals
    return namespace, None if frame.f_locals is namespace else dict(frame.f_locals)


def _column_of(code: str, filename: str, line: int) -> int:
    """Where ``code`` starts in the cell's ``line`` (so carets land under the reader's text); 0 if not found."""
    text = linecache.getline(filename, line)
    magic = text.find("%")
    found = text.find(code.strip(), max(magic, 0)) if code.strip() else -1
    return max(found, 0)


def _parse_at(code: str, filename: str, line: int, column: int) -> ast.Module:
    """Parse ``code`` as if it stood at ``line``/``column`` of the cell: tracebacks then show the cell's text."""
    try:
        tree = ast.parse(code, filename=filename)
    except SyntaxError as error:
        error.filename = filename
        relative = error.lineno or 1
        error.lineno = relative + line - 1
        if relative == 1 and error.offset is not None:
            error.offset += column
            if error.end_offset is not None:
                error.end_offset += column
        if error.end_lineno is not None:
            error.end_lineno += line - 1
        error.text = linecache.getline(filename, error.lineno) or error.text
        raise
    ast.increment_lineno(tree, line - 1)
    if column:
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) == line:
                node.col_offset += column  # type: ignore[attr-defined]
            if getattr(node, "end_lineno", None) == line and getattr(node, "end_col_offset", None) is not None:
                node.end_col_offset += column  # type: ignore[attr-defined]
    return tree


def split_timeit_options(line: str) -> tuple[dict[str, Any], str]:
    """IPython's %timeit options (-n N, -r R, -p P, -q, -o; -t and -c accepted) and the statement after them."""
    options: dict[str, Any] = {}
    rest = line.lstrip()
    pattern = re.compile(r"-([nrp])\s*(\d+)\s*|-([qotc])(?=\s|$)\s*")
    while rest.startswith("-"):
        match = pattern.match(rest)
        if match is None:
            break
        if match.group(1):
            key = {"n": "number", "r": "repeat", "p": "precision"}[match.group(1)]
            options[key] = int(match.group(2))
        elif match.group(3) in ("q", "o"):
            options["quiet" if match.group(3) == "q" else "return"] = True
        rest = rest[match.end() :]
    return options, rest


def format_time(seconds: float, precision: int = 3) -> str:
    """IPython's ``_format_time``: 1.23 ms, 45.6 µs, 1min 5s."""
    if seconds >= 60.0:
        parts = [("d", 86400), ("h", 3600), ("min", 60), ("s", 1)]
        pieces = []
        left = seconds
        for suffix, length in parts:
            value = int(left / length)
            if value > 0:
                left = left % length
                pieces.append(f"{value}{suffix}")
            if left < 1:
                break
        return " ".join(pieces)
    units = ["s", "ms", "\u03bcs", "ns"]
    scaling = [1, 1e3, 1e6, 1e9]
    order = min(-int(math.floor(math.log10(seconds)) // 3), 3) if seconds > 0.0 else 3
    return "%.*g %s" % (precision, seconds * scaling[order], units[order])


class TimeitResult:
    """What %timeit measured; printed (and with -o returned) like IPython's."""

    def __init__(self, loops: int, repeat: int, all_runs: list[float], precision: int) -> None:
        self.loops = loops
        self.repeat = repeat
        self.all_runs = all_runs
        self.timings = [run / loops for run in all_runs]
        self.best = min(self.timings)
        self.worst = max(self.timings)
        self._precision = precision

    @property
    def average(self) -> float:
        return math.fsum(self.timings) / len(self.timings)

    @property
    def stdev(self) -> float:
        mean = self.average
        return (math.fsum((x - mean) ** 2 for x in self.timings) / len(self.timings)) ** 0.5

    def __str__(self) -> str:
        return (
            f"{format_time(self.average, self._precision)} \u00b1 {format_time(self.stdev, self._precision)} per loop "
            f"(mean \u00b1 std. dev. of {self.repeat} run{'' if self.repeat == 1 else 's'}, "
            f"{self.loops:,} loop{'' if self.loops == 1 else 's'} each)"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text("<TimeitResult : " + str(self) + ">")


def _whos_info(value: Any, type_name: str) -> str:
    if type_name in ("dict", "list", "tuple"):
        return f"n={len(value)}"
    if type_name == "ndarray" and hasattr(value, "shape"):
        shape = str(value.shape).replace(",", "").replace(" ", "x")[1:-1]
        size = value.size * value.itemsize
        text = f"{shape}: {value.size} elems, type `{value.dtype}`, {size} bytes"
        if size >= 100000:
            text += f" ({size / 1024} kb)" if size < 1048576 else f" ({size / 1048576} Mb)"
        return text
    if type_name in ("DataFrame", "Series"):
        return f"Shape: {value.shape}"
    try:
        text = str(value)
    except Exception:  # noqa: BLE001
        text = f"<object with id {id(value)} (str() failed)>"
    text = text.replace("\n", "\\n")
    return text if len(text) < 50 else text[:25] + "<...>" + text[-25:]


def _expand(line: str, frame: FrameType) -> str:
    """IPython's variable expansion in magic lines: ``{expression}`` and ``$name``; left as written when it fails."""
    namespace, local_namespace = _namespaces(frame)

    def evaluate(expression: str, original: str) -> str:
        try:
            return str(eval(expression, namespace, local_namespace))
        except Exception:  # noqa: BLE001
            return original

    line = re.sub(r"\{([^{}]+)\}", lambda match: evaluate(match.group(1), match.group(0)), line)
    return re.sub(r"(?<!\$)\$([A-Za-z_]\w*)", lambda match: evaluate(match.group(1), match.group(0)), line)


def _pip_install_specs(line: str, frame: FrameType) -> list[str] | None:
    """The requirements of ``%pip install ...``; None after ``%pip list`` printed its table."""
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    command, arguments = (words[0], words[1:]) if words else ("", [])
    if command == "list":
        from importlib.metadata import distributions

        rows = sorted({(dist.metadata["Name"] or "?", dist.version) for dist in distributions()}, key=lambda r: r[0].lower())
        width = max([len("Package")] + [len(name) for name, _version in rows])
        print(f"{'Package':<{width}} Version")
        print(f"{'-' * width} -------")
        for name, version in rows:
            print(f"{name:<{width}} {version}")
        return None
    if command != "install":
        raise UnsupportedMagicError(
            f"%pip {command} is not available here (line {frame.f_lineno}): "
            "%pip install and %pip list work in the browser."
            if command
            else f"%pip needs a command (line {frame.f_lineno}): %pip install <package>, or %pip list."
        )
    specs = []
    skip_next = False
    for word in arguments:
        if skip_next:
            skip_next = False
        elif word in ("-r", "--requirement", "-e", "--editable", "-c", "--constraint"):
            raise UnsupportedMagicError(
                f"%pip install {word} is not available here (line {frame.f_lineno}): name the packages instead."
            )
        elif word in ("-i", "--index-url", "--extra-index-url", "-f", "--find-links"):
            skip_next = True  # The site chooses the package sources.
        elif not word.startswith("-"):
            specs.append(word)
    if not specs:
        raise UnsupportedMagicError(f"%pip install needs a package name (line {frame.f_lineno}).")
    return specs


def _package_error(outcome: dict[str, Any]) -> BaseException:
    """The package error the worker described, raised like an import's: its name, its lines, details behind a toggle."""
    error_class = type(str(outcome["ename"]), (Exception,), {"pyodocs_one_line": True})
    error = error_class(str(outcome.get("evalue", "")))
    if outcome.get("details"):
        error.pyodocs_details = str(outcome["details"])  # type: ignore[attr-defined]
    return error


def _unsupported(name: str, frame: FrameType) -> UnsupportedMagicError:
    line = frame.f_lineno
    if name == "psearch":
        return UnsupportedMagicError(f"? search with wildcards is not available here (line {line}): use dir(...) instead.")
    magic = name if name.startswith("%") else f"%{name}"
    if name in ("conda", "mamba"):
        return UnsupportedMagicError(f"{magic} cannot work in a browser (line {line}): use %pip install.")
    return UnsupportedMagicError(f"{magic} is not available here (line {line}): cells run in the browser, where {SUPPORTED} work.")


def _shell_error(command: str, frame: FrameType) -> ShellCommandError:
    hint = " Use %pip install instead." if re.match(r"\s*(conda|mamba)\s+install\b", command) else ""
    return ShellCommandError(
        f"!{command.strip()} cannot work in a browser (line {frame.f_lineno}): there is no shell to run commands in.{hint}"
    )
