"""IPython's display protocol for pyodocs cells, without IPython.

:func:`format_object` turns any object into a MIME bundle the way IPython's
``DisplayFormatter`` does: ``_ipython_display_`` (the object shows itself),
``_repr_mimebundle_``, formatters registered for types we know without
importing them (matplotlib figures), one ``_repr_*_`` method per MIME type,
and ``text/plain`` from IPython's pretty printer (``IPython.lib.pretty``,
vendored in the shim). Binary types (PNG, JPEG) travel as base64 strings,
JSON as JSON values, like Jupyter's ``display_data`` messages.
test/python checks all of it against IPython itself under CPython.

The display classes (``HTML``, ``Markdown``, ``SVG``, ``Image``, ...) follow
``IPython.display``; the ``IPython`` shim package re-exports them so notebook
code runs unchanged. When the real IPython is installed it comes first on
``sys.path`` and its objects work here too (they implement the same
``_repr_*_`` methods).
"""

from __future__ import annotations

import base64
import importlib.abc
import importlib.machinery
import json
import sys
import types
from collections.abc import Callable, Collection
from typing import Any

# MIME type -> the method IPython's formatter for it calls, in the order of
# DisplayFormatter.formatters (text/plain, first there, is the pretty printer's).
REPR_METHODS: dict[str, str] = {
    "text/html": "_repr_html_",
    "text/markdown": "_repr_markdown_",
    "image/svg+xml": "_repr_svg_",
    "image/png": "_repr_png_",
    "application/pdf": "_repr_pdf_",
    "image/jpeg": "_repr_jpeg_",
    "text/latex": "_repr_latex_",
    "application/json": "_repr_json_",
    "application/javascript": "_repr_javascript_",
}

BINARY_TYPES = {"image/png", "image/jpeg", "application/pdf"}

# What each formatter accepts (IPython's ``_return_type``; str for the others).
RETURN_TYPES: dict[str, tuple[type, ...]] = {
    "image/png": (bytes, str),
    "image/jpeg": (bytes, str),
    "application/pdf": (bytes, str),
    "application/json": (list, dict),
}

Formatted = tuple[dict[str, Any], dict[str, Any]]

# (module, class name) -> formatter returning (data, metadata) or None. Like a
# printer registered with IPython's ``for_type_by_name``: looked up by the
# object's class path, so nothing here imports a library; its MIME types win
# over ``_repr_mimebundle_`` and ``_repr_*_``.
TYPE_FORMATTERS: dict[tuple[str, str], Callable[[Any], Formatted | None]] = {}


def register_type_formatter(module: str, name: str, formatter: Callable[[Any], Formatted | None]) -> None:
    TYPE_FORMATTERS[(module, name)] = formatter


def _encode(mime: str, value: Any) -> Any:
    if mime in BINARY_TYPES and isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return value


def _jsonable(value: Any) -> Any:
    """Values must survive json.dumps; anything else is dropped by the caller."""
    json.dumps(value)
    return value


def _real_method(obj: Any, name: str) -> Callable[..., Any] | None:
    """IPython's ``get_real_method``: ``getattr`` that ignores proxies claiming every
    attribute, classes (but for their class methods) and attributes that raise."""
    try:
        if getattr(obj, "_ipython_canary_method_should_not_exist_", None) is not None:
            return None
        method = getattr(obj, name, None)
    except Exception:  # noqa: BLE001
        return None
    if isinstance(obj, type) and not isinstance(method, types.MethodType):
        return None
    return method if callable(method) else None


def _guarded(obj: Any, what: str, compute: Callable[[], Any]) -> Any:
    """Run one formatter like IPython's ``catch_format_error``: a failure shows nothing of it.

    IPython prints the whole traceback; we print one line. NotImplementedError
    means "no representation", silently, as there.
    """
    try:
        return compute()
    except NotImplementedError:
        return None
    except Exception as error:  # noqa: BLE001
        _warn(f"{type(obj).__name__}.{what} raised {type(error).__name__}: {error}; showing other representations")
        return None


def _checked(obj: Any, mime: str, what: str, value: Any) -> tuple[Any, Any]:
    """``(data, metadata)`` of a formatter's answer, or ``(None, None)`` when IPython would drop it."""
    if value is None:
        return None, None
    metadata = None
    if isinstance(value, tuple) and len(value) == 2:
        value, metadata = value
    if value is None:
        return None, metadata
    expected = RETURN_TYPES.get(mime, (str,))
    if not isinstance(value, expected) or (mime == "application/json" and isinstance(value, str)):
        names = " or ".join(t.__name__ for t in expected)
        _warn(f"{type(obj).__name__}.{what} returned {type(value).__name__}, not {names}; {mime} not shown")
        return None, None
    return value, metadata


def _plain_text(obj: Any) -> str:
    """text/plain as IPython's PlainTextFormatter makes it (the real IPython's printer when installed)."""
    from IPython.lib.pretty import pretty

    return pretty(obj, max_width=79)


def _type_formatter(obj: Any) -> Callable[[Any], Formatted | None] | None:
    for klass in type(obj).__mro__:
        formatter = TYPE_FORMATTERS.get((klass.__module__, klass.__qualname__))
        if formatter is not None:
            return formatter
    return None


def format_object(
    obj: Any, include: Collection[str] | None = None, exclude: Collection[str] | None = None
) -> Formatted:
    """Return ``(data, metadata)`` for ``obj`` the way IPython's ``DisplayFormatter.format`` does.

    An object with ``_ipython_display_`` displays itself: its own bundle is empty.
    A failing formatter is skipped with a line on stderr; a failing repr when
    there is nothing else to show raises.
    """
    display_method = _real_method(obj, "_ipython_display_")
    if display_method is not None and _guarded(obj, "_ipython_display_()", lambda: display_method() or True):
        return {}, {}

    data: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    bundle_method = _real_method(obj, "_repr_mimebundle_")
    if bundle_method is not None:
        bundle = _guarded(obj, "_repr_mimebundle_()", lambda: bundle_method(include=include, exclude=exclude))
        bundle_meta: Any = {}
        if isinstance(bundle, tuple) and len(bundle) == 2:
            bundle, bundle_meta = bundle
        if bundle is not None and not isinstance(bundle, dict):
            _warn(f"{type(obj).__name__}._repr_mimebundle_() returned {type(bundle).__name__}, not dict; not shown")
            bundle = None
        for mime, value in (bundle or {}).items():
            data[mime] = value
        metadata.update(bundle_meta or {})
        if include:
            data = {k: v for k, v in data.items() if k in include}
            metadata = {k: v for k, v in metadata.items() if k in include}
        if exclude:
            data = {k: v for k, v in data.items() if k not in exclude}
            metadata = {k: v for k, v in metadata.items() if k not in exclude}

    repr_error: Exception | None = None
    registered: Formatted | None = None
    type_formatter = _type_formatter(obj)
    if type_formatter is not None:
        registered = _guarded(obj, "formatter", lambda: type_formatter(obj))

    for mime in ("text/plain", *REPR_METHODS):
        from_registered = registered is not None and mime in registered[0]
        # A bundle's type is not computed again, unless a formatter was registered for it.
        if mime in data and not from_registered:
            continue
        if (include and mime not in include) or (exclude and mime in exclude):
            continue
        if from_registered:
            assert registered is not None
            value, meta = registered[0][mime], registered[1].get(mime)
        elif mime == "text/plain":
            try:
                value = _plain_text(obj)
            except NotImplementedError:
                value = None
            except Exception as error:  # noqa: BLE001 - raised below when nothing else shows
                value, repr_error = None, error
            meta = None
        else:
            method = _real_method(obj, REPR_METHODS[mime])
            if method is None:
                continue
            value, meta = _checked(obj, mime, f"{REPR_METHODS[mime]}()", _guarded(obj, f"{REPR_METHODS[mime]}()", method))
        if value is not None:
            data[mime] = value
        if meta is not None:
            metadata[mime] = meta

    if repr_error is not None:
        # Only a repr, and it failed: that is the error of the cell whose value it is (a notebook
        # shows its traceback and no result); display() reports it in one line.
        if not data:
            raise repr_error
        _warn(f"{type(obj).__name__}.__repr__() raised {type(repr_error).__name__}: {repr_error}; showing other representations")
    encoded: dict[str, Any] = {}
    for mime, value in data.items():
        try:
            encoded[mime] = _jsonable(_encode(mime, value))
        except (TypeError, ValueError) as error:
            _warn(f"{type(obj).__name__}: its {mime} is not JSON ({error}); not shown")
    return encoded, metadata


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


# --- display objects, as in IPython.display ---------------------------------------
class DisplayObject:
    """Something with data (text, bytes, a file path or URL) and one representation."""

    mime: str = "text/plain"

    def __init__(self, data: Any = None, url: str | None = None, filename: str | None = None, metadata: dict[str, Any] | None = None) -> None:
        if isinstance(data, str) and data.startswith(("http://", "https://")) and url is None:
            url, data = data, None
        self.data = data
        self.url = url
        self.filename = filename
        self.metadata = metadata or {}
        if data is None and filename is not None:
            with open(filename, "rb" if self.mime in BINARY_TYPES else "r") as file:
                self.data = file.read()

    def __repr__(self) -> str:
        return f"<{type(self).__module__.replace('pyodocs_display', 'IPython.core.display')}.{type(self).__name__} object>"

    def _data_and_metadata(self) -> Any:
        return (self.data, self.metadata) if self.metadata else self.data


class TextDisplayObject(DisplayObject):
    def __init__(self, data: Any = None, url: str | None = None, filename: str | None = None, metadata: dict[str, Any] | None = None) -> None:
        super().__init__(data, url, filename, metadata)
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8")


class Pretty(TextDisplayObject):
    def _repr_pretty_(self, pp: Any, cycle: bool) -> None:
        pp.text(self.data)


class HTML(TextDisplayObject):
    def _repr_html_(self) -> Any:
        return self._data_and_metadata()

    def __html__(self) -> str:
        return str(self.data)


class Markdown(TextDisplayObject):
    def _repr_markdown_(self) -> Any:
        return self._data_and_metadata()


class Latex(TextDisplayObject):
    def _repr_latex_(self) -> Any:
        return self._data_and_metadata()


class Math(TextDisplayObject):
    def _repr_latex_(self) -> Any:
        text = str(self.data).strip("$")
        return (f"$\\displaystyle {text}$", self.metadata) if self.metadata else f"$\\displaystyle {text}$"


class SVG(DisplayObject):
    def __init__(self, data: Any = None, url: str | None = None, filename: str | None = None, metadata: dict[str, Any] | None = None) -> None:
        super().__init__(data, url, filename, metadata)
        if self.data is not None:
            # As IPython: keep the <svg> element, re-serialised, without the document around it.
            from xml.dom import minidom

            found = minidom.parseString(self.data).getElementsByTagName("svg")
            svg = found[0].toxml() if found else self.data
            self.data = svg.decode(errors="replace") if isinstance(svg, bytes) else svg

    def _repr_svg_(self) -> Any:
        return self._data_and_metadata()


class JSON(DisplayObject):
    def __init__(self, data: Any = None, url: str | None = None, filename: str | None = None, expanded: bool = False, metadata: dict[str, Any] | None = None, root: str = "root", **kwargs: Any) -> None:
        super().__init__(data, url, filename, metadata)
        if isinstance(self.data, (str, bytes)) and filename is not None:
            self.data = json.loads(self.data)
        self.metadata = {"expanded": expanded, "root": root, **self.metadata, **kwargs}

    def _repr_json_(self) -> Any:
        return self.data, self.metadata


class Image(DisplayObject):
    """PNG or JPEG bytes (or a file), or an image URL (shown as an HTML <img>)."""

    _FORMATS = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}

    def __init__(
        self,
        data: Any = None,
        url: str | None = None,
        filename: str | None = None,
        format: str | None = None,  # noqa: A002 - IPython's name
        embed: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        retina: bool = False,
        alt: str | None = None,
        metadata: dict[str, Any] | None = None,
        **_: Any,
    ) -> None:
        if isinstance(data, str) and not data.startswith(("http://", "https://", "/", "data:")) and filename is None:
            filename, data = data, None
        self.mime = "image/png"
        name = filename or url or ""
        if format is None and "." in name:
            format = name.rsplit(".", 1)[1].lower()  # noqa: A001
        if format is None and isinstance(data, (bytes, bytearray)) and bytes(data[:3]) == b"\xff\xd8\xff":
            format = "jpeg"  # noqa: A001
        self.mime = self._FORMATS.get((format or "png").lower(), "image/png")
        super().__init__(data, url, filename, metadata)
        self.embed = embed if embed is not None else self.data is not None
        self.width = width
        self.height = height
        self.alt = alt
        self.retina = retina

    def _image_metadata(self) -> dict[str, Any]:
        meta = dict(self.metadata)
        if self.width:
            meta["width"] = self.width
        if self.height:
            meta["height"] = self.height
        if self.alt:
            meta["alt"] = self.alt
        return meta

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        if self.embed and self.data is not None:
            meta = self._image_metadata()
            return {self.mime: bytes(self.data)}, ({self.mime: meta} if meta else {})
        from html import escape

        attrs = "".join(f' {k}="{escape(str(v))}"' for k, v in (("width", self.width), ("height", self.height), ("alt", self.alt)) if v)
        return {"text/html": f'<img src="{escape(str(self.url))}"{attrs}/>'}, {}


class Javascript(TextDisplayObject):
    def _repr_javascript_(self) -> Any:
        return self._data_and_metadata()


# The page's devicePixelRatio, set by the kernel: images are rendered at this scale.
device_pixel_ratio: float = 1.0

# --- display() ------------------------------------------------------------------
# Set by the kernel: sends one display output of the running cell.
_publish: Callable[[dict[str, Any], dict[str, Any]], None] | None = None


def set_publisher(publish: Callable[[dict[str, Any], dict[str, Any]], None]) -> None:
    """Where display outputs go: ours, and the real IPython's once a cell imports it."""
    global _publish
    _publish = publish
    _route_real_ipython_display()


# The real IPython's display() prints reprs when no IPython shell runs, as in the worker.
_IPYTHON_DISPLAY_MODULE = "IPython.core.display_functions"


def _publish_display_data(data: dict[str, Any], metadata: dict[str, Any] | None = None, *_: Any, **__: Any) -> None:
    """IPython's ``publish_display_data``, for libraries that send bundles themselves."""
    if _publish is None:
        return
    _publish({mime: _jsonable(_encode(mime, value)) for mime, value in data.items()}, dict(metadata or {}))


def _patch_ipython_display(module: types.ModuleType) -> None:
    module.display = display  # type: ignore[attr-defined]
    module.publish_display_data = _publish_display_data  # type: ignore[attr-defined]


class _RealIPythonDisplayFinder(importlib.abc.MetaPathFinder):
    """Patches ``IPython.core.display_functions`` as it is imported, before
    ``IPython.display`` and the rest of IPython copy its ``display``."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name != _IPYTHON_DISPLAY_MODULE:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                exec_module = spec.loader.exec_module

                def exec_and_patch(module: types.ModuleType) -> None:
                    exec_module(module)
                    _patch_ipython_display(module)

                spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
                return spec
        return None


def _route_real_ipython_display() -> None:
    if _IPYTHON_DISPLAY_MODULE in sys.modules:
        _patch_ipython_display(sys.modules[_IPYTHON_DISPLAY_MODULE])
    if not any(isinstance(finder, _RealIPythonDisplayFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _RealIPythonDisplayFinder())


def display(
    *objs: Any,
    include: Collection[str] | None = None,
    exclude: Collection[str] | None = None,
    metadata: dict[str, Any] | None = None,
    raw: bool = False,
    **_: Any,
) -> None:
    """Show each object as a display output, in order with printed text (IPython's signature and rules).

    ``raw=True``: the objects already are MIME bundles (``{"text/html": ...}``).
    ``transient``/``display_id``/``clear`` are accepted and ignored: outputs are not updated in place.
    """
    if _publish is None:
        print(*objs)
        return
    for obj in objs:
        if raw:
            _publish({mime: _jsonable(_encode(mime, value)) for mime, value in dict(obj).items()}, dict(metadata or {}))
            continue
        try:
            data, meta = format_object(obj, include, exclude)
        except Exception as error:  # noqa: BLE001 - as IPython: the cell goes on
            _warn(f"{type(obj).__name__}.__repr__() raised {type(error).__name__}: {error}; nothing displayed")
            continue
        if not data:
            # Nothing to show, e.g. _ipython_display_ displayed the object itself.
            continue
        if metadata:
            meta = _merge(meta, metadata)
        _publish(data, meta)


def _merge(into: Any, extra: Any) -> Any:
    """IPython's ``_merge``: the call's metadata wins, sub-dicts are merged rather than replaced."""
    if not isinstance(into, dict) or not isinstance(extra, dict):
        return extra
    for key, value in extra.items():
        into[key] = _merge(into.get(key), value)
    return into


def _display_mimetype(mime: str, objs: tuple[Any, ...], raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    """``display_html(...)`` and friends: only that MIME type; ``raw`` objects are its data."""
    display(
        *({mime: obj} for obj in objs) if raw else objs,
        raw=raw,
        metadata={mime: metadata} if metadata else None,
        include=[mime],
    )


def display_html(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("text/html", objs, raw, metadata)


def display_markdown(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("text/markdown", objs, raw, metadata)


def display_svg(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("image/svg+xml", objs, raw, metadata)


def display_png(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("image/png", objs, raw, metadata)


def display_jpeg(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("image/jpeg", objs, raw, metadata)


def display_pdf(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("application/pdf", objs, raw, metadata)


def display_latex(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("text/latex", objs, raw, metadata)


def display_json(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("application/json", objs, raw, metadata)


def display_javascript(*objs: Any, raw: bool = False, metadata: dict[str, Any] | None = None) -> None:
    _display_mimetype("application/javascript", objs, raw, metadata)
