"""Inline fixture builders: each test states its own plan and unit files."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

PLAN = """\
plan:
  code: "30-KH/TU"
  date: 2021-06-08
  issuer: "Ban Thường vụ Thành ủy"
  subject: "sơ kết 5 năm thực hiện Nghị quyết Trung ương 4 (khóa XII)"
  deadline: 2021-07-02
report:
  format: dang
  parent_organ: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
  organ: "THÀNH ỦY"
  number: "-BC/TU"
  place: "Hà Nội"
  summary: "sơ kết 5 năm thực hiện Nghị quyết Trung ương 4 (khóa XII)"
  signer: {authority: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ", name: ""}
  recipients: ["Ban Tổ chức Trung ương,", "Lưu Văn phòng Thành ủy."]
sections:
  - {key: achievements, title: "Kết quả đạt được"}
  - {key: shortcomings, title: "Hạn chế, yếu kém"}
  - key: causes
    title: "Nguyên nhân"
    parts:
      - {key: objective, title: "Nguyên nhân khách quan"}
      - {key: subjective, title: "Nguyên nhân chủ quan"}
  - {key: lessons, title: "Bài học kinh nghiệm", required: false}
indicators:
  - {key: conferences, label: "Số hội nghị", unit: "hội nghị"}
  - {key: rate, label: "Tỷ lệ tham gia", unit: "%", type: percent, aggregate: mean}
  - {key: disciplined, label: "Số đảng viên bị kỷ luật", sum_of: [reprimanded, warned]}
  - {key: reprimanded, label: "Khiển trách"}
  - {key: warned, label: "Cảnh cáo"}
units:
  - {id: ba-dinh, name: "Quận ủy Ba Đình", group: "Các quận ủy"}
  - {id: hoan-kiem, name: "Quận ủy Hoàn Kiếm", group: "Các quận ủy"}
  - {id: soc-son, name: "Huyện ủy Sóc Sơn", group: "Các huyện ủy"}
"""

VALID_UNIT = """\
unit: ba-dinh
submitted: 2021-06-30
achievements:
  - "Đã tổ chức 45 hội nghị quán triệt."
  - text: "Công tác kiểm tra được tăng cường:"
    items:
      - "Kiểm tra 12 tổ chức đảng."
shortcomings:
  - "Một số cấp ủy chưa sâu sát."
causes:
  objective:
    - "Dịch Covid-19 kéo dài."
  subjective:
    - "Nhận thức của một bộ phận cán bộ chưa đầy đủ."
indicators:
  conferences: 45
  disciplined: 3
  reprimanded: 2
  warned: 1
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write_review(root: Path, units: dict[str, str | bytes], plan: str = PLAN) -> Path:
    """A review folder ``root/plan.yaml`` + ``root/units/<name>``; returns the units folder."""
    (root / "plan.yaml").write_text(plan, encoding="utf-8")
    folder = root / "units"
    folder.mkdir(exist_ok=True)
    for name, content in units.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(dedent(content), encoding="utf-8")
    return folder


# A plan that asks units for proposals for commendation (issue 13); Sóc Sơn's group may send more
BANG_KHEN = "Bằng khen của Ban Thường vụ Thành ủy"
GIAY_KHEN = "Giấy khen của Ban Thường vụ Thành ủy"
COMMENDATIONS_BLOCK = f"""\
commendations:
  title: "Đề nghị khen thưởng"
  forms: ["{BANG_KHEN}", "{GIAY_KHEN}"]
  quota: {{collectives: 2, individuals: 3}}
  quota_by_group: {{"Các huyện ủy": {{collectives: 3}}}}
"""
COMMENDATIONS_PLAN = PLAN + COMMENDATIONS_BLOCK


def benchmark_module(name: str) -> ModuleType:
    """benchmarks/<name>.py, loaded as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
