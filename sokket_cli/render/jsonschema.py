"""A JSON Schema (draft 2020-12) of a plan's unit files, for editors that check as you type.

VS Code's YAML extension reads it from the ``# yaml-language-server: $schema=`` line of a form:
it completes the keys, shows the Vietnamese titles on hover and underlines what validate would
refuse or warn about. validate stays the authority (it also checks sums, encodings, dates);
the schema is derived from the same :class:`UnitFormat` and never stricter than validate.
The editor reads YAML 1.2: ``45`` is a number, ``2021-06-30`` and ``"96,5"`` are strings.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sokket_cli.check.numbers import DECIMAL, PERCENT, as_number
from sokket_cli.check.plan import Plan
from sokket_cli.check.unitformat import (
    ITEM_CHILDREN_KEY,
    ITEM_EXAMPLE,
    ITEM_TEXT_KEY,
    Field,
    Kind,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE = r"^\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4})\s*$"
_NUMBER_PATTERNS = {  # figures as written in quotes (check/numbers.py decides the rest)
    DECIMAL: r"^\s*-?[0-9]+([.,][0-9]+)?\s*$",
    PERCENT: r"^\s*[0-9]+([.,][0-9]+)?\s*%?\s*$",
}
_INTEGER_PATTERN = r"^\s*[0-9]+\s*$"
_NOT_BLANK = r"\S"


def _item_defs() -> dict[str, Any]:
    scalar = {"type": ["number", "boolean"]}
    return {
        "item": {
            "title": "Một ý",
            "description": f"Một câu trong ngoặc kép ({ITEM_EXAMPLE}), hoặc một ý có ý nhỏ: "
            f"'{ITEM_TEXT_KEY}:' là ý lớn, '{ITEM_CHILDREN_KEY}:' là danh sách các ý nhỏ.",
            "anyOf": [
                {"type": "string", "pattern": _NOT_BLANK},
                scalar,
                {
                    "type": "object",
                    "required": [ITEM_TEXT_KEY],
                    "additionalProperties": False,
                    "properties": {
                        ITEM_TEXT_KEY: {
                            "title": "Nội dung ý lớn",
                            "anyOf": [{"type": "string", "pattern": _NOT_BLANK}, scalar],
                        },
                        ITEM_CHILDREN_KEY: {
                            "title": "Các ý nhỏ",
                            "type": ["array", "null"],
                            "items": {"$ref": "#/$defs/item"},
                        },
                    },
                },
            ],
        },
    }


def _described(field: Field) -> dict[str, Any]:
    data: dict[str, Any] = {"title": field.title}
    description = field.guidance
    if field.holds_items:
        required = "Bắt buộc." if field.required else "Không bắt buộc."
        description = f"{required} {description}".strip()
    if description:
        data["description"] = description
    return data


def _items(field: Field) -> dict[str, Any]:
    data = _described(field)
    data["items"] = {"$ref": "#/$defs/item"}
    if field.required:
        data.update(type="array", minItems=1)
    else:
        data["type"] = ["array", "null"]
    return data


def _number(field: Field) -> dict[str, Any]:
    data = _described(field)
    measure = f" (đơn vị tính: {field.measure})" if field.measure else ""
    data["description"] = f"{field.title}{measure}: {field.type_name}, ví dụ {field.example}."
    if field.number_type in _NUMBER_PATTERNS:
        number: dict[str, Any] = {"type": "number"}
        if field.number_type == PERCENT:
            number["minimum"] = 0
        text = {"type": "string", "pattern": _NUMBER_PATTERNS[field.number_type]}
    else:
        number = {"type": "integer", "minimum": 0}
        text = {"type": "string", "pattern": _INTEGER_PATTERN}
    # the plan's bounds, for a figure written as a number (a text figure is checked by validate)
    if field.minimum is not None:
        number["minimum"] = as_number(max(Decimal(number.get("minimum", field.minimum)), field.minimum))
    if field.maximum is not None:
        number["maximum"] = as_number(field.maximum)
    data["anyOf"] = [number, text, {"type": "null"}]
    return data


def _text(field: Field) -> dict[str, Any]:
    """A line of text; a choice offers its values, but validate folds case and spaces
    ('Tập thể'), so any text passes here too."""
    text: dict[str, Any] = {"type": "string", "pattern": _NOT_BLANK}
    options = [{"enum": list(field.choices)}] if field.choices else []
    return {**_described(field), "anyOf": [*options, text, {"type": ["number", "boolean"]}]}


def _proposals(field: Field, unit_ids: list[str]) -> dict[str, Any]:
    """The ``commendations:`` list: one mapping per proposal, its always-required keys."""
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": [c.key for c in field.children if c.required],
        "properties": {c.key: _field(c, unit_ids) for c in field.children},
    }
    return {**_described(field), "type": ["array", "null"], "items": entry}


def _field(field: Field, unit_ids: list[str]) -> dict[str, Any]:
    if field.kind is Kind.PROPOSALS:
        return _proposals(field, unit_ids)
    if field.kind in (Kind.TEXT, Kind.CHOICE):
        return _text(field)
    if field.kind is Kind.UNIT:
        return {**_described(field), "type": "string", "enum": unit_ids}
    if field.kind is Kind.DATE:
        return {**_described(field), "type": "string", "pattern": _DATE}
    if field.kind is Kind.ITEMS:
        return _items(field)
    if field.kind is Kind.NUMBER:
        return _number(field)
    children = {child.key: _field(child, unit_ids) for child in field.children}
    data = {**_described(field), "type": "object", "properties": children,
            "additionalProperties": False}
    if field.kind is Kind.PARTS:
        data["required"] = [c.key for c in field.children if c.required and field.required]
        if not field.required:
            data["type"] = ["object", "null"]
    else:
        data["type"] = ["object", "null"]
    return data


def unit_schema(plan: Plan) -> dict[str, Any]:
    """The schema as plain data; ``schema_json`` writes it."""
    file_format = plan.unit_format
    unit_ids = [uid for uid, _ in file_format.unit_choices]
    return {
        "$schema": DRAFT,
        "title": f"Báo cáo của đơn vị theo Kế hoạch số {plan.code}",
        "description": f"{plan.issuer}: {plan.subject}",
        "type": "object",
        "required": [f.key for f in file_format.fields if f.required],
        "additionalProperties": False,
        "properties": {f.key: _field(f, unit_ids) for f in file_format.fields},
        "$defs": _item_defs(),
    }


def schema_json(plan: Plan) -> str:
    """The schema as UTF-8 JSON text (Vietnamese kept readable, not escaped)."""
    return json.dumps(unit_schema(plan), ensure_ascii=False, indent=2) + "\n"
