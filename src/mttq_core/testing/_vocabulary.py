"""The words the strategies build realistic data from: places, people, indicators, ledgers.

Place names are real communes of the named districts; their codes are the official ones for
Gia Lâm (as in the built-in example) and plausible 5-digit codes elsewhere. Nothing here is
drawn: the strategies pick from these tuples, and shrink toward their first entries.
"""

from __future__ import annotations

import unicodedata
from typing import Final

import attrs

from mttq_core.model import CommuneKind, Direction, Measure

__all__ = [
    "CONCLUSIONS",
    "CRITERIA",
    "DESCRIPTIONS",
    "DISTRICTS",
    "DONORS",
    "FINDINGS",
    "NEW_NAMES",
    "OWN_TOPICS",
    "PEOPLE",
    "PURPOSES",
    "RECOMMENDATIONS",
    "TEMPLATES",
    "TITLES",
    "District",
    "Template",
    "fresh_id",
    "kind_word",
    "slug",
]


@attrs.frozen
class District:
    """A district committee and its communes: ``(code, kind, name)``, codes ascending."""

    province_code: str
    code: str
    kind: str  # "huyện", "quận", "thị xã"
    name: str
    communes: tuple[tuple[str, CommuneKind, str], ...]

    @property
    def title(self) -> str:
        """``'huyện Gia Lâm'``."""
        return f"{self.kind} {self.name}"


def _district(
    province: str, code: str, kind: str, name: str, *, first: int, units: str
) -> District:
    """Communes listed as ``"kind:Name, ..."`` (kind ``x`` xã, ``p`` phường, ``t`` thị trấn)."""
    kinds = {"x": CommuneKind.XA, "p": CommuneKind.PHUONG, "t": CommuneKind.THI_TRAN}
    communes = []
    for i, unit in enumerate(units.split(", ")):
        k, unit_name = unit.split(":")
        communes.append((f"{first + 3 * i:05d}", kinds[k], unit_name))
    return District(province, code, kind, name, tuple(communes))


DISTRICTS: Final = (
    _district(
        "01",
        "018",
        "huyện",
        "Gia Lâm",
        first=526,
        units="t:Yên Viên, x:Yên Thường, x:Yên Viên, x:Ninh Hiệp, x:Đình Xuyên, x:Dương Hà, "
        "x:Phù Đổng, x:Trung Mầu, x:Lệ Chi, x:Cổ Bi, x:Đặng Xá, x:Phú Thị, x:Kim Sơn, "
        "t:Trâu Quỳ, x:Dương Quang, x:Dương Xá, x:Đông Dư, x:Đa Tốn, x:Kiêu Kỵ, x:Bát Tràng, "
        "x:Kim Lan, x:Văn Đức",
    ),
    _district(
        "01",
        "017",
        "huyện",
        "Đông Anh",
        first=454,
        units="t:Đông Anh, x:Xuân Nộn, x:Thụy Lâm, x:Bắc Hồng, x:Nguyên Khê, x:Nam Hồng, "
        "x:Tiên Dương, x:Vân Hà, x:Uy Nỗ, x:Vân Nội, x:Liên Hà, x:Việt Hùng, x:Kim Nỗ, "
        "x:Kim Chung, x:Dục Tú, x:Đại Mạch, x:Vĩnh Ngọc, x:Cổ Loa, x:Hải Bối, x:Xuân Canh, "
        "x:Võng La, x:Tàm Xá, x:Mai Lâm, x:Đông Hội",
    ),
    _district(
        "01",
        "004",
        "quận",
        "Long Biên",
        first=94,
        units="p:Thượng Thanh, p:Ngọc Thụy, p:Giang Biên, p:Đức Giang, p:Việt Hưng, p:Gia Thụy, "
        "p:Ngọc Lâm, p:Phúc Lợi, p:Bồ Đề, p:Sài Đồng, p:Long Biên, p:Thạch Bàn, "
        "p:Phúc Đồng, p:Cự Khối",
    ),
    _district(
        "79",
        "787",
        "huyện",
        "Cần Giờ",
        first=27655,
        units="t:Cần Thạnh, x:Bình Khánh, x:Tam Thôn Hiệp, x:An Thới Đông, x:Thạnh An, "
        "x:Long Hòa, x:Lý Nhơn",
    ),
)

#: Names common to many communes, for datasets with more communes than a district lists.
NEW_NAMES: Final = (
    "Tân Lập",
    "Hòa Bình",
    "Quang Trung",
    "Thống Nhất",
    "Đoàn Kết",
    "Tân Tiến",
    "Hợp Tiến",
    "Phú Lương",
    "Minh Khai",
    "Hưng Đạo",
    "Thuận An",
    "Bình Minh",
)

PEOPLE: Final = (
    "Hoàng Anh Tú",
    "Nguyễn Thị Mai",
    "Trần Văn Hùng",
    "Lê Minh Tuấn",
    "Phạm Thị Hương",
    "Vũ Đức Thắng",
    "Đỗ Thị Lan",
    "Bùi Quang Huy",
    "Đặng Thu Trang",
    "Ngô Văn Nam",
)

TITLES: Final = (
    "Chủ tịch Ủy ban MTTQ Việt Nam {district}",
    "Phó Chủ tịch Ủy ban MTTQ Việt Nam {district}",
    "Ủy viên Ban Thường trực Ủy ban MTTQ Việt Nam {district}",
    "Trưởng ban Dân chủ – Pháp luật",
    "Cán bộ chuyên trách",
)

FINDINGS: Final = (
    "Ủy ban MTTQ Việt Nam {commune} đã triển khai đầy đủ Chương trình công tác năm.",
    "Công tác giám sát, phản biện xã hội còn hạn chế, chưa thường xuyên.",
    "Kết quả vận động Quỹ “Vì người nghèo” của {commune} vượt kế hoạch đề ra.",
    "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động nền nếp.",
    "Một số chỉ tiêu Nghị quyết Đại hội chưa đạt tiến độ, cần tập trung chỉ đạo.",
)

RECOMMENDATIONS: Final = (
    "Đề nghị {district} quan tâm bố trí kinh phí hoạt động cho Ban Thanh tra nhân dân.",
    "Đề nghị tổ chức tập huấn nghiệp vụ giám sát cho cán bộ Mặt trận cơ sở.",
    "Đề xuất hỗ trợ kinh phí xây mới, sửa chữa nhà “Đại đoàn kết” cho hộ cận nghèo.",
    "Đề nghị hướng dẫn việc công khai thu, chi các loại Quỹ theo Nghị định 93/2021/NĐ-CP.",
)

CONCLUSIONS: Final = (
    "Rà soát các chỉ tiêu Nghị quyết Đại hội, có kế hoạch hoàn thành những chỉ tiêu chưa đạt.",
    "Đẩy mạnh công tác giám sát thực chất, xuyên suốt hơn.",
    "Quản lý, sử dụng các loại Quỹ công khai, minh bạch, đúng quy định.",
    "Tiếp tục thực hiện hiệu quả phong trào thi đua “Đoàn kết sáng tạo”.",
)

#: A dataset's own session topics (ids not among the built-in ones).
OWN_TOPICS: Final = (
    ("chuyen_doi_so", "Chuyển đổi số trong hoạt động của Mặt trận"),
    ("xay_dung_dang", "Tham gia xây dựng Đảng, chính quyền"),
    ("sap_xep_don_vi", "Sắp xếp đơn vị hành chính cấp xã"),
)

DONORS: Final = (
    "Nhân dân các thôn, tổ dân phố {commune}",
    "Cán bộ, công chức, người lao động {commune}",
    "Công ty TNHH Gốm sứ Giang Cao",
    "Công ty CP Gốm mỹ nghệ Kim Ngọc",
    "Hộ ông Nguyễn Văn Bình",
    "Hội Doanh nhân trẻ {district}",
)

PURPOSES: Final = (
    "Tặng quà Tết cho hộ nghèo, hộ cận nghèo",
    "Hỗ trợ xây mới nhà “Đại đoàn kết”",
    "Hỗ trợ học sinh có hoàn cảnh khó khăn",
    "Thăm hỏi, hỗ trợ hộ gặp thiên tai",
)

DESCRIPTIONS: Final = (
    "Gạo, nhu yếu phẩm hỗ trợ hộ khó khăn",
    "Ủng hộ một ngày lương",
    "Vật liệu xây dựng nhà “Đại đoàn kết”",
)

CRITERIA: Final = (
    ("doan_ket_kinh_te", "Đoàn kết giúp nhau phát triển kinh tế, giảm nghèo bền vững"),
    ("doi_song_van_hoa", "Xây dựng đời sống văn hóa ở khu dân cư"),
    ("moi_truong", "Giữ gìn vệ sinh môi trường, cảnh quan xanh – sạch – đẹp"),
    ("an_ninh_trat_tu", "Bảo đảm an ninh, trật tự an toàn xã hội"),
    ("xay_dung_dang", "Tham gia xây dựng Đảng, chính quyền trong sạch, vững mạnh"),
)


@attrs.frozen
class Template:
    """An indicator as committees write them: id, name, unit and group."""

    id: str
    name: str
    unit: str | None
    group: str | None = None


_VAN_DONG = "Công tác vận động"
_GIAM_SAT = "Giám sát và phản biện xã hội"
_AN_SINH = "An sinh xã hội"

#: Indicator templates by (measure, direction); the first of each is the one shrunk to.
TEMPLATES: Final[dict[tuple[Measure, Direction], tuple[Template, ...]]] = {
    (Measure.PERCENT, Direction.INCREASE): (
        Template(
            "gia_dinh_van_hoa",
            "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
            "%",
            _VAN_DONG,
        ),
        Template("khu_dan_cu_van_hoa", "Tỷ lệ thôn, tổ dân phố đạt danh hiệu “Văn hóa”", "%"),
        Template("bao_hiem_y_te", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", _AN_SINH),
    ),
    (Measure.PERCENT, Direction.DECREASE): (
        Template("ho_ngheo", "Tỷ lệ hộ nghèo", "%", _AN_SINH),
        Template("ho_can_ngheo", "Tỷ lệ hộ cận nghèo", "%", _AN_SINH),
    ),
    (Measure.COUNT, Direction.INCREASE): (
        Template(
            "nha_dai_doan_ket", "Số nhà “Đại đoàn kết” được xây mới, sửa chữa", "nhà", _AN_SINH
        ),
        Template("giam_sat", "Số cuộc giám sát do Ủy ban MTTQ chủ trì", "cuộc", _GIAM_SAT),
        Template("mo_hinh_tu_quan", "Số mô hình tự quản ở khu dân cư", "mô hình"),
    ),
    (Measure.COUNT, Direction.DECREASE): (
        Template("khieu_kien_vuot_cap", "Số vụ khiếu kiện đông người, vượt cấp", "vụ"),
        Template("ho_tai_ngheo", "Số hộ tái nghèo, phát sinh nghèo", "hộ", _AN_SINH),
    ),
    (Measure.MONEY, Direction.INCREASE): (
        Template("quy_vi_nguoi_ngheo", "Vận động Quỹ “Vì người nghèo”", "đồng", _VAN_DONG),
        Template("quy_cuu_tro", "Vận động Quỹ Cứu trợ", "đồng", _VAN_DONG),
    ),
    (Measure.MONEY, Direction.DECREASE): (
        Template("kinh_phi_hoi_nghi", "Kinh phí tổ chức hội nghị, lễ kỷ niệm", "đồng"),
    ),
    (Measure.QUANTITY, Direction.INCREASE): (
        Template(
            "mo_hinh_dksk",
            "Số mô hình “Đoàn kết sáng tạo” bình quân mỗi khu dân cư",
            "mô hình/khu dân cư",
        ),
        Template("thu_nhap", "Thu nhập bình quân đầu người", "triệu đồng/người/năm"),
    ),
    (Measure.QUANTITY, Direction.DECREASE): (
        Template("rac_ton_dong", "Lượng rác thải sinh hoạt tồn đọng", "tấn/ngày"),
    ),
    (Measure.BOOLEAN, Direction.INCREASE): (
        Template(
            "ban_ttnd",
            "Ban Thanh tra nhân dân được kiện toàn và hoạt động hiệu quả",
            None,
            _GIAM_SAT,
        ),
        Template("ban_gsdtcd", "Ban Giám sát đầu tư của cộng đồng được thành lập, hoạt động", None),
    ),
    (Measure.CHECKLIST, Direction.INCREASE): (
        Template(
            "cuoc_van_dong_ntm_dtvm",
            "Hoàn thành các tiêu chí của Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn "
            "mới, đô thị văn minh”",
            "tiêu chí",
            _VAN_DONG,
        ),
    ),
}


def fresh_id(base: str, taken: set[str] | None) -> str:
    """``base``, or ``base`` with a suffix (``-2``, ``-3``…) not yet in ``taken``; joins it."""
    if taken is None:
        return base
    ident, suffix = base, 2
    while ident in taken:
        ident = f"{base}-{suffix}"
        suffix += 1
    taken.add(ident)
    return ident


def kind_word(kind: CommuneKind) -> str:
    """How a commune's kind is written before its name: ``'xã'``, ``'thị trấn'``."""
    return kind.label.lower()


def slug(text: str) -> str:
    """An ASCII id from Vietnamese text: ``'Kiêu Kỵ'`` → ``'kieu-ky'``."""
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    ascii_only = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return "-".join(ascii_only.lower().split())
