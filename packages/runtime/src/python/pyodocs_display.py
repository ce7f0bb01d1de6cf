"""IPython's display protocol for pyodocs cells, without IPython.

:func:`format_object` turns any object into a MIME bundle the way IPython's
``DisplayFormatter`` does: ``_repr_mimebundle_`` first, then one
``_repr_*_`` method per MIME type, then formatters registered for types we
know without importing them (matplotlib figures), and ``text/plain`` (the
``repr``) always. Binary types (PNG, JPEG) travel as base64 strings, JSON as
JSON values, like Jupyter's ``display_data`` messages.

The display classes (``HTML``, ``Markdown``, ``SVG``, ``Image``, ...) follow
``IPython.display``; the ``IPython`` shim package re-exports them so notebook
code runs unchanged. When the real IPython is installed it comes first on
``sys.path`` and its objects work here too (they implement the same
``_repr_*_`` methods).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

# MIME type -> the method IPython looks up for it, in IPython's order.
REPR_METHODS: dict[str, str] = {
    "text/html": "_repr_html_",
    "text/markdown": "_repr_markdown_",
    "image/svg+xml": "_repr_svg_",
    "image/png": "_repr_png_",
    "image/jpeg": "_repr_jpeg_",
    "text/latex": "_repr_latex_",
    "application/json": "_repr_json_",
    "application/javascript": "_repr_javascript_",
    "application/pdf": "_repr_pdf_",
}

BINARY_TYPES = {"image/png", "image/jpeg", "application/pdf"}

# (module prefix, class name) -> formatter returning (data, metadata) or None.
# Looked up by the object's class path, so nothing here imports a library.
TYPE_FORMATTERS: dict[tuple[str, str], Callable[[Any], tuple[dict[str, Any], dict[str, Any]] | None]] = {}


def register_type_formatter(
    module: str, name: str, formatter: Callable[[Any], tuple[dict[str, Any], dict[str, Any]] | None]
) -> None:
    TYPE_FORMATTERS[(module, name)] = formatter


def _encode(mime: str, value: Any) -> Any:
    if mime in BINARY_TYPES and isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if mime == "application/json" and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return value


def _jsonable(value: Any) -> Any:
    """Values must survive json.dumps; anything else is dropped by the caller."""
    json.dumps(value)
    return value


def _call_repr(obj: Any, method: str) -> Any:
    # Classes (not instances) have unbound _repr_*_ methods: IPython skips them.
    if isinstance(obj, type):
        return None
    func = getattr(obj, method, None)
    if not callable(func):
        return None
    return func()


def _add(data: dict[str, Any], metadata: dict[str, Any], mime: str, value: Any) -> None:
    """Store one representation; a ``(data, metadata)`` tuple carries metadata, as in IPython."""
    if value is None:
        return
    if isinstance(value, tuple) and len(value) == 2:
        value, meta = value
        if value is None:
            return
        if meta:
            metadata[mime] = meta
    data[mime] = _jsonable(_encode(mime, value))


def format_object(
    obj: Any, include: set[str] | None = None, exclude: set[str] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return ``(data, metadata)`` for ``obj``; a failing ``_repr_*_`` is skipped like in IPython."""
    data: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    bundle_method = None if isinstance(obj, type) else getattr(obj, "_repr_mimebundle_", None)
    if callable(bundle_method):
        try:
            bundle = bundle_method(include=include, exclude=exclude)
        except Exception as error:  # noqa: BLE001
            _warn(obj, "_repr_mimebundle_", error)
            bundle = None
        if isinstance(bundle, tuple):
            bundle, bundle_meta = bundle
            metadata.update(bundle_meta or {})
        for mime, value in (bundle or {}).items():
            try:
                data[mime] = _jsonable(_encode(mime, value))
            except (TypeError, ValueError) as error:
                _warn(obj, f"_repr_mimebundle_ ({mime})", error)
    for mime, method in REPR_METHODS.items():
        if mime in data:
            continue
        try:
            _add(data, metadata, mime, _call_repr(obj, method))
        except Exception as error:  # noqa: BLE001
            _warn(obj, method, error)
    cls = type(obj)
    for klass in cls.__mro__:
        formatter = TYPE_FORMATTERS.get((klass.__module__, klass.__qualname__))
        if formatter is not None:
            formatted = formatter(obj)
            if formatted is not None:
                extra_data, extra_meta = formatted
                for mime, value in extra_data.items():
                    data.setdefault(mime, value)
                metadata.update(extra_meta)
            break
    if "text/plain" not in data:
        pretty = _call_repr(obj, "_repr_pretty_text_")
        data["text/plain"] = pretty if isinstance(pretty, str) else repr(obj)
    if include is not None:
        data = {k: v for k, v in data.items() if k in include or k == "text/plain"}
    if exclude is not None:
        data = {k: v for k, v in data.items() if k not in exclude or k == "text/plain"}
    return data, {k: v for k, v in metadata.items() if k in data}


def _warn(obj: Any, method: str, error: BaseException) -> None:
    import sys

    print(
        f"{type(obj).__name__}.{method}() raised {type(error).__name__}: {error}; showing other representations",
        file=sys.stderr,
    )


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
    def _repr_pretty_text_(self) -> str:
        return str(self.data)


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
        if isinstance(self.data, bytes):
            self.data = self.data.decode("utf-8")
        if isinstance(self.data, str):
            start = self.data.find("<svg")
            if start > 0:
                self.data = self.data[start:]

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
    global _publish
    _publish = publish


def display(
    *objs: Any,
    include: Any = None,
    exclude: Any = None,
    metadata: dict[str, Any] | None = None,
    raw: bool = False,
    **_: Any,
) -> None:
    """Show each object as a display output, in order with printed text (IPython's signature).

    ``raw=True``: the objects already are MIME bundles (``{"text/html": ...}``).
    ``transient``/``display_id`` are accepted and ignored: outputs are not updated in place.
    """
    if _publish is None:
        print(*objs)
        return
    include_set = set(include) if include is not None else None
    exclude_set = set(exclude) if exclude is not None else None
    for obj in objs:
        if raw:
            data = {mime: _jsonable(_encode(mime, value)) for mime, value in dict(obj).items()}
            _publish(data, dict(metadata or {}))
            continue
        data, meta = format_object(obj, include_set, exclude_set)
        if metadata:
            meta = {**meta, **metadata}
        _publish(data, meta)


def display_html(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"text/html": o} for o in objs) if raw else objs, raw=raw, include=None if raw else ["text/html"], **kwargs)


def display_markdown(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"text/markdown": o} for o in objs) if raw else objs, raw=raw, **kwargs)


def display_svg(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"image/svg+xml": o} for o in objs) if raw else objs, raw=raw, **kwargs)


def display_png(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"image/png": o} for o in objs) if raw else objs, raw=raw, **kwargs)


def display_json(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"application/json": o} for o in objs) if raw else objs, raw=raw, **kwargs)


def display_latex(*objs: Any, raw: bool = False, **kwargs: Any) -> None:
    display(*({"text/latex": o} for o in objs) if raw else objs, raw=raw, **kwargs)
