"""Runs every corpus group on every side once per session, each in its own process.

A side's process holds what a real one would (an IPython shell and the inline
backend for the notebook; pyodocs' kernel with Agg for pyodocs), so neither
leaks matplotlib backends, display hooks or printers into the other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import GROUPS  # noqa: E402

# pyodocs' side with its IPython stand-in (a default worker) and with the real IPython installed.
SIDES = {
    "notebook": ["notebook_side.py"],
    "pyodocs": ["pyodocs_side.py", "shim"],
    "pyodocs+ipython": ["pyodocs_side.py", "ipython"],
}

SideResults = dict[tuple[str, str], dict[str, Any]]


def _run_side(side: str, group: str, out_dir: Path) -> dict[str, Any]:
    script, *args = SIDES[side]
    out = out_dir / f"{side}-{group}.json"
    # No __pycache__ in src/python: its mtime would make the runtime tests rebuild the workers.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": ""}
    done = subprocess.run(
        [sys.executable, str(HERE / script), group, *args, str(out)],
        cwd=HERE,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{side} side, group {group}, exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return json.loads(out.read_text())


@pytest.fixture(scope="session")
def side_results(tmp_path_factory: pytest.TempPathFactory) -> SideResults:
    out_dir = tmp_path_factory.mktemp("sides")
    jobs = [(side, group) for side in SIDES for group in GROUPS]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = pool.map(lambda job: _run_side(*job, out_dir), jobs)
        return dict(zip(jobs, results))
