"""The YAML form a unit fills in: the plan's unit format with every blank explained.

An untouched form holds no text (every example is a comment), so validate reports only the
empty required sections and the missing date; filled in below each heading, it validates
clean. Everything shown comes from the plan's :class:`UnitFormat`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import vn_date
from sokket_cli.check.unitformat import (
    COLLECTIVE,
    COMMENDATIONS_KEY,
    DATE_EXAMPLE,
    FORM_PROPOSAL_KEYS,
    INDICATORS_KEY,
    INDIVIDUAL,
    ITEM_CHILDREN_KEY,
    ITEM_TEXT_KEY,
    KIND_TITLES,
    SCHEMA_NAME,
    SUBMITTED_KEY,
    UNIT_KEY,
    Field,
    Kind,
    UnitFormat,
)
from sokket_cli.write.unitfile import quote

_WIDTH = 96
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _key(key: str) -> str:
    """A plan's key as written in the form: plain when it is a plain word, else quoted, so
    that no key a plan allows can break the form's YAML."""
    return key if _PLAIN_KEY.fullmatch(key) else quote(key)


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


def _body(plan: Plan) -> list[str]:
    """Everything after the ``unit:`` line up to the commendations: the same for every unit."""
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
    lines.append(f"{_key(section.key)}:")
    if section.kind is Kind.ITEMS:
        lines.append(f"  # {section.example}")
        return lines
    for letter, part in zip("abcdefghijklmnopqrstuvwxyz", section.children, strict=False):
        lines.extend(_heading(part, f"{letter})", 2))
        lines.append(f"  {_key(part.key)}:")
        lines.append(f"    # {part.example}")
    return lines


def _indicator_lines(field: Field) -> list[str]:
    lines = _comments(
        f"{field.title.upper()}: {field.guidance} Ghi số sau dấu hai chấm, viết liền không dấu "
        "phân cách hàng nghìn (1000, không ghi 1.000); số thập phân dùng dấu phẩy, trong ngoặc "
        'kép ("96,5").', 0,
    )
    lines.append(f"{INDICATORS_KEY}:")
    width = max(len(_key(f.key)) for f in field.children) + 1
    for figure in field.children:
        measure = f", đơn vị tính: {figure.measure}" if figure.measure else ""
        note = f"{figure.title}{measure}; {figure.type_name}, ví dụ {figure.example}"
        lines.append(f"  {_key(figure.key) + ':':<{width}}   # {' '.join(note.split())}")
    return lines


# What the commented example proposals say, besides the plan's first form
_EXAMPLES = {
    COLLECTIVE: (("name", '"Chi bộ khu dân cư số 5"'),
                 ("achievement", '"Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2020-2024)."')),
    INDIVIDUAL: (("name", '"Nguyễn Văn A"'), ("position", '"Bí thư Chi bộ khu dân cư số 5"'),
                 ("birth_year", "1975"), ("gender", "nam"),
                 ("achievement", '"Lãnh đạo chi bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ."')),
}


def quota_limits(limits: tuple[int | None, int | None]) -> str:
    """What a unit may propose, in the same words in its YAML form and on the HTML page:
    ``tối đa 2 tập thể, không giới hạn số cá nhân``."""
    said = []
    for kind, limit in zip((COLLECTIVE, INDIVIDUAL), limits, strict=True):
        title = KIND_TITLES[kind]
        said.append(f"không giới hạn số {title}" if limit is None
                    else f"không đề nghị {title}" if limit == 0 else f"tối đa {limit} {title}")
    return ", ".join(said)


def _commendation_lines(field: Field, number: int, limits: tuple[int | None, int | None]) -> list[str]:
    """The ``commendations:`` section of a unit whose quota is ``limits``: what each key of a
    proposal holds, the plan's forms to copy, and a commented example of each kind."""
    required = "bắt buộc" if field.required else "không bắt buộc"
    lines = ["", *_comments(f"{number}. {field.title.upper()} ({required})", 0)]
    lines.extend([*_comments(field.guidance, 0), *_comments(f"Chỉ tiêu của đơn vị: {quota_limits(limits)}.", 0)])
    lines.append("# Mỗi đề nghị gồm các mục:")
    for key in (child for child in field.children if child.key in FORM_PROPOSAL_KEYS):
        lines.extend(textwrap.wrap(f"{key.key} ({key.title}): {key.guidance}", _WIDTH, break_on_hyphens=False,
                                   initial_indent="#   ", subsequent_indent="#     "))
    keys = [child.key for child in field.children]
    forms = field.children[keys.index("form")].choices
    lines.append('# Các hình thức khen thưởng của kế hoạch (chép nguyên một dòng, cả dấu ngoặc kép, sau "form: "):')
    lines.extend(f"#   {quote(form)}" for form in forms)
    lines.append("# Ví dụ (bỏ dấu # ở đầu các dòng của một đề nghị rồi sửa nội dung):")
    lines.append(f"{COMMENDATIONS_KEY}:")
    for kind, limit in zip((COLLECTIVE, INDIVIDUAL), limits, strict=True):
        if limit == 0:
            continue
        pairs = [("kind", kind), *_EXAMPLES[kind], ("form", quote(forms[0]))]
        pairs.sort(key=lambda pair: keys.index(pair[0]))
        lines.extend(f"  # {'- ' if i == 0 else '  '}{key}: {value}" for i, (key, value) in enumerate(pairs))
    return lines


@dataclass(frozen=True, slots=True)
class FormTemplate:
    """The text every unit's form shares, built once: thousands of forms differ only in the
    unit's name and id."""

    plan: Plan
    about: str  # the plan and its deadline
    guide: str  # how to fill in, down to the unit line
    body: str  # after the unit line
    schema: str
    commendations: tuple[str, ...] = ()  # the section for each quota (UnitFormat.quotas)
    quota_of: dict[str, int] | None = None  # unit id -> its quota's index

    def render(self, unit_id: str) -> str:
        """The form of one unit of the plan."""
        name = " ".join(self.plan.unit_ids[unit_id].name.split())
        tail = self.commendations[self.quota_of[unit_id]] if self.quota_of else ""
        return (
            f"# yaml-language-server: $schema={self.schema}\n# BÁO CÁO CỦA: {name}\n"
            f"{self.about}#   sokket validate {unit_id}.yaml\n{self.guide}"
            f"{UNIT_KEY}: {quote(unit_id)}\n{self.body}{tail}"
        )


def form_template(plan: Plan, schema: str = SCHEMA_NAME) -> FormTemplate:
    """The shared text of ``plan``'s forms; ``schema`` is the schema's path from the forms."""
    deadline = f"; hạn gửi {vn_date(plan.deadline)}" if plan.deadline else ""
    about = [
        *_comments(f"Theo Kế hoạch số {plan.code} của {plan.issuer}{deadline}.", 0),
        *_comments(f"Về: {plan.subject}.", 0),
        "# Điền vào chỗ trống rồi gửi lại tệp này (lưu bằng bảng mã UTF-8). Trước khi gửi, kiểm tra:",
    ]
    guide = [
        "#",
        *_how_to(plan.unit_format),
        "",
        *_comments(plan.unit_format.field(UNIT_KEY).guidance + " Không sửa dòng này.", 0),
    ]
    file_format = plan.unit_format
    tails: tuple[str, ...] = ()
    quota_of = None
    if COMMENDATIONS_KEY in file_format.keys:
        number = len(file_format.sections) + 1
        field = file_format.field(COMMENDATIONS_KEY)
        tails = tuple("\n".join(_commendation_lines(field, number, limits)) + "\n" for limits in file_format.quotas)
        quota_of = dict(zip(plan.unit_ids, file_format.unit_quotas, strict=True))
    return FormTemplate(
        plan, "\n".join(about) + "\n", "\n".join(guide) + "\n", "\n".join(_body(plan)) + "\n", schema,
        tails, quota_of,
    )
