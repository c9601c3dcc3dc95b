"""Build the built-in example dataset "Gia Lâm 2019-2024" (format ``mttq-core/1``).

The dataset is recognisably the working session of 18/4/2022 between the delegation of the
Ủy ban MTTQ Việt Nam huyện Gia Lâm and the standing committee of xã Bát Tràng (news item of
Ủy ban MTTQ huyện Gia Lâm, 20/04/2022), set in the 2019-2024 term of the district committee.
The real, public district figures are used where they exist (the 2022 results and the
dates); every commune-level figure, the recommendations, the conclusion deadlines, the fund
ledgers and the target numbers that were not published are illustrative, and the dataset's
``notes`` say so.

The output is deterministic: the only randomness comes from ``random.Random(2019)`` and the
calls happen in a fixed order, so running the script twice gives byte-identical files.

Usage (from the repository root)::

    python tools/build_example.py            # write the example file
    python tools/build_example.py --check    # exit 1 if the file on disk is out of date
    python tools/build_example.py --output /tmp/x.json

Standard library only (Python 3.11+); the commune list mirrors
``shared/data/gia_lam_units_2019_2024.csv``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any, Final

JsonObject = dict[str, Any]

ROOT: Final = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT: Final = ROOT / "src" / "mttq_core" / "examples" / "gia_lam_2019_2024.json"

SEED: Final = 2019
YEARS: Final = (2019, 2020, 2021, 2022, 2023)
TERM_ID: Final = "2019-2024"
TERM_START: Final = "2019-04-12"
DASH: Final = "\N{EN DASH}"

DISTRICT_CODE: Final = "018"
PROVINCE_CODE: Final = "01"
HOUSEHOLDS_2022: Final = 79_688  # 255 near-poor households = 0.32 % (real figures)
VILLAGES: Final = 250  # 247 of 250 = 98.8 % "văn hóa" in 2022 (real percentage)
NEAR_POOR_2022: Final = 255
GDVH_2022: Final = Decimal("95.6")
COMMITTEE_SOURCE_2022: Final = (
    "Báo cáo tổng kết công tác Mặt trận năm 2022, Ủy ban MTTQ Việt Nam huyện Gia Lâm"
)

BAT_TRANG: Final = "00583"
TRAU_QUY: Final = "00565"

HEAD: Final[JsonObject] = {
    "name": "Hoàng Anh Tú",
    "title": "Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện Gia Lâm",
}

WEAK, MID, STRONG = 0, 1, 2

COVID_YEARS: Final = (2020, 2021)
P_COVID_DIP: Final = 0.6  # chance that a unit chaired one supervision less in a Covid year
SUPERVISION_PUSH_FROM: Final = 2022  # one more supervision a year after the 2022 sessions
P_TTND_LATE: Final = 0.15  # chance that a Ban TTND was only re-formed after 2019
P_CRITERION_STEP: Final = 0.6  # chance of meeting one more campaign criterion in a year
MAX_STALL: Final = 2  # years without a new criterion before one is met anyway


@dataclass(frozen=True)
class Unit:
    """One commune-level unit of huyện Gia Lâm in the 2019-2024 term (illustrative sizes)."""

    code: str
    name: str
    kind: str
    valid_to: str
    households: int
    villages: int
    tier: int

    @property
    def kind_word(self) -> str:
        """Return the Vietnamese word for the unit's kind, as used in report titles."""
        return "thị trấn" if self.kind == "thi_tran" else "xã"

    @property
    def source_name(self) -> str:
        """Return the committee's name as it appears in a report's title."""
        return f"Ủy ban MTTQ {self.kind_word} {self.name}"


MERGED: Final = "2024-12-31"  # merged into a new xã on 2025-01-01 (CSV notes)
KEPT: Final = "2025-06-30"  # last day before the district level was abolished

# code, name and kind from the CSV; valid_to from its notes; households in 2022,
# villages/residential groups and performance tier are illustrative.
UNITS: Final = (
    Unit("00526", "Yên Viên", "thi_tran", KEPT, 4412, 9, STRONG),
    Unit("00529", "Yên Thường", "xa", KEPT, 4623, 14, MID),
    Unit("00532", "Yên Viên", "xa", KEPT, 3587, 8, MID),
    Unit("00535", "Ninh Hiệp", "xa", KEPT, 5514, 15, STRONG),
    Unit("00538", "Đình Xuyên", "xa", MERGED, 2891, 8, MID),
    Unit("00541", "Dương Hà", "xa", MERGED, 2307, 6, WEAK),
    Unit("00544", "Phù Đổng", "xa", KEPT, 4268, 16, MID),
    Unit("00547", "Trung Mầu", "xa", MERGED, 1946, 6, WEAK),
    Unit("00550", "Lệ Chi", "xa", KEPT, 3652, 13, MID),
    Unit("00553", "Cổ Bi", "xa", KEPT, 4237, 17, MID),
    Unit("00556", "Đặng Xá", "xa", KEPT, 4391, 14, MID),
    Unit("00559", "Phú Thị", "xa", MERGED, 2648, 8, MID),
    Unit("00562", "Kim Sơn", "xa", MERGED, 3703, 12, MID),
    Unit("00565", "Trâu Quỳ", "thi_tran", KEPT, 7476, 26, STRONG),
    Unit("00568", "Dương Quang", "xa", KEPT, 3296, 11, MID),
    Unit("00571", "Dương Xá", "xa", KEPT, 4309, 12, MID),
    Unit("00574", "Đông Dư", "xa", MERGED, 1618, 5, WEAK),
    Unit("00577", "Đa Tốn", "xa", KEPT, 4335, 17, STRONG),
    Unit("00580", "Kiêu Kỵ", "xa", KEPT, 3847, 11, MID),
    Unit(BAT_TRANG, "Bát Tràng", "xa", KEPT, 2052, 5, STRONG),
    Unit("00586", "Kim Lan", "xa", MERGED, 1827, 7, WEAK),
    Unit("00589", "Văn Đức", "xa", MERGED, 2749, 10, MID),
)

CRITERIA: Final = (
    ("tuyen_truyen", "Tuyên truyền, vận động Nhân dân hưởng ứng Cuộc vận động"),
    (
        "xay_dung_mo_hinh",
        "Mỗi khu dân cư có ít nhất một mô hình tự quản, mô hình “Đoàn kết sáng tạo”",
    ),
    ("khu_dan_cu_kieu_mau", "Có khu dân cư nông thôn mới kiểu mẫu, tuyến phố văn minh"),
    ("ve_sinh_moi_truong", "Giữ gìn vệ sinh môi trường, cảnh quan xanh, sạch, đẹp"),
    ("an_ninh_trat_tu", "Bảo đảm an ninh, trật tự, an toàn tại khu dân cư"),
)

INDICATORS: Final[tuple[JsonObject, ...]] = (
    {
        "id": "gia_dinh_van_hoa",
        "name": "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
        "measure": "percent",
        "unit": "%",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "ratio",
        "weight": "2",
        "group": "Cuộc vận động",
    },
    {
        "id": "khu_dan_cu_van_hoa",
        "name": "Tỷ lệ thôn, tổ dân phố đạt danh hiệu “Văn hóa”",
        "measure": "percent",
        "unit": "%",
        "direction": "increase",
        "accumulation": "each_period",
        "across_units": "ratio",
        "group": "Cuộc vận động",
    },
    {
        "id": "quy_vi_nguoi_ngheo",
        "name": "Vận động Quỹ “Vì người nghèo”",
        "measure": "money",
        "unit": "đồng",
        "direction": "increase",
        "accumulation": "sum",
        "across_units": "sum",
        "group": "An sinh xã hội",
    },
    {
        "id": "nha_dai_doan_ket",
        "name": "Số nhà “Đại đoàn kết” được xây mới, sửa chữa",
        "measure": "count",
        "unit": "nhà",
        "direction": "increase",
        "accumulation": "sum",
        "across_units": "sum",
        "group": "An sinh xã hội",
    },
    {
        "id": "ho_can_ngheo",
        "name": "Tỷ lệ hộ cận nghèo",
        "measure": "percent",
        "unit": "%",
        "direction": "decrease",
        "accumulation": "latest",
        "across_units": "ratio",
        "group": "An sinh xã hội",
    },
    {
        "id": "giam_sat",
        "name": "Số cuộc giám sát do Ủy ban MTTQ chủ trì",
        "measure": "count",
        "unit": "cuộc",
        "direction": "increase",
        "accumulation": "each_period",
        "across_units": "share_met",
        "group": "Giám sát và phản biện xã hội",
    },
    {
        "id": "ban_ttnd",
        "name": "Ban Thanh tra nhân dân được kiện toàn và hoạt động hiệu quả",
        "measure": "boolean",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "share_met",
        "group": "Giám sát và phản biện xã hội",
    },
    {
        "id": "cuoc_van_dong_ntm_dtvm",
        "name": (
            "Hoàn thành các tiêu chí của Cuộc vận động “Toàn dân đoàn kết xây dựng"
            " nông thôn mới, đô thị văn minh”"
        ),
        "measure": "checklist",
        "unit": "tiêu chí",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "share_met",
        "group": "Cuộc vận động",
        "criteria": [{"id": cid, "name": cname} for cid, cname in CRITERIA],
    },
    {
        "id": "mo_hinh_dksk",
        "name": "Số mô hình “Đoàn kết sáng tạo” bình quân mỗi khu dân cư",
        "measure": "quantity",
        "unit": "mô hình/khu dân cư",
        "direction": "increase",
        "accumulation": "mean",
        "across_units": "mean",
        "group": "Cuộc vận động",
    },
    {
        "id": "khieu_kien_vuot_cap",
        "name": "Số vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "unit": "vụ",
        "direction": "decrease",
        "accumulation": "sum",
        "across_units": "sum",
        "group": "Hòa giải, giữ gìn an ninh trật tự",
    },
)

# (commune, indicator, year) slots deliberately left without a report (realism).
MISSING: Final = frozenset(
    {
        ("00559", "gia_dinh_van_hoa", 2020),
        ("00589", "giam_sat", 2020),
        ("00574", "mo_hinh_dksk", 2019),
        ("00547", "cuoc_van_dong_ntm_dtvm", 2023),
        ("00586", "khieu_kien_vuot_cap", 2023),
    }
)

# Bát Tràng's ban_ttnd for 2021 is recorded at the working session of 18/4/2022 instead.
SESSION_SLOT: Final = (BAT_TRANG, "ban_ttnd", 2021)

# Bát Tràng's reports carry the date they were signed (mid-December of the year).
BAT_TRANG_REPORTED_ON: Final = {
    2019: "2019-12-18",
    2020: "2020-12-17",
    2021: "2021-12-16",
    2022: "2022-12-15",
    2023: "2023-12-14",
}


# --------------------------------------------------------------------------- helpers


def dec_str(value: Decimal) -> str:
    """Spell a decimal as a plain string without exponent or trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent(numerator: int, denominator: int) -> str:
    """Return ``100·numerator/denominator`` rounded half-even to 2 places, as text."""
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return dec_str(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))


def slug(name: str) -> str:
    """Turn a Vietnamese name into an ASCII slug: "Kiêu Kỵ" -> "kieu-ky"."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "-".join(ascii_only.lower().split())


def clamp(value: float, low: float, high: float) -> float:
    """Clip ``value`` into ``[low, high]``."""
    return max(low, min(high, value))


def spread(total: int, weights: list[float], caps: list[int]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder).

    Each share stays within ``[0, cap]``; the result sums to ``total`` exactly.
    """
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    shares = [min(int(r), c) for r, c in zip(raw, caps, strict=True)]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - int(raw[i])), i))
    while sum(shares) < total:
        progressed = False
        for i in order:
            if sum(shares) == total:
                break
            if shares[i] < caps[i]:
                shares[i] += 1
                progressed = True
        if not progressed:
            msg = f"cannot spread {total} within caps {caps}"
            raise ValueError(msg)
    return shares


# --------------------------------------------------------------------------- static parts


def communes() -> list[JsonObject]:
    """Return the 22 units with their codes, names, kinds and end of validity."""
    return [
        {
            "code": u.code,
            "name": u.name,
            "kind": u.kind,
            "district_code": DISTRICT_CODE,
            "province_code": PROVINCE_CODE,
            "valid_to": u.valid_to,
        }
        for u in UNITS
    ]


def targets() -> list[JsonObject]:
    """Return the resolution targets: for every commune, overrides, the committee."""

    def target(indicator: str, scope: str, comparator: str, value: object) -> JsonObject:
        return {
            "term": TERM_ID,
            "indicator": indicator,
            "scope": scope,
            "comparator": comparator,
            "value": value,
        }

    def baseline(value: str) -> JsonObject:
        return {"value": value, "date": TERM_START}

    return [
        # "95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa", checked mid-term.
        target("gia_dinh_van_hoa", "all", ">=", "95")
        | {"baseline": baseline("92.1"), "milestones": [{"period": "2021", "value": "94"}]},
        # "hằng năm có trên 90% thôn, tổ dân phố đạt danh hiệu Văn hóa".
        target("khu_dan_cu_van_hoa", "all", ">", "90"),
        # "vận động Quỹ Vì người nghèo trong nhiệm kỳ đạt ít nhất 400 triệu đồng".
        target("quy_vi_nguoi_ngheo", "all", ">=", 400_000_000),
        # "đến cuối nhiệm kỳ ít nhất 4 nhà Đại đoàn kết được xây mới, sửa chữa".
        target("nha_dai_doan_ket", "all", ">=", 4),
        # "giảm tỷ lệ hộ cận nghèo đến cuối nhiệm kỳ xuống còn 0,5%".
        target("ho_can_ngheo", "all", "<=", "0.5") | {"baseline": baseline("1.2")},
        # "hằng năm chủ trì ít nhất 2 cuộc giám sát".
        target("giam_sat", "all", ">=", 2),
        target("ban_ttnd", "all", ">=", value=True),
        # "hoàn thành ít nhất 4 trong 5 tiêu chí của Cuộc vận động".
        target("cuoc_van_dong_ntm_dtvm", "all", ">=", 4),
        # "bình quân mỗi khu dân cư có từ 1,5 mô hình Đoàn kết sáng tạo trở lên".
        target("mo_hinh_dksk", "all", ">=", "1.5") | {"baseline": baseline("1.0")},
        # "trong nhiệm kỳ không quá 3 vụ khiếu kiện đông người, vượt cấp".
        target("khieu_kien_vuot_cap", "all", "<=", 3),
        # Commune-specific overrides.
        target("gia_dinh_van_hoa", BAT_TRANG, ">=", "97")
        | {"baseline": baseline("93.5"), "milestones": [{"period": "2021", "value": "96"}]},
        target("quy_vi_nguoi_ngheo", BAT_TRANG, ">=", 800_000_000),
        target("nha_dai_doan_ket", TRAU_QUY, ">=", 3),
        # The district committee's own targets.
        target("gia_dinh_van_hoa", "committee", ">=", "95") | {"baseline": baseline("92.1")},
        target("khu_dan_cu_van_hoa", "committee", ">", "90"),
        # "vận động Quỹ Vì người nghèo trong nhiệm kỳ đạt trên 10 tỷ đồng".
        target("quy_vi_nguoi_ngheo", "committee", ">", 10_000_000_000),
        target("nha_dai_doan_ket", "committee", ">=", 100),
        target("ho_can_ngheo", "committee", "<=", "0.5") | {"baseline": baseline("1.05")},
        target("mo_hinh_dksk", "committee", ">=", "1.5") | {"baseline": baseline("1.0")},
        target("khieu_kien_vuot_cap", "committee", "<=", 30),
    ]


# --------------------------------------------------------------------------- commune series


@dataclass
class Series:
    """Generated yearly series for one unit (value per year, by indicator)."""

    households: dict[int, int]
    gdvh: dict[int, int]
    kdc: dict[int, int]
    quy: dict[int, int]
    nha: dict[int, int]
    can_ngheo: dict[int, int]
    giam_sat: dict[int, int]
    ttnd: dict[int, bool]
    checklist: dict[int, list[str]]
    models: dict[int, int]
    khieu_kien: dict[int, int]


def household_counts(rng: random.Random) -> dict[str, dict[int, int]]:
    """Households per unit and year; the 2022 counts sum to ``HOUSEHOLDS_2022``."""
    result: dict[str, dict[int, int]] = {}
    for u in UNITS:
        growth = 0.03 if u.code == TRAU_QUY else rng.uniform(0.008, 0.022)
        result[u.code] = {y: round(u.households * (1 + growth) ** (y - 2022)) for y in YEARS}
    return result


def gdvh_numerators(
    rng: random.Random, households: dict[str, dict[int, int]]
) -> dict[str, dict[int, int]]:
    """Households with the "Gia đình văn hóa" title; 2022 totals give 95.6 % (real)."""
    fixed_bat_trang = (93.62, 94.58, 95.71, 96.52, 97.31)
    rate_2022: dict[str, float] = {}
    for u in UNITS:
        low, high = {WEAK: (93.6, 94.5), MID: (95.0, 96.4), STRONG: (96.0, 97.2)}[u.tier]
        rate_2022[u.code] = rng.uniform(low, high)
    rate_2022[BAT_TRANG] = fixed_bat_trang[3]
    num_2022 = {u.code: round(households[u.code][2022] * rate_2022[u.code] / 100) for u in UNITS}
    # Nudge the non-Bát Tràng communes so the district ratio for 2022 is 95.6 %.
    wanted = int((GDVH_2022 * HOUSEHOLDS_2022 / 100).to_integral_value(ROUND_HALF_EVEN))
    others = [u for u in UNITS if u.code != BAT_TRANG]
    gap = wanted - sum(num_2022.values())
    step = 1 if gap > 0 else -1
    shares = spread(abs(gap), [float(u.households) for u in others], [10**6] * len(others))
    for u, share in zip(others, shares, strict=True):
        num_2022[u.code] += step * share

    result: dict[str, dict[int, int]] = {}
    for u in UNITS:
        h = households[u.code]
        if u.code == BAT_TRANG:
            rates = dict(zip(YEARS, fixed_bat_trang, strict=True))
        else:
            r22 = 100 * num_2022[u.code] / h[2022]
            slope = rng.uniform(0.7, 1.3)
            rates = {y: r22 - slope * (2022 - y) + rng.uniform(-0.2, 0.2) for y in YEARS[:3]}
            rates[2022] = r22
            rise = rng.uniform(0.1, 0.5) if u.tier == WEAK else rng.uniform(0.2, 0.8)
            rates[2023] = r22 + rise
        nums = {y: round(h[y] * clamp(rates[y], 80.0, 99.5) / 100) for y in YEARS}
        nums[2022] = num_2022[u.code]
        result[u.code] = nums
    return result


def kdc_numerators(rng: random.Random) -> dict[str, dict[int, int]]:
    """Villages/residential groups with the "Văn hóa" title; 2022 gives 247/250 (98.8 %)."""
    short_2022 = {"00547": 1, "00562": 1, TRAU_QUY: 1}
    result: dict[str, dict[int, int]] = {}
    for u in UNITS:
        deficit = {2022: short_2022.get(u.code, 0)}
        deficit[2023] = 1 if u.code == "00547" else 0
        deficit[2021] = deficit[2022] + (rng.random() < (0.5 if u.tier == WEAK else 0.25))
        deficit[2020] = deficit[2021] + rng.choice((0, 0, 1) if u.tier == STRONG else (0, 1, 1))
        deficit[2019] = deficit[2020] + rng.choice((0, 1) if u.tier == STRONG else (0, 1, 2))
        cap = u.villages * 3 // 10
        result[u.code] = {y: u.villages - min(deficit[y], cap) for y in YEARS}
    return result


def near_poor(
    rng: random.Random, households: dict[str, dict[int, int]]
) -> dict[str, dict[int, int]]:
    """Near-poor households; the 2022 counts sum to exactly 255 (real)."""
    rate_2019 = {WEAK: (1.35, 1.7), MID: (0.85, 1.2), STRONG: (0.5, 0.8)}
    weight_2022 = {WEAK: 0.62, MID: 0.3, STRONG: 0.18}
    weights = [
        households[u.code][2022] * weight_2022[u.tier] * rng.uniform(0.85, 1.15) for u in UNITS
    ]
    counts_2022 = spread(NEAR_POOR_2022, weights, [10**6] * len(UNITS))
    result: dict[str, dict[int, int]] = {}
    for u, c22 in zip(UNITS, counts_2022, strict=True):
        h = households[u.code]
        r19 = rng.uniform(*rate_2019[u.tier])
        c19 = round(h[2019] * r19 / 100)
        c20 = round(c19 * rng.uniform(0.8, 0.9))
        c21 = round(c20 * rng.uniform(0.78, 0.9))
        c23 = round(c22 * rng.uniform(0.62, 0.82))
        result[u.code] = {2019: c19, 2020: c20, 2021: max(c21, c22), 2022: c22, 2023: c23}
    return result


def fund_amounts() -> tuple[dict[int, int], dict[int, int]]:
    """Bát Tràng's yearly fund receipts and Đại đoàn kết houses (built + repaired)."""
    receipts: dict[int, int] = dict.fromkeys(YEARS, 0)
    houses: dict[int, int] = dict.fromkeys(YEARS, 0)
    for spec in BAT_TRANG_LEDGER:
        year = int(spec.date[:4])
        if spec.type == "receipt":
            receipts[year] += spec.amount
        elif spec.type == "disbursement" and "Đại đoàn kết" in spec.purpose:
            houses[year] += 1
    return receipts, houses


def houses_built(rng: random.Random) -> dict[str, dict[int, int]]:
    """Đại đoàn kết houses built or repaired; the 2022 counts sum to 25 (21 + 4, real)."""
    _, bat_trang_houses = fund_amounts()
    weights_by_tier = {
        WEAK: ((0, 1, 2, 3), (20, 35, 30, 15)),
        MID: ((0, 1, 2), (35, 45, 20)),
        STRONG: ((0, 1, 2), (55, 35, 10)),
    }
    result: dict[str, dict[int, int]] = {u.code: {} for u in UNITS}
    for year in YEARS:
        for u in UNITS:
            if u.code == BAT_TRANG:
                result[u.code][year] = bat_trang_houses[year]
                continue
            values, weights = weights_by_tier[u.tier]
            result[u.code][year] = rng.choices(values, weights)[0]
    others = [u for u in UNITS if u.code != BAT_TRANG]
    wanted = 25 - bat_trang_houses[2022]
    tier_weight = {WEAK: 1.6, MID: 1.0, STRONG: 0.6}
    shares = spread(
        wanted, [tier_weight[u.tier] * rng.uniform(0.5, 1.5) for u in others], [3] * len(others)
    )
    for u, share in zip(others, shares, strict=True):
        result[u.code][2022] = share
    # Ninh Hiệp's 2021 report is revised upwards by one house (see observations()).
    result["00535"][2021] = max(result["00535"][2021], 1)
    return result


def fund_raising(
    rng: random.Random, households: dict[str, dict[int, int]]
) -> dict[str, dict[int, int]]:
    """Quỹ "Vì người nghèo" raised per unit and year (Bát Tràng comes from its fund)."""
    year_factor = {2019: 0.95, 2020: 1.05, 2021: 1.1, 2022: 1.0, 2023: 1.02}
    result: dict[str, dict[int, int]] = {}
    for u in UNITS:
        if u.code == BAT_TRANG:
            continue
        per_household = rng.uniform(28_000, 46_000)
        result[u.code] = {
            y: 100_000
            * round(
                households[u.code][y]
                * per_household
                * year_factor[y]
                * rng.uniform(0.9, 1.1)
                / 100_000
            )
            for y in YEARS
        }
    return result


def supervisions(rng: random.Random, u: Unit) -> dict[int, int]:
    """Draw the supervisions a unit chaired each year (fewer in the Covid-19 years)."""
    base = {WEAK: 1, MID: 2, STRONG: 3}[u.tier]
    result: dict[int, int] = {}
    for y in YEARS:
        covid = 1 if y in COVID_YEARS and rng.random() < P_COVID_DIP else 0
        push = 1 if y >= SUPERVISION_PUSH_FROM else 0
        result[y] = max(1, base - covid + push + rng.choice((-1, 0, 0, 1)))
    return result


def people_inspection(rng: random.Random, u: Unit) -> dict[int, bool]:
    """Draw whether the unit's Ban Thanh tra nhân dân was in place and effective."""
    result = dict.fromkeys(YEARS, True)
    if u.tier == WEAK or rng.random() < P_TTND_LATE:
        result[2019] = False
    if u.code == "00586":  # re-formed only in 2022
        result.update({2019: False, 2020: False, 2021: False})
    if u.code == "00574":  # lapsed again in 2023
        result[2023] = False
    return result


def campaign_criteria(rng: random.Random, u: Unit) -> dict[int, list[str]]:
    """Draw the campaign criteria met each year (a growing set, in criteria order)."""
    ids = [cid for cid, _ in CRITERIA]
    order = ids[:]
    rng.shuffle(order)
    met = {WEAK: 1, MID: 2, STRONG: 3}[u.tier] + rng.choice((0, 0, 1))
    cap = 3 if u.tier == WEAK else len(ids)
    result: dict[int, list[str]] = {}
    stalled = 0
    for y in YEARS:
        if y > YEARS[0] and (rng.random() < P_CRITERION_STEP or stalled >= MAX_STALL):
            met += 1
            stalled = 0
        else:
            stalled += 1
        met = min(met, cap)
        chosen = set(order[:met])
        result[y] = [cid for cid in ids if cid in chosen]
    return result


def creative_models(rng: random.Random, u: Unit) -> dict[int, int]:
    """Draw the number of "Đoàn kết sáng tạo" models in the unit (never decreasing)."""
    ratio = {WEAK: 0.8, MID: 1.0, STRONG: 1.2}[u.tier] + rng.uniform(-0.1, 0.15)
    result: dict[int, int] = {}
    for y in YEARS:
        result[y] = max(round(ratio * u.villages), result.get(y - 1, 0))
        ratio += rng.uniform(0.12, 0.3)
    return result


def mass_complaints(rng: random.Random, u: Unit) -> dict[int, int]:
    """Draw the number of mass or over-level complaints each year (mostly none)."""
    weights = {WEAK: (55, 30, 15), MID: (72, 22, 6), STRONG: (82, 15, 3)}[u.tier]
    return {y: rng.choices((0, 1, 2), weights)[0] for y in YEARS}


def series(rng: random.Random) -> dict[str, Series]:
    """Generate all the commune series, in a fixed order of random draws."""
    households = household_counts(rng)
    gdvh = gdvh_numerators(rng, households)
    kdc = kdc_numerators(rng)
    can_ngheo = near_poor(rng, households)
    nha = houses_built(rng)
    quy = fund_raising(rng, households)
    out: dict[str, Series] = {}
    for u in UNITS:
        giam_sat = supervisions(rng, u)
        ttnd = people_inspection(rng, u)
        checklist = campaign_criteria(rng, u)
        models = creative_models(rng, u)
        khieu_kien = mass_complaints(rng, u)
        out[u.code] = Series(
            households=households[u.code],
            gdvh=gdvh[u.code],
            kdc=kdc[u.code],
            quy=quy.get(u.code, {}),
            nha=nha[u.code],
            can_ngheo=can_ngheo[u.code],
            giam_sat=giam_sat,
            ttnd=ttnd,
            checklist=checklist,
            models=models,
            khieu_kien=khieu_kien,
        )
    return out


def observation(
    commune: str, indicator: str, year: int, value: object, source: str, **extra: object
) -> JsonObject:
    """Build an observation object with its keys in the documented order."""
    obs: JsonObject = {"commune": commune, "indicator": indicator, "period": str(year)}
    obs["value"] = value
    for key in ("numerator", "denominator"):
        if key in extra:
            obs[key] = extra[key]
    obs["source"] = source
    for key in ("reported_on", "revision"):
        if key in extra:
            obs[key] = extra[key]
    return obs


def ratio_value(numerator: int, denominator: int) -> JsonObject:
    """Return a percent value together with its numerator and denominator."""
    return {
        "value": percent(numerator, denominator),
        "numerator": numerator,
        "denominator": denominator,
    }


def commune_values(u: Unit, s: Series, year: int) -> dict[str, JsonObject]:
    """Return what one unit reports for one year, by indicator id."""
    households = s.households[year]
    models = Decimal(s.models[year]) / Decimal(u.villages)
    values: dict[str, JsonObject] = {
        "gia_dinh_van_hoa": ratio_value(s.gdvh[year], households),
        "khu_dan_cu_van_hoa": ratio_value(s.kdc[year], u.villages),
        "nha_dai_doan_ket": {"value": s.nha[year]},
        "ho_can_ngheo": ratio_value(s.can_ngheo[year], households),
        "giam_sat": {"value": s.giam_sat[year]},
        "ban_ttnd": {"value": s.ttnd[year]},
        "cuoc_van_dong_ntm_dtvm": {"value": s.checklist[year]},
        "mo_hinh_dksk": {"value": dec_str(models.quantize(Decimal("0.01"), ROUND_HALF_EVEN))},
        "khieu_kien_vuot_cap": {"value": s.khieu_kien[year]},
    }
    if u.code != BAT_TRANG:  # Bát Tràng's figures come from its fund (it "feeds" them)
        values["quy_vi_nguoi_ngheo"] = {"value": s.quy[year]}
    return values


def preliminary(u: Unit, indicator: str, year: int, values: JsonObject) -> JsonObject:
    """Build the revision-0 report that a later revision 1 corrects."""
    source = f"Báo cáo sơ bộ kết quả công tác Mặt trận năm {year} của {u.source_name}"
    if indicator == "gia_dinh_van_hoa":
        first = int(values["numerator"]) - 38
        denominator = int(values["denominator"])
        return observation(
            u.code,
            indicator,
            year,
            percent(first, denominator),
            source,
            numerator=first,
            denominator=denominator,
            reported_on=f"{year}-12-10",
        )
    return observation(
        u.code, indicator, year, int(values["value"]) - 1, source, reported_on=f"{year}-12-09"
    )


# (commune, indicator, year) -> (note added to the corrected report's source, reported_on)
REVISED: Final = {
    ("00577", "gia_dinh_van_hoa", 2021): ("số liệu điều chỉnh sau rà soát", "2022-01-14"),
    ("00535", "nha_dai_doan_ket", 2021): ("bổ sung 01 nhà hoàn thành cuối tháng 12", "2022-01-11"),
}


def committee_observations() -> list[JsonObject]:
    """Return the district committee's own (real) 2022 figures."""
    on = "2022-12-28"
    source = COMMITTEE_SOURCE_2022
    return [
        observation("committee", "gia_dinh_van_hoa", 2022, "95.6", source, reported_on=on),
        observation("committee", "khu_dan_cu_van_hoa", 2022, "98.8", source, reported_on=on),
        observation("committee", "quy_vi_nguoi_ngheo", 2022, 3_150_000_000, source, reported_on=on),
        observation(
            "committee",
            "nha_dai_doan_ket",
            2022,
            25,
            f"{source} (21 nhà xây mới, 4 nhà sửa chữa)",
            reported_on=on,
        ),
        observation(
            "committee",
            "ho_can_ngheo",
            2022,
            percent(NEAR_POOR_2022, HOUSEHOLDS_2022),
            f"{source} (255 hộ cận nghèo; không còn hộ nghèo từ năm 2020)",
            numerator=NEAR_POOR_2022,
            denominator=HOUSEHOLDS_2022,
            reported_on=on,
        ),
    ]


def observations(data: dict[str, Series]) -> list[JsonObject]:
    """Return every unit's yearly reports, two revisions and the committee's own figures."""
    result: list[JsonObject] = []
    for u in UNITS:
        by_year = {year: commune_values(u, data[u.code], year) for year in YEARS}
        for ind in INDICATORS:
            iid = ind["id"]
            for year in YEARS:
                slot = (u.code, iid, year)
                values = by_year[year].get(iid)
                if values is None or slot in MISSING or slot == SESSION_SLOT:
                    continue
                source = f"Báo cáo kết quả công tác Mặt trận năm {year} của {u.source_name}"
                extra: dict[str, object] = {k: v for k, v in values.items() if k != "value"}
                if u.code == BAT_TRANG:
                    extra["reported_on"] = BAT_TRANG_REPORTED_ON[year]
                if slot in REVISED:
                    note, reported_on = REVISED[slot]
                    result.append(preliminary(u, iid, year, values))
                    source += f" ({note})"
                    extra |= {"reported_on": reported_on, "revision": 1}
                result.append(observation(u.code, iid, year, values["value"], source, **extra))
    return result + committee_observations()


# --------------------------------------------------------------------------- funds


@dataclass(frozen=True)
class Entry:
    """A ledger entry before ids are assigned (``key`` names a pledge for later receipts)."""

    type: str
    date: str
    party: str = ""
    amount: int = 0
    form: str = ""
    description: str = ""
    purpose: str = ""
    key: str = ""
    pledge: str = ""
    period: str = ""
    channel: str = ""


def pledge(key: str, date: str, donor: str, amount: int) -> Entry:
    """Record a pledge (đăng ký ủng hộ); ``key`` lets receipts refer to it."""
    return Entry("pledge", date, donor, amount, key=key)


def receipt(date: str, donor: str, amount: int, form: str, description: str = "") -> Entry:
    """Record a receipt in cash, by transfer or in kind."""
    return Entry("receipt", date, donor, amount, form, description)


def against(key: str, entry: Entry) -> Entry:
    """Mark a receipt as paid against the pledge named ``key``."""
    return replace(entry, pledge=key)


def disbursement(date: str, beneficiary: str, purpose: str, amount: int) -> Entry:
    """Record a disbursement (chi hỗ trợ)."""
    return Entry("disbursement", date, beneficiary, amount, purpose=purpose)


def disclosure(date: str, period: str, channel: str) -> Entry:
    """Record a public disclosure (công khai) of one period's receipts and disbursements."""
    return Entry("disclosure", date, period=period, channel=channel)


COMPANY_A: Final = "Công ty TNHH Gốm sứ Giang Cao"
COMPANY_B: Final = "Công ty CP Gốm mỹ nghệ Kim Ngọc"
CRAFT_ASSOCIATION: Final = "Chi hội Doanh nghiệp làng nghề gốm sứ Bát Tràng"
RESIDENTS: Final = "Nhân dân thôn Bát Tràng và thôn Giang Cao"
CIVIL_SERVANTS: Final = "Cán bộ, công chức, người lao động xã Bát Tràng"
CRAFT_HOUSEHOLDS: Final = "Các hộ sản xuất, kinh doanh gốm sứ trên địa bàn xã Bát Tràng"
NEW_HOUSE: Final = "Hỗ trợ xây mới nhà “Đại đoàn kết”"
REPAIR: Final = "Hỗ trợ sửa chữa nhà “Đại đoàn kết”"
PEAK_MONTH: Final = "Ủng hộ trong Tháng cao điểm “Vì người nghèo” năm {}"
IN_KIND_GOODS: Final = "Gạo, nhu yếu phẩm hỗ trợ hộ cận nghèo"


def tet_gift(date: str, households: int, tet: str) -> Entry:
    """Record the yearly Tết gifts to near-poor and struggling households (1 triệu each)."""
    return disbursement(
        date,
        f"{households} hộ cận nghèo, hộ có hoàn cảnh khó khăn xã Bát Tràng",
        f"Tặng quà Tết {tet}",
        households * 1_000_000,
    )


# Illustrative ledger of Quỹ "Vì người nghèo" xã Bát Tràng, 2019-2023.
BAT_TRANG_LEDGER: Final = (
    tet_gift("2019-01-28", 45, "Kỷ Hợi 2019"),
    pledge("A2019", "2019-03-05", COMPANY_A, 60_000_000),
    against("A2019", receipt("2019-03-20", COMPANY_A, 30_000_000, "transfer")),
    disbursement(
        "2019-07-25", "Hộ ông N.V.H., thôn Giang Cao (hộ cận nghèo)", NEW_HOUSE, 80_000_000
    ),
    receipt("2019-10-17", RESIDENTS, 98_300_000, "cash", PEAK_MONTH.format(2019)),
    against("A2019", receipt("2019-11-12", COMPANY_A, 30_000_000, "transfer")),
    receipt("2019-11-18", CIVIL_SERVANTS, 15_600_000, "cash", "Ủng hộ một ngày lương"),
    disclosure("2020-01-08", "2019", "notice_board"),
    tet_gift("2020-01-16", 48, "Canh Tý 2020"),
    pledge("B2020", "2020-04-02", COMPANY_B, 80_000_000),
    against(
        "B2020",
        receipt(
            "2020-04-10",
            COMPANY_B,
            25_000_000,
            "in_kind",
            f"{IN_KIND_GOODS}, lao động mất việc làm do dịch Covid-19",
        ),
    ),
    disbursement(
        "2020-04-12",
        "Hộ cận nghèo, lao động tự do gặp khó khăn do dịch Covid-19",
        "Trao gạo, nhu yếu phẩm (hiện vật doanh nghiệp ủng hộ)",
        25_000_000,
    ),
    receipt("2020-10-16", RESIDENTS, 101_600_000, "cash", PEAK_MONTH.format(2020)),
    against("B2020", receipt("2020-11-10", COMPANY_B, 40_000_000, "transfer")),
    disbursement(
        "2020-12-15", "Hộ ông P.V.K., thôn Bát Tràng (hộ cận nghèo)", NEW_HOUSE, 80_000_000
    ),
    disclosure("2021-01-12", "2020", "notice_board"),
    tet_gift("2021-02-05", 50, "Tân Sửu 2021"),
    against("B2020", receipt("2021-03-15", COMPANY_B, 15_000_000, "transfer")),
    pledge("C2021", "2021-05-20", CRAFT_ASSOCIATION, 100_000_000),
    against("C2021", receipt("2021-06-01", CRAFT_ASSOCIATION, 50_000_000, "transfer")),
    receipt(
        "2021-08-10",
        CRAFT_HOUSEHOLDS,
        18_000_000,
        "in_kind",
        f"{IN_KIND_GOODS} trong thời gian giãn cách xã hội",
    ),
    disbursement(
        "2021-08-12",
        "Hộ cận nghèo, hộ gặp khó khăn do dịch Covid-19",
        "Trao gạo, nhu yếu phẩm (hiện vật các hộ kinh doanh ủng hộ)",
        18_000_000,
    ),
    disbursement(
        "2021-09-20", "Hộ bà Đ.T.N., thôn Giang Cao (hộ cận nghèo)", NEW_HOUSE, 80_000_000
    ),
    receipt("2021-10-15", RESIDENTS, 104_300_000, "cash", PEAK_MONTH.format(2021)),
    against("C2021", receipt("2021-11-16", CRAFT_ASSOCIATION, 30_000_000, "transfer")),
    disclosure("2022-01-10", "2021", "notice_board"),
    tet_gift("2022-01-20", 50, "Nhâm Dần 2022"),
    against("C2021", receipt("2022-03-10", CRAFT_ASSOCIATION, 20_000_000, "transfer")),
    disbursement(
        "2022-07-15", "Hộ ông L.V.Q., thôn Bát Tràng (hộ cận nghèo)", NEW_HOUSE, 80_000_000
    ),
    pledge("A2022", "2022-10-17", COMPANY_A, 50_000_000),
    receipt("2022-10-17", RESIDENTS, 108_400_000, "cash", PEAK_MONTH.format(2022)),
    against("A2022", receipt("2022-11-15", COMPANY_A, 30_000_000, "transfer")),
    disbursement("2022-12-12", "Hộ bà N.T.L., thôn Giang Cao", REPAIR, 40_000_000),
    disclosure("2023-01-12", "2022", "media"),
    tet_gift("2023-01-12", 45, "Quý Mão 2023"),
    against("A2022", receipt("2023-04-20", COMPANY_A, 20_000_000, "transfer")),
    disbursement(
        "2023-08-18", "Hộ ông T.V.S., thôn Giang Cao (hộ cận nghèo)", NEW_HOUSE, 80_000_000
    ),
    pledge("B2023", "2023-10-17", COMPANY_B, 60_000_000),
    receipt("2023-10-17", RESIDENTS, 112_600_000, "cash", PEAK_MONTH.format(2023)),
    against("B2023", receipt("2023-11-14", COMPANY_B, 40_000_000, "transfer")),
    disbursement("2023-12-15", "Hộ ông V.V.D., thôn Bát Tràng", REPAIR, 40_000_000),
    disclosure("2024-01-10", "2023", "notice_board"),
)

# Illustrative ledger of the district committee's Quỹ Cứu trợ.
RELIEF_LEDGER: Final = (
    receipt(
        "2020-10-20",
        "Cán bộ, công chức, viên chức, người lao động các cơ quan, đơn vị huyện Gia Lâm",
        412_500_000,
        "transfer",
        "Ủng hộ đồng bào miền Trung bị thiệt hại do bão lũ",
    ),
    receipt(
        "2020-10-26",
        "Ủy ban MTTQ Việt Nam các xã, thị trấn (chuyển nộp tiền ủng hộ của Nhân dân)",
        636_000_000,
        "transfer",
        "Ủng hộ đồng bào miền Trung bị thiệt hại do bão lũ",
    ),
    disbursement(
        "2020-10-30",
        "Ban Vận động cứu trợ Ủy ban MTTQ Việt Nam thành phố Hà Nội",
        "Chuyển tiền ủng hộ đồng bào miền Trung khắc phục hậu quả bão lũ",
        1_048_500_000,
    ),
    disclosure("2021-01-15", "2020", "media"),
    receipt("2022-06-14", "Các doanh nghiệp trên địa bàn huyện", 50_000_000, "transfer"),
    disbursement(
        "2022-06-20",
        "Hộ gia đình bị thiệt hại nặng do hỏa hoạn",
        "Hỗ trợ khắc phục hậu quả, ổn định cuộc sống",
        30_000_000,
    ),
    disclosure("2023-01-16", "2022", "website"),
)


def ledger(specs: tuple[Entry, ...]) -> list[JsonObject]:
    """Assign ids ``YYYY-NNN`` in date order and resolve pledge keys to those ids."""
    ordered = sorted(specs, key=lambda e: e.date)
    per_year: dict[str, int] = {}
    ids: dict[str, str] = {}
    entries: list[JsonObject] = []
    for spec in ordered:
        year = spec.date[:4]
        per_year[year] = per_year.get(year, 0) + 1
        entry_id = f"{year}-{per_year[year]:03d}"
        if spec.key:
            ids[spec.key] = entry_id
        entry: JsonObject = {"type": spec.type, "id": entry_id, "date": spec.date}
        match spec.type:
            case "pledge":
                entry |= {"donor": spec.party, "amount": spec.amount}
            case "receipt":
                entry |= {"donor": spec.party, "amount": spec.amount, "form": spec.form}
                if spec.description:
                    entry["description"] = spec.description
                if spec.pledge:
                    entry["pledge"] = ids[spec.pledge]
            case "disbursement":
                entry |= {
                    "beneficiary": spec.party,
                    "purpose": spec.purpose,
                    "amount": spec.amount,
                }
            case _:
                entry |= {"period": spec.period, "channel": spec.channel}
        entries.append(entry)
    return entries


def funds() -> list[JsonObject]:
    """Bát Tràng's Quỹ "Vì người nghèo" (feeds the indicator) and the district relief fund."""
    return [
        {
            "id": "vnn-bat-trang",
            "name": "Quỹ “Vì người nghèo” xã Bát Tràng",
            "kind": "vi_nguoi_ngheo",
            "owner": BAT_TRANG,
            "opened_on": "2019-01-01",
            "opening_balance": 120_000_000,
            "feeds": "quy_vi_nguoi_ngheo",
            "entries": ledger(BAT_TRANG_LEDGER),
        },
        {
            "id": "cuu-tro-huyen",
            "name": "Quỹ Cứu trợ huyện Gia Lâm",
            "kind": "cuu_tro",
            "owner": "committee",
            "opened_on": "2019-01-01",
            "opening_balance": 85_000_000,
            "entries": ledger(RELIEF_LEDGER),
        },
    ]


# --------------------------------------------------------------------------- sessions

FINDINGS: Final = (
    (
        "Đoàn công tác và Ban Thường trực Ủy ban MTTQ Việt Nam xã Bát Tràng đã đánh giá kết quả"
        f" thực hiện các chỉ tiêu Nghị quyết Đại hội MTTQ nhiệm kỳ 2019{DASH}2024 của đơn vị,"
        " kết quả công tác Mặt trận năm 2021 và phương hướng nhiệm vụ năm 2022; những thuận lợi,"
        " khó khăn, hạn chế trong thực hiện nhiệm vụ và các kiến nghị, đề xuất cụ thể."
    ),
    (
        "Các bên trao đổi về công tác kiện toàn, các điều kiện và kết quả hoạt động của Ban Thanh"
        " tra nhân dân, Ban Giám sát đầu tư của cộng đồng; việc xây dựng, triển khai các mô hình"
        " “Đoàn kết sáng tạo” gắn với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô"
        " thị văn minh”; công tác phòng, chống dịch Covid-19, kết quả vận động và sử dụng các loại"
        " Quỹ, công tác giảm nghèo; cơ chế chính sách, điều kiện hoạt động và quan hệ công tác của"
        " Mặt trận trong hệ thống chính trị."
    ),
    (
        "Trên tinh thần trao đổi thẳng thắn, trách nhiệm, Ban Thường trực Ủy ban MTTQ Việt Nam"
        " huyện và xã đã đánh giá khách quan, trung thực những khó khăn, tồn tại, hạn chế của"
        " đơn vị."
    ),
    (
        "Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam huyện ghi nhận những kết quả Ủy ban MTTQ Việt Nam"
        " xã Bát Tràng đã đạt được."
    ),
)

RECOMMENDATIONS: Final = (
    (
        "r1",
        (
            "Đề nghị huyện quan tâm bố trí kinh phí hoạt động cho Ban Thanh tra nhân dân, Ban Giám"
            " sát đầu tư của cộng đồng xã."
        ),
    ),
    (
        "r2",
        (
            "Đề nghị Ủy ban MTTQ Việt Nam huyện tổ chức tập huấn nghiệp vụ giám sát và quản lý,"
            " sử dụng các loại Quỹ cho cán bộ Mặt trận cơ sở."
        ),
    ),
    (
        "r3",
        (
            "Đề xuất huyện hỗ trợ thêm kinh phí xây mới, sửa chữa nhà “Đại đoàn kết” cho hộ cận"
            " nghèo có nhà ở xuống cấp trên địa bàn xã."
        ),
    ),
)

# id, text (condensed from the chairman's speech), due, indicators, done_on
CONCLUSIONS: Final[tuple[tuple[str, str, str, tuple[str, ...], str], ...]] = (
    (
        "k1",
        (
            "Tiếp thu các ý kiến góp ý tại buổi làm việc; rà soát các chỉ tiêu Nghị quyết Đại hội"
            " đã đề ra, có kế hoạch hoàn thành những chỉ tiêu chưa đạt, thực hiện ở mức cao hơn đối"
            " với các chỉ tiêu đã đạt và bổ sung những chỉ tiêu mới."
        ),
        "2022-06-30",
        ("gia_dinh_van_hoa", "khu_dan_cu_van_hoa", "quy_vi_nguoi_ngheo", "ho_can_ngheo"),
        "2022-06-24",
    ),
    (
        "k2",
        (
            "Tích cực tuyên truyền, vận động Nhân dân tham gia hoàn thành các tiêu chí xây dựng"
            " phường, quận, phấn đấu đến năm 2023 huyện Gia Lâm hoàn thành các tiêu chí trở thành"
            " quận của Thủ đô Hà Nội."
        ),
        "2023-12-31",
        ("cuoc_van_dong_ntm_dtvm",),
        "",
    ),
    (
        "k3",
        (
            "Làm tốt công tác bầu cử trưởng thôn, tổ trưởng tổ dân phố và phối hợp tổ chức Đại hội"
            f" chi bộ nhiệm kỳ 2022{DASH}2025."
        ),
        "2022-07-31",
        (),
        "2022-06-26",
    ),
    (
        "k4",
        (
            "Tiếp tục thực hiện hiệu quả phong trào thi đua “Đoàn kết sáng tạo” gắn với nâng cao"
            " chất lượng, hiệu quả Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị"
            " văn minh”; tập trung xây dựng các mô hình cụ thể, thiết thực, phù hợp với địa phương."
        ),
        "2022-12-31",
        ("mo_hinh_dksk", "cuoc_van_dong_ntm_dtvm", "khu_dan_cu_van_hoa"),
        "2022-12-20",
    ),
    (
        "k5",
        (
            "Thực hiện tốt các hoạt động an sinh xã hội; quản lý, sử dụng các loại Quỹ công khai,"
            " minh bạch, đúng quy định, hiệu quả."
        ),
        "2022-12-31",
        ("quy_vi_nguoi_ngheo", "nha_dai_doan_ket", "ho_can_ngheo"),
        "2023-01-12",
    ),
    (
        "k6",
        (
            "Đẩy mạnh công tác giám sát thực chất hơn, xuyên suốt hơn để khẳng định vai trò của"
            " MTTQ các cấp."
        ),
        "2022-12-31",
        ("giam_sat", "ban_ttnd"),
        "",
    ),
    (
        "k7",
        (
            "Tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận cho phù hợp với tình"
            " hình thực tiễn; quan tâm bồi dưỡng nghiệp vụ cho đội ngũ cán bộ làm công tác Mặt"
            " trận, thực hiện chính sách cán bộ kịp thời."
        ),
        "2022-09-30",
        (),
        "",
    ),
)

HELD_TOPICS: Final = (
    "congress_targets",
    "annual_programme",
    "people_inspection",
    "community_investment_supervision",
    "creative_solidarity",
    "ntm_dtvm_campaign",
    "covid19",
    "funds",
    "poverty_reduction",
    "policy_conditions",
    "political_system_relations",
    "elections",
)

# An earlier session with Bát Tràng (8/4/2021, on the 2021 programme): wholly illustrative — it
# is not in the source article — so that the brief for 18/4/2022 has conclusions to follow up.
EARLIER_ID: Final = "2021-04-08-bat-trang"
EARLIER_TOPICS: Final = (
    "congress_targets",
    "annual_programme",
    "people_inspection",
    "covid19",
    "funds",
    "poverty_reduction",
)
EARLIER_NOTES: Final = (
    "Buổi làm việc minh họa (không có trong bản tin nguồn): nội dung, thời hạn và ngày hoàn"
    " thành của các kết luận đều là số liệu minh họa."
)
EARLIER_FINDINGS: Final = (
    (
        "Đoàn công tác nghe Ban Thường trực Ủy ban MTTQ Việt Nam xã Bát Tràng báo cáo kết quả"
        " công tác Mặt trận năm 2020, việc thực hiện các chỉ tiêu Nghị quyết Đại hội nhiệm kỳ"
        f" 2019{DASH}2024 và phương hướng nhiệm vụ năm 2021."
    ),
)
EARLIER_CONCLUSIONS: Final[tuple[tuple[str, str, str, tuple[str, ...], str], ...]] = (
    (
        "a1",
        "Kiện toàn Ban Thanh tra nhân dân xã và xây dựng kế hoạch hoạt động năm 2021.",
        "2021-06-30",
        ("ban_ttnd",),
        "2021-06-15",
    ),
    (
        "a2",
        (
            "Hoàn thành xây mới nhà “Đại đoàn kết” cho hộ cận nghèo có nhà ở xuống cấp đã được"
            " rà soát trên địa bàn xã."
        ),
        "2021-12-31",
        ("nha_dai_doan_ket",),
        "2022-07-15",
    ),
    (
        "a3",
        (
            "Công khai thu, chi Quỹ “Vì người nghèo” hằng quý trên bảng tin của xã, ngoài công"
            " khai hằng năm."
        ),
        "2022-06-30",
        ("quy_vi_nguoi_ngheo",),
        "",
    ),
    (
        "a4",
        (
            "Phối hợp rà soát, cập nhật danh sách hộ cận nghèo năm 2021, bảo đảm công khai,"
            " đúng quy trình."
        ),
        "2021-11-30",
        ("ho_can_ngheo",),
        "2021-11-25",
    ),
)


def conclusion_items(
    specs: tuple[tuple[str, str, str, tuple[str, ...], str], ...],
) -> list[JsonObject]:
    """Conclusions as JSON, leaving out empty indicator lists and done dates."""
    items: list[JsonObject] = []
    for cid, text, due, indicators, done_on in specs:
        item: JsonObject = {"id": cid, "text": text, "due": due}
        if indicators:
            item["indicators"] = list(indicators)
        if done_on:
            item["done_on"] = done_on
        items.append(item)
    return items


# The article: sessions with these communes "từ nay đến ngày 26/4"; the dates are illustrative.
PLANNED: Final = (
    ("2022-04-20", "00580"),
    ("2022-04-21", "00562"),
    ("2022-04-22", "00568"),
    ("2022-04-25", "00541"),
    ("2022-04-26", "00529"),
)


def working_sessions(data: dict[str, Series]) -> list[JsonObject]:
    """Return the sessions with Bát Tràng (8/4/2021, 18/4/2022) and the five that followed."""
    names = {u.code: u.name for u in UNITS}
    conclusions = conclusion_items(CONCLUSIONS)
    earlier: JsonObject = {
        "id": EARLIER_ID,
        "date": "2021-04-08",
        "commune": BAT_TRANG,
        "term": TERM_ID,
        "status": "held",
        "topics": list(EARLIER_TOPICS),
        "delegation": {"head": dict(HEAD)},
        "findings": list(EARLIER_FINDINGS),
        "conclusions": conclusion_items(EARLIER_CONCLUSIONS),
        "notes": EARLIER_NOTES,
    }
    commune, indicator, year = SESSION_SLOT
    held: JsonObject = {
        "id": f"2022-04-18-{slug(names[BAT_TRANG])}",
        "date": "2022-04-18",
        "commune": BAT_TRANG,
        "term": TERM_ID,
        "status": "held",
        "topics": list(HELD_TOPICS),
        "delegation": {"head": dict(HEAD)},
        "findings": list(FINDINGS),
        "recommendations": [{"id": rid, "text": text} for rid, text in RECOMMENDATIONS],
        "conclusions": conclusions,
        "observations": [
            observation(
                commune,
                indicator,
                year,
                data[commune].ttnd[year],
                "Báo cáo của Ban Thường trực Ủy ban MTTQ xã Bát Tràng tại buổi làm việc với"
                " Đoàn công tác của Ủy ban MTTQ Việt Nam huyện ngày 18/4/2022",
                reported_on="2022-04-18",
            )
        ],
    }
    planned = [
        {
            "id": f"{date}-{slug(names[code])}",
            "date": date,
            "commune": code,
            "term": TERM_ID,
            "status": "planned",
            "topics": ["congress_targets", "annual_programme"],
            "delegation": {"head": dict(HEAD)},
        }
        for date, code in PLANNED
    ]
    return [earlier, held, *planned]


# --------------------------------------------------------------------------- dataset

TITLE: Final = (
    f"Chỉ tiêu Nghị quyết Đại hội MTTQ huyện Gia Lâm nhiệm kỳ 2019{DASH}2024 (ví dụ minh họa)"
)

NOTES: Final = (
    "Bộ dữ liệu ví dụ tích hợp sẵn của mttq_core, dựng lại từ tin “Ban Thường trực Ủy ban"
    " MTTQ Việt Nam Gia Lâm tổ chức làm việc với các xã, thị trấn về thực hiện các chỉ tiêu"
    f" Nghị quyết Đại hội MTTQ nhiệm kỳ 2019 {DASH} 2024 và Chương trình công tác năm 2022”"
    " (Ủy ban MTTQ huyện Gia Lâm, 20/04/2022). "
    "Số liệu thật (cấp huyện, đã công bố): Đại hội đại biểu MTTQ Việt Nam huyện Gia Lâm lần"
    f" thứ XXI họp ngày 11{DASH}12/4/2019; kết quả năm 2022 của toàn huyện: 95,6% hộ gia đình"
    " đạt danh hiệu “Gia đình văn hóa”, 98,8% thôn, tổ dân phố đạt danh hiệu “Văn hóa”, vận"
    " động Quỹ “Vì người nghèo” được 3,15 tỷ đồng, xây mới 21 và sửa chữa 4 nhà “Đại đoàn"
    " kết”, không còn hộ nghèo từ năm 2020, còn 255 hộ cận nghèo (0,32%); buổi làm việc ngày"
    " 18/4/2022 của Đoàn công tác do đồng chí Hoàng Anh Tú, Ủy viên Ban Thường vụ Huyện ủy, Chủ"
    " tịch Ủy ban MTTQ Việt Nam huyện làm Trưởng đoàn với Ban Thường trực Ủy ban MTTQ Việt Nam"
    " xã Bát Tràng, các nội dung trao đổi (nhận xét) và các ý kiến kết luận của đồng chí Chủ"
    " tịch (rút gọn); kế hoạch làm việc tiếp theo với các xã Kiêu Kỵ, Kim Sơn, Dương Quang,"
    " Dương Hà, Yên Thường đến ngày 26/4/2022; danh sách 22 xã, thị trấn với mã đơn vị hành"
    " chính (ngày hết hiệu lực theo các Nghị quyết 1286/NQ-UBTVQH15 và 1656/NQ-UBTVQH15, chưa"
    " đối chiếu danh mục mã chính thức). "
    "Số liệu minh họa (không phải số liệu thật): toàn bộ số liệu cấp xã, thị trấn (kể cả số"
    " hộ gia đình, số thôn, tổ dân phố dùng làm mẫu số và các lần điều chỉnh số liệu); các con"
    " số chỉ tiêu, giá trị xuất phát và mốc kiểm tra chưa được công bố công khai (cách diễn"
    " đạt chỉ tiêu theo lối thường gặp, không trích nguyên văn Nghị quyết); ngày kết thúc"
    " nhiệm kỳ; mẫu số 79.688 hộ của tỷ lệ hộ cận nghèo năm 2022 (suy ra từ 255 hộ và 0,32%);"
    " các kiến nghị, đề xuất của xã Bát Tràng; thời hạn và ngày hoàn thành của các kết luận;"
    " toàn bộ buổi làm việc ngày 8/4/2021 với xã Bát Tràng;"
    " ngày cụ thể của các buổi làm việc dự kiến; toàn bộ bút toán của các Quỹ (nhà tài trợ,"
    " người nhận, số tiền, ngày)."
)


def check_real_figures(data: dict[str, Series]) -> None:
    """Raise ``ValueError`` unless the commune series add up to the real 2022 district figures."""
    sums = {
        "households": sum(s.households[2022] for s in data.values()),
        "near-poor households": sum(s.can_ngheo[2022] for s in data.values()),
        "villages": sum(u.villages for u in UNITS),
        "villages with the title": sum(s.kdc[2022] for s in data.values()),
        "Đại đoàn kết houses": sum(s.nha[2022] for s in data.values()),
    }
    wanted = {
        "households": HOUSEHOLDS_2022,
        "near-poor households": NEAR_POOR_2022,
        "villages": VILLAGES,
        "villages with the title": 247,
        "Đại đoàn kết houses": 25,
    }
    wrong = [f"{k}: {sums[k]} != {v}" for k, v in wanted.items() if sums[k] != v]
    if wrong:
        msg = "2022 commune figures do not add up: " + "; ".join(wrong)
        raise ValueError(msg)


def dataset() -> JsonObject:
    """Assemble the whole dataset in the documented key order."""
    rng = random.Random(SEED)  # reproducible example data
    data = series(rng)
    check_real_figures(data)
    return {
        "format": "mttq-core/1",
        "title": TITLE,
        "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm", "unit_code": DISTRICT_CODE},
        "notes": NOTES,
        "terms": [
            {
                "id": TERM_ID,
                "name": f"Nhiệm kỳ 2019{DASH}2024",
                "start": TERM_START,
                "end": "2024-04-30",
                "resolution": (
                    "Nghị quyết Đại hội đại biểu MTTQ Việt Nam huyện Gia Lâm lần thứ XXI,"
                    f" nhiệm kỳ 2019{DASH}2024"
                ),
            }
        ],
        "communes": communes(),
        "indicators": [dict(ind) for ind in INDICATORS],
        "targets": targets(),
        "observations": observations(data),
        "working_sessions": working_sessions(data),
        "funds": funds(),
    }


def render() -> str:
    """Return the dataset as the exact text written to disk."""
    return json.dumps(dataset(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the example file; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs instead of writing"
    )
    args = parser.parse_args(argv)
    text = render()
    output: Path = args.output
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if current != text:
            sys.stderr.write(f"{output} is out of date; run tools/build_example.py\n")
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
