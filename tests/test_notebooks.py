"""The analyst notebooks run clean, so they never rot.

Each builds its own database from corpus/ through the library (nothing prebuilt) and
queries the views; executed here with nbclient on a kernel of this interpreter. The
committed copies carry their outputs (regenerate with ``NotebookClient(...).execute()``
and ``nbformat.write``, as below with ``VANBAN_SAVE_NOTEBOOKS=1``).
"""

from __future__ import annotations

import os

os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's path migration warning

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAVE = os.environ.get("VANBAN_SAVE_NOTEBOOKS") == "1"


def test_there_are_the_three_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01_who_owns_what.ipynb", "02_deadlines_timeline.ipynb",
                                           "03_criteria_coverage_heatmap.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_committed_notebook_carries_its_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count and c.outputs for c in code)
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    if "timeline" in path.name or "heatmap" in path.name:
        assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_runs_clean(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    assert "0 failed" in "".join(o.get("text", "") for o in nb.cells[1].outputs)
    if SAVE:
        nbformat.write(nb, path)
