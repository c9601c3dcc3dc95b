"""The ``excel`` extra stays optional: nothing imports openpyxl until a workbook is used."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(code: str) -> str:
    probe = (
        f"{code}; import sys; "
        "print(sorted(m for m in ('openpyxl', 'defusedxml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.strip()


def test_import_mttq_core_leaves_openpyxl_unimported() -> None:
    assert _loaded_after("import mttq_core") == "[]"


def test_the_command_line_imports_openpyxl_only_for_workbooks() -> None:
    code = (
        "import io, contextlib, mttq_core.cli as c; "
        "c.main(['validate'], out=io.StringIO(), err=io.StringIO())"
    )
    assert _loaded_after(code) == "[]"


def test_the_spreadsheet_module_needs_the_extra() -> None:
    code = (
        "import sys; sys.modules['openpyxl'] = None\n"
        "try:\n    import mttq_core.spreadsheet\n"
        "except ImportError as e:\n    print(e)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert 'pip install "mttq-core[excel]"' in result.stdout
