"""matplotlib backend for pyodocs cells: figures become image/png outputs.

The kernel sets ``MPLBACKEND=module://pyodocs_matplotlib_backend`` before any
cell runs, so ``import matplotlib.pyplot`` picks this backend (a worker has no
DOM for Pyodide's default HTML5 canvas backend). Like Jupyter's inline backend:
``plt.show()`` displays every open figure where it is called and closes them;
figures still open when the cell ends are displayed then; a ``Figure`` as the
last value is shown once. PNGs are rendered at the page's device pixel ratio,
with the CSS size in the output's metadata (``{"image/png": {"width", "height"}}``).

It uses only ``FigureCanvasAgg`` (as FigureCanvas), ``pyplot.get_fignums``,
``pyplot.figure``, ``pyplot.close`` and ``Figure.savefig/dpi/get_size_inches``.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg

import pyodocs_display

FigureCanvas = FigureCanvasAgg

def figure_to_png(figure: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    buffer = io.BytesIO()
    ratio = max(1.0, float(pyodocs_display.device_pixel_ratio))
    figure.savefig(buffer, format="png", dpi=figure.dpi * ratio, bbox_inches="tight")
    png = buffer.getvalue()
    width, height = _png_size(png)
    data = {"image/png": pyodocs_display._encode("image/png", png), "text/plain": repr(figure)}
    meta = {"image/png": {"width": round(width / ratio), "height": round(height / ratio)}} if width else {}
    return data, meta


def _png_size(png: bytes) -> tuple[int, int]:
    # IHDR: width and height are the big-endian ints at bytes 16..24.
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return 0, 0
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def show(*_args: Any, **_kwargs: Any) -> None:
    """``plt.show()``: display every open figure, in order, and close it."""
    import matplotlib.pyplot as plt

    for number in list(plt.get_fignums()):
        figure = plt.figure(number)
        pyodocs_display.display(figure)
        plt.close(figure)


def flush_figures() -> None:
    """After a cell: show what it drew but did not show."""
    show()


def format_figure(figure: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The formatter for a Figure value: its PNG; closed so flush_figures does not show it again."""
    bundle = figure_to_png(figure)
    try:
        import matplotlib.pyplot as plt

        plt.close(figure)
    except Exception:  # noqa: BLE001 - a Figure made without pyplot
        pass
    return bundle
