"""The 2021 Hà Nội review (Kế hoạch 30-KH/TU): the plan of examples/so-ket-nq4."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sokket_cli.check.commendations import CommendationPlan, Quota
from sokket_cli.check.plan import Plan, PlanUnit, ReportSettings, Signer
from sokket_cli.starters.outline import INDICATORS, sections

_SUBJECT = (
    "sơ kết 5 năm thực hiện Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh "
    "đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những "
    "biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ gắn với"
)

# (group, ((id, name), ...)) in the plan's official order
_UNITS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ('Các quận ủy, huyện ủy, thị ủy', (
        ('ba-dinh', 'Quận ủy Ba Đình'),
        ('hoan-kiem', 'Quận ủy Hoàn Kiếm'),
        ('tay-ho', 'Quận ủy Tây Hồ'),
        ('long-bien', 'Quận ủy Long Biên'),
        ('cau-giay', 'Quận ủy Cầu Giấy'),
        ('dong-da', 'Quận ủy Đống Đa'),
        ('hai-ba-trung', 'Quận ủy Hai Bà Trưng'),
        ('hoang-mai', 'Quận ủy Hoàng Mai'),
        ('thanh-xuan', 'Quận ủy Thanh Xuân'),
        ('nam-tu-liem', 'Quận ủy Nam Từ Liêm'),
        ('bac-tu-liem', 'Quận ủy Bắc Từ Liêm'),
        ('ha-dong', 'Quận ủy Hà Đông'),
        ('son-tay', 'Thị ủy Sơn Tây'),
        ('ba-vi', 'Huyện ủy Ba Vì'),
        ('chuong-my', 'Huyện ủy Chương Mỹ'),
        ('dan-phuong', 'Huyện ủy Đan Phượng'),
        ('dong-anh', 'Huyện ủy Đông Anh'),
        ('gia-lam', 'Huyện ủy Gia Lâm'),
        ('hoai-duc', 'Huyện ủy Hoài Đức'),
        ('me-linh', 'Huyện ủy Mê Linh'),
        ('my-duc', 'Huyện ủy Mỹ Đức'),
        ('phu-xuyen', 'Huyện ủy Phú Xuyên'),
        ('phuc-tho', 'Huyện ủy Phúc Thọ'),
        ('quoc-oai', 'Huyện ủy Quốc Oai'),
        ('soc-son', 'Huyện ủy Sóc Sơn'),
        ('thach-that', 'Huyện ủy Thạch Thất'),
        ('thanh-oai', 'Huyện ủy Thanh Oai'),
        ('thanh-tri', 'Huyện ủy Thanh Trì'),
        ('thuong-tin', 'Huyện ủy Thường Tín'),
        ('ung-hoa', 'Huyện ủy Ứng Hòa'),
    )),
    ('Các đảng ủy trực thuộc Thành ủy', (
        ('dang-uy-khoi-co-quan', 'Đảng ủy Khối các cơ quan Thành phố'),
        ('dang-uy-khoi-doanh-nghiep', 'Đảng ủy Khối Doanh nghiệp Thành phố'),
        ('dang-uy-khoi-dai-hoc', 'Đảng ủy Khối các trường đại học, cao đẳng Hà Nội'),
        ('dang-uy-cong-an', 'Đảng ủy Công an Thành phố'),
        ('dang-uy-quan-su', 'Đảng ủy Quân sự Thành phố'),
    )),
    ('Các ban đảng, ban cán sự đảng, đảng đoàn', (
        ('ban-to-chuc', 'Ban Tổ chức Thành ủy'),
        ('ban-tuyen-giao', 'Ban Tuyên giáo Thành ủy'),
        ('uy-ban-kiem-tra', 'Ủy ban Kiểm tra Thành ủy'),
        ('ban-dan-van', 'Ban Dân vận Thành ủy'),
        ('ban-noi-chinh', 'Ban Nội chính Thành ủy'),
        ('van-phong-thanh-uy', 'Văn phòng Thành ủy'),
        ('ban-can-su-ubnd', 'Ban cán sự đảng UBND Thành phố'),
        ('dang-doan-hdnd', 'Đảng đoàn HĐND Thành phố'),
    )),
    ('Mặt trận Tổ quốc và các đoàn thể', (
        ('mttq', 'Đảng đoàn Ủy ban MTTQ Việt Nam Thành phố'),
        ('lien-doan-lao-dong', 'Đảng đoàn Liên đoàn Lao động Thành phố'),
        ('hoi-phu-nu', 'Đảng đoàn Hội Liên hiệp Phụ nữ Thành phố'),
        ('hoi-nong-dan', 'Đảng đoàn Hội Nông dân Thành phố'),
        ('hoi-cuu-chien-binh', 'Đảng đoàn Hội Cựu chiến binh Thành phố'),
        ('thanh-doan', 'Ban Thường vụ Thành đoàn'),
    )),)


def plan(today: date) -> Plan:  # noqa: ARG001 - a past plan: its dates are its own
    """Kế hoạch 30-KH/TU ngày 08/6/2021 của Ban Thường vụ Thành ủy Hà Nội."""
    return Plan(
        path=Path("plan.yaml"),
        code="30-KH/TU",
        date=date(2021, 6, 8),
        issuer="Ban Thường vụ Thành ủy",
        subject=f"{_SUBJECT} Chương trình hành động số 15-CTr/TU của Thành ủy",
        deadline=date(2021, 7, 2),
        report=ReportSettings(
            format="dang",
            parent_organ="ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
            organ="THÀNH ỦY",
            number="-BC/TU",
            place="Hà Nội",
            title="BÁO CÁO",
            summary=f"{_SUBJECT} thực hiện Chương trình hành động số 15-CTr/TU của Thành ủy",
            signer=Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""),
            recipients=(
                "Ban Bí thư Trung ương Đảng,",
                "Ban Tổ chức Trung ương,",
                "Ban Tuyên giáo Trung ương,",
                "Ủy ban Kiểm tra Trung ương,",
                "Văn phòng Trung ương Đảng,",
                "Các đồng chí Thành ủy viên,",
                "Lưu Văn phòng Thành ủy.",
            ),
        ),
        sections=sections("Thành ủy"),
        units=tuple(PlanUnit(uid, name, group) for group, units in _UNITS for uid, name in units),
        indicators=INDICATORS,
        commendations=CommendationPlan(
            title="Đề nghị khen thưởng",
            forms=("Bằng khen của Ban Thường vụ Thành ủy", "Giấy khen của Ban Thường vụ Thành ủy"),
            quota=Quota(collectives=2, individuals=3),
        ),
    )
