"""The YAML form a unit fills in: the plan's unit format with every blank explained.

An untouched form holds no text (every example is a comment), so validate reports only the
empty required sections and the missing date; filled in below each heading, it validates
clean. Everything shown comes from the plan's :class:`UnitFormat`.
"""

from __future__ import annotations

import textwrap

from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import vn_date
from sokket_cli.check.unitformat import (
    DATE_EXAMPLE,
    INDICATORS_KEY,
    ITEM_CHILDREN_KEY,
    ITEM_TEXT_KEY,
    SUBMITTED_KEY,
    UNIT_KEY,
    Field,
    Kind,
    UnitFormat,
)
from sokket_cli.write.unitfile import quote

SCHEMA_NAME = "unit.schema.json"
_WIDTH = 96


def _comments(text: str, indent: int) -> list[str]:
    """``text`` as wrapped ``# `` lines (a line break in it cannot end the comment)."""
    pad = " " * indent + "# "
    return textwrap.wrap(" ".join(text.split()), _WIDTH - len(pad), break_on_hyphens=False,
                         initial_indent=pad, subsequent_indent=pad) or [pad.rstrip()]


def _how_to(file_format: UnitFormat) -> list[str]:
    example = next((f for f in file_format.sections if f.kind is Kind.ITEMS), None)
    key = example.key if example is not None else "achievements"
    return [
        "# CÁCH ĐIỀN: dưới mỗi mục, mỗi ý một dòng: hai dấu cách, dấu gạch ngang, dấu cách,",
        "# rồi câu trong ngoặc kép. Ví dụ (bỏ dấu # ở đầu dòng rồi sửa câu):",
        f"# {key}:",
        f"#   {file_format.field(key).example if example is not None else ''}".rstrip(),
        "#   - \"Câu có dấu ngoặc kép bên trong viết \\\"như thế này\\\".\"",
        f"#   - {ITEM_TEXT_KEY}: \"Ý lớn có các ý nhỏ:\"",
        f"#     {ITEM_CHILDREN_KEY}:",
        "#       - \"Ý nhỏ thứ nhất.\"",
        "# Thụt lề bằng dấu cách, không dùng phím Tab. Mục nào không có gì để báo cáo và không",
        "# bắt buộc thì để trống.",
    ]


def form_body(plan: Plan) -> list[str]:
    """The part of every unit's form after its ``unit:`` line: the same for every unit."""
    file_format = plan.unit_format
    lines: list[str] = []
    number = 0
    for field in file_format.fields:
        if field.key == UNIT_KEY:
            continue
        if field.key == SUBMITTED_KEY:
            lines.extend(_comments(field.guidance, 0))
            lines.append(f"{SUBMITTED_KEY}:   # ví dụ: {SUBMITTED_KEY}: {DATE_EXAMPLE}")
        elif field.holds_items:
            number += 1
            lines.append("")
            lines.extend(_section_lines(field, number))
        elif field.key == INDICATORS_KEY and field.children:
            lines.append("")
            lines.extend(_indicator_lines(field))
    return lines


def _heading(field: Field, label: str, indent: int) -> list[str]:
    required = "bắt buộc" if field.required else "không bắt buộc"
    lines = _comments(f"{label} {field.title.upper() if indent == 0 else field.title} ({required})", indent)
    if field.guidance:
        lines.extend(_comments(f"Đề cương: {field.guidance}", indent))
    return lines


def _section_lines(section: Field, number: int) -> list[str]:
    lines = _heading(section, f"{number}.", 0)
    lines.append(f"{section.key}:")
    if section.kind is Kind.ITEMS:
        lines.append(f"  # {section.example}")
        return lines
    for letter, part in zip("abcdefghijklmnopqrstuvwxyz", section.children, strict=False):
        lines.extend(_heading(part, f"{letter})", 2))
        lines.append(f"  {part.key}:")
        lines.append(f"    # {part.example}")
    return lines


def _indicator_lines(field: Field) -> list[str]:
    lines = _comments(
        f"{field.title.upper()}: {field.guidance} Ghi số sau dấu hai chấm, viết liền không dấu "
        "phân cách hàng nghìn (1000, không ghi 1.000); số thập phân dùng dấu phẩy, trong ngoặc "
        'kép ("96,5").', 0,
    )
    lines.append(f"{INDICATORS_KEY}:")
    width = max(len(f.key) for f in field.children) + 1
    for figure in field.children:
        measure = f", đơn vị tính: {figure.measure}" if figure.measure else ""
        note = f"{figure.title}{measure}; {figure.type_name}, ví dụ {figure.example}"
        lines.append(f"  {figure.key + ':':<{width}}   # {' '.join(note.split())}")
    return lines


def unit_form(plan: Plan, unit_id: str, body: list[str], schema: str = SCHEMA_NAME) -> str:
    """One unit's form: the editor-help line, who and what it is for, then ``body``
    (:func:`form_body`, built once for all units)."""
    name = plan.unit_ids[unit_id].name
    deadline = f"; hạn gửi {vn_date(plan.deadline)}" if plan.deadline else ""
    head = [
        f"# yaml-language-server: $schema={schema}",
        *_comments(f"BÁO CÁO CỦA: {name}", 0),
        *_comments(f"Theo Kế hoạch số {plan.code} của {plan.issuer}{deadline}.", 0),
        *_comments(f"Về: {plan.subject}.", 0),
        "# Điền vào chỗ trống rồi gửi lại tệp này (lưu bằng bảng mã UTF-8). Trước khi gửi, kiểm tra:",
        f"#   sokket validate {unit_id}.yaml",
        "#",
        *_how_to(plan.unit_format),
        "",
        *_comments(plan.unit_format.field(UNIT_KEY).guidance + " Không sửa dòng này.", 0),
        f"{UNIT_KEY}: {quote(unit_id)}",
    ]
    return "\n".join(head + body) + "\n"
