"""The cells both sides run: each one's outputs in a notebook are what pyodocs must produce.

A case is a cell (its last expression is its value, as in a notebook). Cases
of a group run in order in one process per side, so a group holds what
changes global state for the cells after it (``init_printing``, the pixel
ratio); every case gets a fresh namespace.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    name: str
    # The page's devicePixelRatio for pyodocs; 2 is a notebook with InlineBackend.figure_formats = {"retina"}.
    device_pixel_ratio: float = 1.0


@dataclass(frozen=True)
class Case:
    id: str
    code: str
    group: str = "default"
    # The cell ends with an exception (both sides must agree on what it showed before).
    raises: bool = False
    # The value's repr raises: a notebook shows that traceback as output (the cell still
    # succeeds), pyodocs ends the cell with it; both show the same exception and no result.
    repr_raises: bool = False


GROUPS = {group.name: group for group in (Group("default"), Group("retina", 2.0), Group("sympy-printing"))}

# Bytes of a real 2x1 PNG and a real 2x1 JPEG, so Image() has something to decode.
_PNG_SETUP = """
import io, base64
from PIL import Image as PILImage
def image_bytes(fmt):
    buffer = io.BytesIO()
    PILImage.new("RGB", (2, 1), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()
"""

_RICH_CLASSES = """
class Bundle:
    \"\"\"Honours include/exclude, as IPython passes them.\"\"\"
    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": "<b>bundle</b>", "text/markdown": "**bundle**", "text/plain": "Bundle()"}
        if include:
            data = {k: v for k, v in data.items() if k in include}
        if exclude:
            data = {k: v for k, v in data.items() if k not in exclude}
        return data, {"text/html": {"isolated": True}}

class BundleAndReprs:
    \"\"\"The bundle's types win; other _repr_*_ methods fill the rest.\"\"\"
    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": "<i>from bundle</i>"}
    def _repr_html_(self):
        return "<i>from _repr_html_</i>"
    def _repr_markdown_(self):
        return "*markdown*"
    def __repr__(self):
        return "BundleAndReprs()"

class BrokenHtml:
    def _repr_html_(self):
        raise ValueError("boom")
    def _repr_markdown_(self):
        return "*still shown*"
    def __repr__(self):
        return "BrokenHtml()"

class NoneHtml:
    def _repr_html_(self):
        return None
    def __repr__(self):
        return "NoneHtml()"

class WithMetadata:
    def _repr_png_(self):
        return image_bytes("PNG"), {"width": 20, "height": 10}
    def _repr_html_(self):
        return "<p>html</p>", {"isolated": True}
    def __repr__(self):
        return "WithMetadata()"

class ShowsItself:
    \"\"\"_ipython_display_: the object displays what it wants; its own value shows nothing.\"\"\"
    def _ipython_display_(self):
        from IPython.display import display, HTML
        display(HTML("<b>shown by _ipython_display_</b>"))

class ReprRaises:
    def __repr__(self):
        raise RuntimeError("no repr")

class HtmlButReprRaises(ReprRaises):
    def _repr_html_(self):
        return "<b>html only</b>"

class NotImplementedHtml:
    def _repr_html_(self):
        raise NotImplementedError
    def __repr__(self):
        return "NotImplementedHtml()"

class WrongTypes:
    \"\"\"IPython drops (with a FormatterWarning) what is not of the formatter's type.\"\"\"
    def _repr_html_(self): return 42
    def _repr_svg_(self): return b"<svg/>"
    def _repr_markdown_(self): return "*right*"
    def __repr__(self): return "WrongTypes()"

class ClaimsEverything:
    \"\"\"A proxy whose __getattr__ answers every name: IPython calls none of its _repr_*_.\"\"\"
    def __getattr__(self, name):
        return lambda *args, **kwargs: "<b>proxy</b>"
    def __repr__(self):
        return "ClaimsEverything()"

class PrettyRepr:
    def _repr_pretty_(self, p, cycle):
        with p.group(4, "PrettyRepr(", ")"):
            for i in range(30):
                if i:
                    p.text(",")
                    p.breakable()
                p.pretty(f"item-{i}")

class EveryRepr:
    def _repr_html_(self): return "<b>html</b>"
    def _repr_markdown_(self): return "**md**"
    def _repr_svg_(self): return "<svg xmlns='http://www.w3.org/2000/svg'/>"
    def _repr_png_(self): return image_bytes("PNG")
    def _repr_jpeg_(self): return image_bytes("JPEG")
    def _repr_latex_(self): return r"$x^2$"
    def _repr_json_(self): return {"a": [1, 2]}
    def _repr_javascript_(self): return "console.log(1)"
    def __repr__(self): return "EveryRepr()"
"""

_DATAFRAME = 'import pandas as pd\ndf = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, None, 2.25], "c": ["x", "y", "z"]})\n'
_PYPLOT = "import matplotlib.pyplot as plt\n"
_SYMPY = 'import sympy as sp\nx, y = sp.symbols("x y")\n'

CASES: list[Case] = [
    # --- pandas
    Case("dataframe", _DATAFRAME + "df"),
    Case("dataframe-truncated", "import numpy as np, pandas as pd\npd.DataFrame(np.arange(3000).reshape(100, 30))"),
    Case("dataframe-multiindex", _DATAFRAME + 'df.set_index(["c", "a"])'),
    Case("series", 'import pandas as pd\npd.Series([1.5, 2.5, 3.5], index=["p", "q", "r"], name="s")'),
    Case("styled-dataframe", _DATAFRAME + 'df.style.set_uuid("corpus").highlight_max(subset=["a"]).format(precision=1)'),
    Case("display-dataframe", _DATAFRAME + 'display(df)\nprint("printed")\ndisplay(df["a"])'),
    # --- numpy
    Case("ndarray-small", "import numpy as np\nnp.arange(6).reshape(2, 3)"),
    Case("ndarray-truncated", "import numpy as np\nnp.arange(5000)"),
    Case("ndarray-0d", "import numpy as np\nnp.array(3.5)"),
    Case("numpy-scalar", "import numpy as np\nnp.float64(1.5)"),
    Case("ndarray-structured", 'import numpy as np\nnp.array([(1, 2.0), (3, 4.5)], dtype=[("a", "i4"), ("b", "f8")])'),
    # --- matplotlib
    Case("plt-show", _PYPLOT + "plt.plot([1, 3, 2])\nplt.show()"),
    Case("plt-show-twice", _PYPLOT + 'plt.plot([1, 2])\nplt.show()\nprint("between")\nplt.bar([1, 2], [3, 4])\nplt.show()'),
    Case("figures-left-open", _PYPLOT + "plt.figure()\nplt.plot([1, 2])\nplt.figure()\nplt.scatter([1, 2], [2, 1])"),
    Case("figure-empty", _PYPLOT + "plt.figure()\nplt.show()"),
    Case("figures-in-activation-order", _PYPLOT + 'plt.figure(1)\nplt.plot([1, 2])\nplt.figure(2)\nplt.plot([2, 1])\nplt.figure(1)\nplt.title("one")\nplt.show()'),
    Case("figure-transparent", _PYPLOT + "fig = plt.figure()\nfig.patch.set_alpha(0)\nplt.plot([1, 2])\nplt.show()"),
    Case("figure-then-error", _PYPLOT + 'plt.plot([1, 2])\nraise ValueError("after plotting")', raises=True),
    Case("ipython-display-then-plot", 'from IPython.display import display, HTML\n' + _PYPLOT + 'display(HTML("<p/>"))\nplt.plot([1, 2])\nplt.show()'),
    Case("figure-value", _PYPLOT + "fig, ax = plt.subplots(figsize=(3, 2))\nax.plot([0, 1])\nfig"),
    Case("figure-value-closed", _PYPLOT + "fig, ax = plt.subplots()\nax.plot([0, 1])\nplt.close(fig)\nfig"),
    Case("figure-without-pyplot", "from matplotlib.figure import Figure\nfig = Figure()\nfig.add_subplot().plot([1, 2])\nfig"),
    Case("plt-show-retina", _PYPLOT + "plt.plot([1, 3, 2])\nplt.show()", group="retina"),
    Case("figure-value-retina", "from matplotlib.figure import Figure\nfig = Figure(figsize=(2, 2))\nfig.add_subplot().plot([1, 2])\nfig", group="retina"),
    # --- sympy, as notebooks use it: plain, then after init_printing()
    Case("sympy-expression", _SYMPY + "sp.sqrt(x**2 + 1) / 2"),
    Case("sympy-matrix", _SYMPY + "sp.Matrix([[x, 1], [0, y]])"),
    Case("sympy-init-printing", _SYMPY + "sp.init_printing()\nsp.Integral(sp.exp(-x**2), (x, 0, sp.oo))", group="sympy-printing"),
    Case("sympy-after-init-printing", _SYMPY + "sp.Matrix([[x, 1], [0, y**2]])", group="sympy-printing"),
    # --- IPython.display
    Case("html", 'from IPython.display import HTML\nHTML("<b>bold</b>")'),
    Case("markdown", 'from IPython.display import Markdown\nMarkdown("# Title\\n*text*")'),
    Case("svg", "from IPython.display import SVG\nSVG(\"<?xml version='1.0'?>\\n<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>\")"),
    Case("image-png", _PNG_SETUP + 'from IPython.display import Image\nImage(data=image_bytes("PNG"))'),
    Case("image-png-sized", _PNG_SETUP + 'from IPython.display import Image\nImage(data=image_bytes("PNG"), width=40, height=20)'),
    Case("image-jpeg", _PNG_SETUP + 'from IPython.display import Image\nImage(data=image_bytes("JPEG"), format="jpeg")'),
    Case("image-jpeg-sniffed", _PNG_SETUP + 'from IPython.display import Image\nImage(data=image_bytes("JPEG"))'),
    Case("image-file", _PNG_SETUP + 'import os, tempfile\nfrom IPython.display import Image\npath = os.path.join(tempfile.mkdtemp(), "plot.jpg")\nopen(path, "wb").write(image_bytes("JPEG"))\nImage(filename=path)'),
    Case("image-url", 'from IPython.display import Image\nImage(url="https://example.org/x.png", width=30)'),
    Case("latex", 'from IPython.display import Latex\nLatex(r"$\\alpha + \\beta$")'),
    Case("math", 'from IPython.display import Math\nMath(r"\\int_0^1 x\\,dx")'),
    Case("json", 'from IPython.display import JSON\nJSON({"k": [1, 2, {"n": None}]})'),
    Case("json-expanded", 'from IPython.display import JSON\nJSON([1, 2], expanded=True, root="list")'),
    Case("pretty", 'from IPython.display import Pretty\nPretty("pre\\n  formatted")'),
    Case("javascript", 'from IPython.display import Javascript\nJavascript("console.log(1)")'),
    Case(
        "display-many",
        'from IPython.display import display, HTML, Markdown, Latex, Math\nprint("before")\ndisplay(HTML("<i>h</i>"), Markdown("m"))\nprint("after")\ndisplay(Latex("$a$"), Math("b"))',
    ),
    Case("display-raw", 'from IPython.display import display\ndisplay({"text/html": "<p>raw</p>", "text/plain": "raw"}, raw=True)'),
    Case("display-metadata", 'from IPython.display import display, HTML\ndisplay(HTML("<p/>"), metadata={"note": 1})'),
    Case("display-html-function", 'from IPython.display import display_html, HTML\ndisplay_html(HTML("<p>x</p>"))\ndisplay_html("<p>raw</p>", raw=True)'),
    # --- the display protocol itself
    Case("repr-every-method", _PNG_SETUP + _RICH_CLASSES + "EveryRepr()"),
    Case("repr-mimebundle", _RICH_CLASSES + "Bundle()"),
    Case("repr-mimebundle-include", _RICH_CLASSES + 'display(Bundle(), include=["text/html"])'),
    Case("repr-mimebundle-exclude", _RICH_CLASSES + 'display(Bundle(), exclude=["text/html"])'),
    Case("repr-mimebundle-and-reprs", _RICH_CLASSES + "BundleAndReprs()"),
    Case("repr-include-exclude", _PNG_SETUP + _RICH_CLASSES + 'display(EveryRepr(), include=["text/html", "image/png"], exclude=["image/png"])'),
    Case("repr-html-raises", _RICH_CLASSES + "BrokenHtml()"),
    Case("repr-html-returns-none", _RICH_CLASSES + "NoneHtml()"),
    Case("repr-tuple-metadata", _PNG_SETUP + _RICH_CLASSES + "WithMetadata()"),
    Case("class-not-instance", _RICH_CLASSES + "EveryRepr"),
    Case("ipython-display-method", _RICH_CLASSES + "ShowsItself()"),
    Case("ipython-display-method-displayed", _RICH_CLASSES + 'display(ShowsItself())\nprint("after")'),
    Case("repr-raises", _RICH_CLASSES + "ReprRaises()", repr_raises=True),
    Case("display-repr-raises", _RICH_CLASSES + 'display(ReprRaises())\nprint("after")'),
    Case("repr-raises-with-html", _RICH_CLASSES + "HtmlButReprRaises()"),
    Case("repr-html-not-implemented", _RICH_CLASSES + "NotImplementedHtml()"),
    Case("repr-wrong-types", _RICH_CLASSES + "WrongTypes()"),
    Case("proxy-claiming-every-attribute", _RICH_CLASSES + "ClaimsEverything()"),
    Case("repr-pretty", _RICH_CLASSES + "PrettyRepr()"),
    # --- plain values: text/plain is IPython's pretty printer, not repr()
    Case("int", "6 * 7"),
    Case("string", '"text"'),
    Case("long-list", "list(range(40))"),
    Case("dict", '{"b": 1, "a": [1, 2], "c": {"nested": True}}'),
    Case("long-dict", "{f'key{i}': i for i in range(12)}"),
    Case("set", "{3, 1, 2}"),
    Case("tuple-of-arrays", "import numpy as np\n(np.arange(3), np.ones(2))"),
    Case("none", "None"),
    Case("trailing-semicolon", "1 + 1;"),
]
