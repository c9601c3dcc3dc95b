"""The tutorial notebook runs, every cell, in a real Jupyter kernel on this interpreter."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
kernelspec = pytest.importorskip("jupyter_client.kernelspec")
manager = pytest.importorskip("jupyter_client.manager")

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "tutorial.ipynb"


def _outputs(cell: Any) -> list[dict[str, Any]]:
    return list(cell.get("outputs", []))


def _mimes(cell: Any) -> set[str]:
    return {mime for out in _outputs(cell) for mime in out.get("data", {})}


def _source(cell: Any) -> str:
    return str(cell["source"])


def test_the_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_the_python3_kernel_runs_this_interpreter() -> None:
    spec = kernelspec.KernelSpecManager().get_kernel_spec("python3")
    km = manager.KernelManager(kernel_name="python3")
    command = km.format_kernel_cmd()
    # jupyter_client runs the native kernel's "python" as sys.executable
    assert spec.argv[0] in {"python", "python3", sys.executable}
    assert os.path.realpath(command[0]) == os.path.realpath(sys.executable)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    workdir = tmp_path_factory.mktemp("tutorial")
    client = nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()  # any cell error raises CellExecutionError and fails the test
    nbformat.write(nb, workdir / "tutorial.ipynb")  # the executed copy, for a look by hand
    return nb


def test_every_cell_runs_without_error(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [out for c in code for out in _outputs(c) if out["output_type"] == "error"]
    assert errors == []
    streams = [out for c in code for out in _outputs(c) if out["output_type"] == "stream"]
    assert all(out["name"] == "stdout" for out in streams), streams  # no warnings on stderr


def test_the_scorecard_shows_as_html(executed: Any) -> None:
    [cell] = [c for c in executed.cells if c.cell_type == "code" and _source(c) == "card"]
    assert "text/html" in _mimes(cell)
    html = "".join(out["data"]["text/html"] for out in _outputs(cell) if "data" in out)
    assert "Bát Tràng" in html


def test_the_dataframe_and_the_brief_show_as_html(executed: Any) -> None:
    frame = next(c for c in executed.cells if "assessments_frame(" in _source(c))
    assert "text/html" in _mimes(frame)
    brief = next(c for c in executed.cells if "mt.brief(" in _source(c))
    assert "text/html" in _mimes(brief)


def test_the_plot_shows_as_a_png(executed: Any) -> None:
    cell = next(c for c in executed.cells if "heatmap(" in _source(c))
    assert "image/png" in _mimes(cell)


def test_the_workbook_round_trip_holds(executed: Any) -> None:
    cell = next(c for c in executed.cells if "write_dataset(" in _source(c))
    results = [out for out in _outputs(cell) if out["output_type"] == "execute_result"]
    assert [r["data"]["text/plain"] for r in results] == ["True"]
