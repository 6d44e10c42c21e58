"""What a unit file holds, derived from the plan: the one description of the format.

validate reads unit files against it; the JSON Schema, the YAML forms, the HTML form's checks
and the Word import's section matching are generated from it. So the format (its keys, titles,
shapes, what is required, the messages for a missing or empty section) is written here once,
and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from sokket_cli.check.numbers import DECIMAL, INTEGER, PERCENT

if TYPE_CHECKING:
    from sokket_cli.check.plan import Plan

UNIT_KEY = "unit"
SUBMITTED_KEY = "submitted"
INDICATORS_KEY = "indicators"
ITEM_TEXT_KEY = "text"
ITEM_CHILDREN_KEY = "items"
ITEM_KEYS = (ITEM_TEXT_KEY, ITEM_CHILDREN_KEY)
UNPLACED_KEY = "unplaced"  # text a converter could not place: validate refuses it until moved
RESERVED_KEYS = (UNIT_KEY, SUBMITTED_KEY, INDICATORS_KEY, UNPLACED_KEY)  # no section takes these
ITEM_EXAMPLE = '- "Đã tổ chức 45 hội nghị quán triệt."'
DATE_EXAMPLE = "2021-06-30"
SCHEMA_NAME = "unit.schema.json"  # the JSON Schema of unit files, written beside the forms
# How each indicator type is named to a clerk and written in a file (check/numbers.py types)
NUMBER_TYPE_NAMES = {INTEGER: "số nguyên", DECIMAL: "số thập phân", PERCENT: "tỷ lệ %"}
NUMBER_EXAMPLES = {INTEGER: "45", DECIMAL: '"12,5"', PERCENT: '"96,5"'}


class Kind(str, Enum):
    """The shape of a field's value in the unit file."""

    UNIT = "unit"  # one of the plan's unit ids
    DATE = "date"  # 2021-06-30 or 30/6/2021
    ITEMS = "items"  # a list of items: text, or {text, items}
    PARTS = "parts"  # a mapping of part keys, each holding items
    INDICATORS = "indicators"  # a mapping of indicator keys, each a number
    NUMBER = "number"  # one indicator's figure, as written


@dataclass(frozen=True, slots=True)
class Field:
    """One key of the unit file; ``path`` is dotted (``causes.objective``, ``indicators.x``)."""

    key: str
    path: str
    title: str
    kind: Kind
    required: bool
    guidance: str = ""
    children: tuple[Field, ...] = ()
    number_type: str = ""  # for NUMBER: integer, decimal or percent (check/numbers.py)
    measure: str = ""  # for NUMBER: the unit of measure (người, hội nghị...)
    aliases: tuple[str, ...] = ()  # other titles units give a section or part (Word import)

    @property
    def holds_items(self) -> bool:
        return self.kind in (Kind.ITEMS, Kind.PARTS)

    @property
    def example(self) -> str:
        """A value as a clerk would write it here (YAML), for forms and help texts."""
        if self.kind is Kind.NUMBER:
            return NUMBER_EXAMPLES.get(self.number_type, NUMBER_EXAMPLES[INTEGER])
        if self.kind is Kind.DATE:
            return DATE_EXAMPLE
        if self.kind is Kind.ITEMS:
            return ITEM_EXAMPLE
        return ""

    @property
    def type_name(self) -> str:
        """For a figure: its type in Vietnamese (số nguyên...); empty for other fields."""
        return NUMBER_TYPE_NAMES.get(self.number_type, "") if self.kind is Kind.NUMBER else ""

    def missing_message(self, parent: Field | None = None) -> str:
        """What a clerk is told when this section (or part) is absent."""
        if parent is None:
            return (
                f"Thiếu mục '{self.key}' ({self.title}). Hãy thêm dòng '{self.key}:' và các ý "
                "bên dưới, mỗi ý một dòng bắt đầu bằng '- '."
            )
        return (
            f"Thiếu {self.where(parent)}. Hãy thêm dòng '{self.key}:' (thụt vào dưới "
            f"'{parent.key}:') và các ý bên dưới, mỗi ý một dòng bắt đầu bằng '- '."
        )

    def empty_message(self, parent: Field | None = None) -> str:
        """What a clerk is told when this required section (or part) has no item."""
        if parent is None:
            return f"{self.empty_statement()} Hãy ghi ít nhất một ý, mỗi ý một dòng bắt đầu bằng '- '."
        return self.empty_statement(parent)

    def empty_statement(self, parent: Field | None = None) -> str:
        """That this section (or part) has no item, without the YAML advice (for the HTML form)."""
        where = self.where(parent)
        return f"{where[0].upper()}{where[1:]} chưa có nội dung."

    def where(self, parent: Field | None = None) -> str:
        """How messages name this place: ``mục 'lessons' (Bài học kinh nghiệm)``."""
        if parent is None:
            return f"mục '{self.key}' ({self.title})"
        return f"phần '{self.key}' ({self.title}) của mục '{parent.key}'"


@dataclass(frozen=True, slots=True)
class UnitFormat:
    """The fields of a unit file in the order a file (and the report) lists them."""

    fields: tuple[Field, ...]
    unit_choices: tuple[tuple[str, str], ...]  # (id, name) in plan order

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def sections(self) -> tuple[Field, ...]:
        """The fields that hold report items (sections), in plan order."""
        return tuple(f for f in self.fields if f.holds_items)

    def field(self, path: str) -> Field:
        """The field at a dotted path; KeyError if the plan has none."""
        head, _, rest = path.partition(".")
        for top in self.fields:
            if top.key == head:
                if not rest:
                    return top
                for child in top.children:
                    if child.key == rest:
                        return child
        raise KeyError(path)

    def to_data(self) -> dict[str, Any]:
        """A plain, JSON-ready description (for generated checks outside Python)."""
        return {
            "units": [{"id": uid, "name": name} for uid, name in self.unit_choices],
            "fields": [_field_data(f, None) for f in self.fields],
        }


def _field_data(field: Field, parent: Field | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": field.key,
        "path": field.path,
        "title": field.title,
        "kind": field.kind.value,
        "required": field.required,
        "guidance": field.guidance,
    }
    if field.holds_items or (parent is not None and parent.kind is Kind.PARTS):
        data["missing_message"] = field.missing_message(parent)
        data["empty_message"] = field.empty_message(parent)
        data["empty_statement"] = field.empty_statement(parent)
    if field.kind is Kind.NUMBER:
        data["number_type"] = field.number_type
        data["measure"] = field.measure
        data["type_name"] = field.type_name
    if field.example:
        data["example"] = field.example
    if field.children:
        data["children"] = [_field_data(child, field) for child in field.children]
    return data


def unit_format(plan: Plan) -> UnitFormat:
    """Derive the unit-file format from the plan's sections and indicators."""
    fields: list[Field] = [
        Field(UNIT_KEY, UNIT_KEY, "Mã đơn vị", Kind.UNIT, True,
              "Mã đơn vị đúng như trong danh sách đơn vị của kế hoạch."),
        Field(SUBMITTED_KEY, SUBMITTED_KEY, "Ngày gửi báo cáo", Kind.DATE, False,
              "Ngày đơn vị gửi báo cáo, viết 2021-06-30 hoặc 30/6/2021."),
    ]
    for section in plan.sections:
        if section.parts:
            parts = tuple(
                Field(part.key, f"{section.key}.{part.key}", part.title, Kind.ITEMS,
                      section.required and part.required, part.guidance, aliases=part.aliases)
                for part in section.parts
            )
            fields.append(Field(section.key, section.key, section.title, Kind.PARTS,
                                section.required, section.guidance, parts,
                                aliases=section.aliases))
        else:
            fields.append(Field(section.key, section.key, section.title, Kind.ITEMS,
                                section.required, section.guidance, aliases=section.aliases))
    figures = tuple(
        Field(ind.key, f"{INDICATORS_KEY}.{ind.key}", ind.label, Kind.NUMBER, False,
              number_type=ind.type, measure=ind.unit)
        for ind in plan.indicators
    )
    fields.append(Field(INDICATORS_KEY, INDICATORS_KEY, "Số liệu", Kind.INDICATORS, False,
                        "Số liệu theo các chỉ tiêu của kế hoạch; để trống nếu không có.",
                        figures))
    choices = tuple((unit.id, unit.name) for unit in plan.units)
    return UnitFormat(tuple(fields), choices)
