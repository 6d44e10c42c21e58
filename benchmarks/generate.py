"""Generate a large review folder: a plan of N units and one ~8 KB unit file each.

Used by ``benchmarks/run.py``; run it alone to get a folder to try the CLI on:
``python benchmarks/generate.py 3000 /tmp/review``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

PHRASES = [
    "Ban Thường vụ đã lãnh đạo, chỉ đạo tổ chức học tập, quán triệt Nghị quyết Trung ương 4 (khóa XII)",
    "gắn với thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "công tác kiểm tra, giám sát được tăng cường, tập trung vào những lĩnh vực nhạy cảm, dễ phát sinh tiêu cực",
    "đội ngũ cán bộ, đảng viên nâng cao ý thức tự phê bình và phê bình, nêu gương theo Quy định 08-QĐi/TW",
    "việc khắc phục hạn chế, khuyết điểm sau kiểm điểm có chuyển biến nhưng chưa đồng đều giữa các chi bộ",
    "tỷ lệ đảng viên tham gia học tập đạt 98,5%; tổ chức 1.250 lượt sinh hoạt chuyên đề ở cơ sở",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phát huy vai trò giám sát của nhân dân",
]
# 25 items a unit (one of them a sub-item), as in the compile target
SECTIONS = {
    "achievements": 9,
    "shortcomings": 4,
    "lessons": 3,
    "recommendations": 1,
}
CAUSES = {"objective": 3, "subjective": 3}
SHARED = "Đề nghị Thành ủy tiếp tục quan tâm bồi dưỡng nghiệp vụ cho cán bộ làm công tác xây dựng Đảng."

PLAN_HEAD = """\
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
  - {key: lessons, title: "Bài học kinh nghiệm"}
  - {key: recommendations, title: "Kiến nghị, đề xuất"}
indicators:
  - {key: conferences, label: "Số hội nghị học tập, quán triệt", unit: "hội nghị"}
  - {key: attendees, label: "Số lượt cán bộ, đảng viên tham dự", unit: "lượt"}
  - {key: rate, label: "Tỷ lệ đảng viên tham gia", unit: "%", type: percent, aggregate: mean}
  - {key: disciplined, label: "Số đảng viên bị kỷ luật", unit: "đảng viên", sum_of: [reprimanded, warned]}
  - {key: reprimanded, label: "Khiển trách", unit: "đảng viên"}
  - {key: warned, label: "Cảnh cáo", unit: "đảng viên"}
units:
"""


def _sentence(rng: random.Random, unit: int, index: int) -> str:
    first, second = rng.sample(PHRASES, 2)
    return f"Đơn vị {unit}, ý {index}: {first}; {second}."


def _items(rng: random.Random, unit: int, count: int, indent: str) -> list[str]:
    lines: list[str] = []
    for index in range(count):
        text = _sentence(rng, unit, index)
        if index == 1:
            lines += [
                f'{indent}- text: "{text}"',
                f"{indent}  items:",
                f'{indent}    - "{_sentence(rng, unit, 100 + index)}"',
            ]
        else:
            lines.append(f'{indent}- "{text}"')
    return lines


def unit_file(unit: int, seed: int = 0) -> str:
    rng = random.Random(seed * 100_003 + unit)
    lines = [f"unit: u{unit:05d}", "submitted: 2021-06-30"]
    for key, count in SECTIONS.items():
        lines.append(f"{key}:")
        lines += _items(rng, unit, count, "  ")
        if key == "recommendations":
            lines.append(f'  - "{SHARED}"')
    lines.append("causes:")
    for key, count in CAUSES.items():
        lines.append(f"  {key}:")
        lines += _items(rng, unit, count, "    ")
    reprimanded, warned = rng.randint(0, 5), rng.randint(0, 3)
    lines += [
        "indicators:",
        f"  conferences: {rng.randint(10, 120)}",
        f"  attendees: {rng.randint(1000, 40000)}",
        f'  rate: "{rng.randint(900, 1000) / 10:.1f}"'.replace(".", ","),
        f"  disciplined: {reprimanded + warned}",
        f"  reprimanded: {reprimanded}",
        f"  warned: {warned}",
    ]
    return "\n".join(lines) + "\n"


def generate(count: int, root: Path) -> Path:
    """Write ``root/plan.yaml`` and ``root/units/*.yaml``; returns the units folder."""
    units = root / "units"
    units.mkdir(parents=True, exist_ok=True)
    plan_units = [
        f'  - {{id: u{i:05d}, name: "Đảng ủy đơn vị số {i}", group: "Khối {i % 4 + 1}"}}'
        for i in range(count)
    ]
    (root / "plan.yaml").write_text(PLAN_HEAD + "\n".join(plan_units) + "\n", encoding="utf-8")
    for i in range(count):
        (units / f"u{i:05d}.yaml").write_text(unit_file(i), encoding="utf-8")
    return units


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
