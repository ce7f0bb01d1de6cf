"""IPython syntax in pyodocs cells: ``%magic``, ``%%cell_magic``, ``!command``, ``obj?``.

The kernel imports this module only for a cell that is not valid Python (all
IPython syntax is invalid Python) or that calls ``get_ipython()``. The cell
goes through IPython's own input transformer (``IPython.core.inputtransformer2``,
vendored in the shim, or the real one when IPython is installed), which turns
the syntax into ``get_ipython().run_line_magic(...)`` and similar calls; those
calls are then pointed at the pyodocs shell (``pyodocs_magics``), never at
``IPython.get_ipython()``, which stays None so libraries keep their
plain-Python paths.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from pyodide.code import find_imports

# The shell object the routed calls reach, kept in builtins (as Pyodide keeps ___EvalCodeResultException):
# functions defined in a cell still find it when a later cell calls them.
SHELL_NAME = "___pyodocs_shell"

# The methods of IPython's shell its transformer produces calls to.
SHELL_METHODS = frozenset({"run_line_magic", "run_cell_magic", "system", "getoutput", "show_usage"})

# Line magics that wait for JavaScript (package downloads): awaited where the cell can await.
AWAITED_LINE_MAGICS = frozenset({"pip"})

# `!pip install x` (also pip3, python -m pip, {sys.executable} -m pip): the arguments after "pip".
_PIP_COMMAND = re.compile(r"^\s*(?:pip3?|\S*python[\d.]*\s+-m\s+pip|\{sys\.executable\}\s+-m\s+pip)\s+(.*)$", re.S)


def pip_arguments(command: str) -> str | None:
    """What follows ``pip`` in a shell command that runs pip (``install numpy``), else None."""
    match = _PIP_COMMAND.match(command)
    return match.group(1) if match else None


# Magics whose argument is Python code: the packages its imports need are loaded before the cell runs.
CODE_MAGICS = frozenset({"time", "timeit"})


@dataclass
class TransformedCell:
    """A cell rewritten by IPython's transformer."""

    source: str
    # Leading blank lines the transformer dropped: added back to line numbers, so tracebacks show the cell's own lines.
    line_offset: int


def transform_cell(code: str) -> TransformedCell | None:
    """The cell as Python, or None when IPython's transformer leaves it as it is (so it is not IPython syntax)."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        transformed = TransformerManager().transform_cell(code)
    except Exception:  # noqa: BLE001 - the transformer gives up on broken code: the plain SyntaxError stands
        return None
    if transformed == (code if code.endswith("\n") else code + "\n"):
        return None
    return TransformedCell(transformed, _leading_blank_lines(code))


def _leading_blank_lines(code: str) -> int:
    count = 0
    for line in code.splitlines():
        if line.strip():
            break
        count += 1
    return count


def _shell_call(node: ast.AST) -> str | None:
    """The method name when ``node`` is ``get_ipython().<method>(...)`` of IPython's shell."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    target = node.func.value
    if (
        node.func.attr in SHELL_METHODS
        and isinstance(target, ast.Call)
        and isinstance(target.func, ast.Name)
        and target.func.id == "get_ipython"
        and not target.args
        and not target.keywords
    ):
        return node.func.attr
    return None


def _constant_args(node: ast.Call) -> list[str] | None:
    values = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    return values if len(values) == len(node.args) else None


class _RouteMagics(ast.NodeTransformer):
    """``get_ipython().run_line_magic(...)`` -> ``___pyodocs_shell.run_line_magic(...)``; awaits %pip where it can."""

    def __init__(self) -> None:
        # Whether an await may stand here: at the top level of the cell (top-level await) or in an async def.
        self._can_await = [True]
        self.routed = 0

    def _scoped(self, node: ast.AST, can_await: bool) -> ast.AST:
        self._can_await.append(can_await)
        try:
            return self.generic_visit(node)
        finally:
            self._can_await.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._scoped(node, False)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        return self._scoped(node, True)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self._scoped(node, False)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        return self._scoped(node, False)

    def visit_ListComp(self, node: ast.ListComp) -> ast.AST:
        return self._scoped(node, False)

    visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_ListComp  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        method = _shell_call(node)
        if method is None:
            return node
        assert isinstance(node.func, ast.Attribute)
        self.routed += 1
        node.func.value = ast.copy_location(ast.Name(SHELL_NAME, ast.Load()), node.func.value)
        args = _constant_args(node)
        if method == "run_line_magic" and args and args[0] in AWAITED_LINE_MAGICS and self._can_await[-1]:
            node.func.attr = "run_line_magic_async"
            return ast.copy_location(ast.Await(node), node)
        # `!pip install x` is `%pip install x`, as in Jupyter (there is no shell, but there are packages).
        if method == "system" and args and pip_arguments(args[0]) is not None and self._can_await[-1]:
            node.func.attr = "system_async"
            return ast.copy_location(ast.Await(node), node)
        return node


def route_magics(tree: ast.Module) -> bool:
    """Point the shell calls in ``tree`` at the pyodocs shell; True when there were any."""
    router = _RouteMagics()
    router.visit(tree)
    ast.fix_missing_locations(tree)
    return router.routed > 0


def cell_imports(code: str) -> list[str] | None:
    """Top-level modules an IPython-syntax cell imports, also inside %time/%timeit code; None if it is not one."""
    cell = transform_cell(code)
    if cell is None:
        return None
    names = set(find_imports(cell.source))
    try:
        tree = ast.parse(cell.source)
    except SyntaxError:
        return sorted(names)
    for node in ast.walk(tree):
        method = _shell_call(node)
        args = _constant_args(node) if method in ("run_line_magic", "run_cell_magic") else None  # type: ignore[arg-type]
        if not args or args[0] not in CODE_MAGICS:
            continue
        import pyodocs_magics

        for source in pyodocs_magics.magic_code(method, *args):  # type: ignore[arg-type]
            try:
                names.update(find_imports(source))
            except SyntaxError:
                pass
    return sorted(names)
