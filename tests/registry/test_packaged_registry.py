"""The registry packaged with mttq_core: loads offline, lazily, and knows Gia Lâm's units."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pendulum
import pytest

import mttq_core as m
from mttq_core import cli
from mttq_core.registry import RegistryError, check_units, registry

DATA = Path(m.__file__).parent / "registry" / "_data" / "units.json.gz"


def test_the_data_file_is_small() -> None:
    assert DATA.stat().st_size <= 2 * 1024 * 1024


def test_it_loads_with_no_network_and_only_when_asked() -> None:
    code = textwrap.dedent(
        """
        import socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network is off in this test")
        socket.socket = refuse
        socket.create_connection = refuse
        import mttq_core
        assert "mttq_core.registry" not in sys.modules
        from mttq_core.registry import registry
        reg = registry()
        print(reg.lookup("00565", "2022-04-18").unit.title)
        print(reg.lookup("00565", "2025-09-01").unit.title)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["thị trấn Trâu Quỳ", "xã Gia Lâm"]


def _title(code: str, day: str) -> str:
    unit = registry().lookup(code, day).unit
    assert unit is not None, (code, day)
    return unit.title


def test_code_reuse_through_the_reforms() -> None:
    days = ("2022-04-18", "2024-12-31", "2025-01-01", "2025-06-30", "2025-07-01")
    assert [_title("00541", day) for day in days] == [
        "xã Dương Hà",
        "xã Dương Hà",
        "xã Thiên Đức",
        "xã Thiên Đức",
        "xã Phù Đổng",
    ]
    gia_lam = registry().lookup("00565", pendulum.Date(2025, 9, 1)).unit
    assert gia_lam is not None
    assert (gia_lam.kind, gia_lam.district) == (m.CommuneKind.XA, None)


def test_gia_lam_units_and_the_two_yen_vien() -> None:
    reg = registry()
    assert len(reg.units_of(district="018", on="2022-04-18")) == 22
    assert len(reg.units_of(district="018", on="2025-03-01")) == 17
    found = reg.search("Yên Viên", district="018", on="2022-04-18")
    assert [u.code for u in found] == ["00526", "00532"]
    with pytest.raises(RegistryError, match="ambiguous"):
        reg.find("yen vien", district="018", on="2022-04-18")
    assert reg.find("thị trấn Yên Viên", district="018", on="2022-04-18").code == "00526"


def test_the_sources_disagree_on_the_new_bat_trang() -> None:
    reg = registry()
    disputes = [
        d for d in reg.disagreements if d.snapshot == "2025-07" and "Bát Tràng" in d.message
    ]
    assert disputes, "the 00583/00577 disagreement must be reported"


def test_the_example_agrees_with_the_registry() -> None:
    assert check_units(m.example()) == ()


def _trau_quy_in_2026(tmp_path: Path) -> tuple[Path, int]:
    """The example with commune 00565 'Trâu Quỳ' used in 2026 (it is xã Gia Lâm then)."""
    data = json.loads(m.dumps(m.example()))
    index = next(i for i, c in enumerate(data["communes"]) if c["code"] == "00565")
    data["communes"][index].pop("valid_to")
    data["communes"][index]["valid_from"] = "2026-01-01"
    data["observations"] = [o for o in data["observations"] if o["commune"] != "00565"]
    data["targets"] = [t for t in data["targets"] if t["scope"] != "00565"]
    data["observations"].append(
        {
            "commune": "00565",
            "indicator": "nha_dai_doan_ket",
            "period": "2026",
            "value": "3",
            "source": "Báo cáo năm 2026 (minh họa)",
        }
    )
    path = tmp_path / "trau_quy_2026.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, index


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err, stray = io.StringIO(), io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stray), contextlib.redirect_stderr(stray):
        code = cli.main(args, out=out, err=err)
    assert stray.getvalue() == ""
    return code, out.getvalue(), err.getvalue()


def test_validate_units_passes_the_example() -> None:
    code, out, _ = _run(["validate", "--units"])
    assert code == 0, out
    assert "all 22 communes agree with the registry" in out


def test_validate_units_reports_trau_quy_in_2026(tmp_path: Path) -> None:
    path, index = _trau_quy_in_2026(tmp_path)
    code, out, err = _run(["validate", str(path), "--units"])
    assert code == 1
    lines = out.splitlines()
    prefix = f"$.communes[{index}]."
    assert any(line.startswith(prefix + "name: 'Trâu Quỳ' disagrees") for line in lines), lines
    assert any(line.startswith(prefix + "kind: 'thi_tran' disagrees") for line in lines), lines
    assert any(line.startswith(prefix + "district_code: '018' disagrees") for line in lines)
    assert all("xã Gia Lâm" in line for line in lines)
    assert "disagreement" in err
