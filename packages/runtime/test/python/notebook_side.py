"""The oracle: a group of corpus cells run the way a Jupyter notebook runs them.

``python notebook_side.py GROUP OUT.json``. An IPython ``InteractiveShell``
(the base of ipykernel's shell: every formatter of its ``DisplayFormatter``
active, unlike the terminal's) with the inline matplotlib backend, as
ipykernel sets it up. Results and ``display()`` outputs are recorded the way
ipykernel's display hook and publisher send them (``execute_result`` /
``display_data``), instead of being sent over ZMQ.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import sys
from typing import Any

from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import DisplayPublisher
from IPython.core.interactiveshell import InteractiveShell

from corpus import CASES, GROUPS

# What the cell sent, in order: streams, outputs and errors, as a notebook receives them.
events: list[dict[str, Any]] = []


class RecordingStream(io.TextIOBase):
    """ipykernel's OutStream, as far as order goes: it is flushed before each output is published."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        events.append({"type": "stream", "name": self._name, "text": text})
        return len(text)


class RecordingDisplayHook(DisplayHook):
    """ipykernel's ZMQShellDisplayHook without ZMQ: the value's bundle is an execute_result."""

    def start_displayhook(self) -> None:
        pass

    def write_output_prompt(self) -> None:
        pass

    def write_format_data(self, format_dict: dict[str, Any], md_dict: dict[str, Any] | None = None) -> None:
        events.append({"type": "result", "data": format_dict, "metadata": md_dict or {}})

    def finish_displayhook(self) -> None:
        pass


class RecordingDisplayPublisher(DisplayPublisher):
    def publish(self, data: dict[str, Any], metadata: dict[str, Any] | None = None, *args: Any, **kwargs: Any) -> None:
        events.append({"type": "display", "data": data, "metadata": metadata or {}})

    def clear_output(self, wait: bool = False) -> None:
        pass


class NotebookShell(InteractiveShell):
    """ipykernel's shell, as far as display goes: its hook and publisher, no GUI event loop."""

    displayhook_class = RecordingDisplayHook
    display_pub_class = RecordingDisplayPublisher

    def enable_gui(self, gui: str | None = None) -> None:
        pass

    def _showtraceback(self, etype: type, evalue: BaseException, stb: Any) -> None:
        """ipykernel sends an ``error`` message: the cell's exception, or a formatter's."""
        events.append({"type": "error", "ename": etype.__name__, "evalue": str(evalue)})


def main(group_name: str, out_path: str) -> None:
    group = GROUPS[group_name]
    shell = NotebookShell.instance()
    # What ipykernel does: MPLBACKEND=module://matplotlib_inline.backend_inline, i.e. %matplotlib inline.
    shell.run_line_magic("matplotlib", "inline")
    if group.device_pixel_ratio == 2:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("retina")
    initial_namespace = dict(shell.user_ns)
    results: dict[str, Any] = {}
    for case in (case for case in CASES if case.group == group_name):
        events.clear()
        # Each case in a fresh namespace, like a new notebook (formatters a cell registered stay, as in a kernel).
        shell.user_ns.clear()
        shell.user_ns.update(initial_namespace)
        with contextlib.redirect_stdout(RecordingStream("stdout")), contextlib.redirect_stderr(RecordingStream("stderr")):
            result = shell.run_cell(case.code, store_history=True)
        if result.success == case.raises:
            raise RuntimeError(f"notebook side: case {case.id} {'ran' if case.raises else 'failed'}: {events}")
        results[case.id] = {"events": list(events)}
    with open(out_path, "w") as file:
        json.dump(results, file, default=message_json_default)


def message_json_default(value: Any) -> Any:
    """How jupyter_client's Session serialises what is not JSON (json_default): bytes as base64."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
