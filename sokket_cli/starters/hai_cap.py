"""The structure in force since 1 July 2025: two levels of local government (province and
commune), so a province's review collects from the đảng ủy xã, phường, đặc khu directly and
from the đảng ủy and agencies under the Tỉnh ủy/Thành ủy (reference/structure-2025.md).

The units are examples, a few per group, marked as such in the plan and in their names, so
that every command works on a new folder before the office puts in its own list.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sokket_cli.check.plan import Plan, PlanUnit, ReportSettings, Signer
from sokket_cli.check.unitids import derive_ids
from sokket_cli.starters.outline import INDICATORS, sections

COLLECTION_DAYS = 30  # the starter's deadline, counted from the day init runs

_EXAMPLES = (
    ("Các đảng ủy xã, phường, đặc khu", (
        "Đảng ủy phường A (ví dụ)",
        "Đảng ủy phường B (ví dụ)",
        "Đảng ủy xã C (ví dụ)",
        "Đảng ủy xã D (ví dụ)",
        "Đảng ủy đặc khu E (ví dụ)",
    )),
    ("Các đảng ủy trực thuộc Tỉnh ủy", (
        "Đảng ủy các cơ quan Đảng tỉnh (ví dụ)",
        "Đảng ủy Ủy ban nhân dân tỉnh (ví dụ)",
        "Đảng ủy Công an tỉnh (ví dụ)",
        "Đảng ủy Quân sự tỉnh (ví dụ)",
    )),
    ("Các cơ quan tham mưu, giúp việc Tỉnh ủy và Mặt trận Tổ quốc", (
        "Ban Tổ chức Tỉnh ủy (ví dụ)",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy (ví dụ)",
        "Ủy ban Kiểm tra Tỉnh ủy (ví dụ)",
        "Văn phòng Tỉnh ủy (ví dụ)",
        "Đảng ủy Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh (ví dụ)",
    )),
)


def plan(today: date) -> Plan:
    """A province's review plan dated ``today``, due in :data:`COLLECTION_DAYS` days."""
    listed = [(group, name) for group, names in _EXAMPLES for name in names]
    ids = derive_ids([name for _, name in listed])
    return Plan(
        path=Path("plan.yaml"),
        code="01-KH/TU",
        date=today,
        issuer="Ban Thường vụ Tỉnh ủy",
        subject="sơ kết việc thực hiện (ghi tên nghị quyết, chỉ thị, kết luận được sơ kết)",
        deadline=today + timedelta(days=COLLECTION_DAYS),
        report=ReportSettings(
            format="dang",
            parent_organ="ĐẢNG BỘ TỈNH (GHI TÊN TỈNH)",
            organ="TỈNH ỦY",
            number="-BC/TU",
            place="(địa danh)",
            title="BÁO CÁO",
            summary="sơ kết việc thực hiện (ghi tên nghị quyết, chỉ thị, kết luận được sơ kết)",
            signer=Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""),
            recipients=("Ban Tổ chức Trung ương,", "Các đồng chí Tỉnh ủy viên,", "Lưu Văn phòng Tỉnh ủy."),
        ),
        sections=sections("Tỉnh ủy"),
        units=tuple(PlanUnit(d.id, name, group) for d, (group, name) in zip(ids, listed, strict=True)),
        indicators=INDICATORS,
    )
