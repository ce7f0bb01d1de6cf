"""What of a cell's events must be equal on both sides, in a form whose == and repr say so."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from typing import Any

from PIL import Image, ImageChops

IMAGE_TYPES = {"image/png", "image/jpeg"}
# repr() of objects without one: the address differs between processes.
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


class DecodedImage:
    """A PNG or JPEG compared by what it shows: format, size, mode and pixels, not bytes."""

    def __init__(self, encoded: str) -> None:
        self.image = Image.open(io.BytesIO(base64.b64decode(encoded)))
        self.image.load()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DecodedImage):
            return NotImplemented
        mine, theirs = self.image, other.image
        if (mine.format, mine.size, mine.mode) != (theirs.format, theirs.size, theirs.mode):
            return False
        return ImageChops.difference(mine.convert("RGBA"), theirs.convert("RGBA")).getbbox() is None

    def __repr__(self) -> str:
        digest = hashlib.sha256(self.image.convert("RGBA").tobytes()).hexdigest()[:12]
        return f"<{self.image.format} {self.image.size[0]}x{self.image.size[1]} {self.image.mode} pixels {digest}>"


def comparable_bundle(data: dict[str, Any]) -> dict[str, Any]:
    comparable: dict[str, Any] = {}
    for mime, value in data.items():
        if mime in IMAGE_TYPES and isinstance(value, str):
            comparable[mime] = DecodedImage(value)
        elif mime == "text/plain" and isinstance(value, str):
            comparable[mime] = _ADDRESS.sub(" at 0x…", value)
        else:
            comparable[mime] = value
    return comparable


def comparable_events(events: list[dict[str, Any]], *, keep_errors: bool) -> list[dict[str, Any]]:
    """stdout (merged per run of writes), outputs, and (``keep_errors``) the cell's exception.

    stderr and formatter errors are left out: IPython prints a formatter's whole
    traceback (or a FormatterWarning), pyodocs one line on stderr; tests check
    that line separately.
    """
    comparable: list[dict[str, Any]] = []
    for event in events:
        kind = event["type"]
        if kind == "stream":
            if event["name"] != "stdout":
                continue
            if comparable and comparable[-1]["type"] == "stream":
                comparable[-1]["text"] += event["text"]
            else:
                comparable.append({"type": "stream", "text": event["text"]})
        elif kind in ("display", "result"):
            comparable.append({"type": kind, "data": comparable_bundle(event["data"]), "metadata": event["metadata"]})
        elif kind == "error" and keep_errors:
            comparable.append({"type": "error", "ename": event["ename"], "evalue": event["evalue"]})
    return comparable


def stderr_text(events: list[dict[str, Any]]) -> str:
    return "".join(event["text"] for event in events if event["type"] == "stream" and event["name"] == "stderr")


def formatter_failed(events: list[dict[str, Any]], *, cell_raises: bool) -> bool:
    """Did the notebook report a failing formatter (an error the cell did not raise, or a warning)?"""
    errors = [event for event in events if event["type"] == "error"]
    return len(errors) > (1 if cell_raises else 0) or bool(stderr_text(events))
