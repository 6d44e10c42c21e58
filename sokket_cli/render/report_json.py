"""The merged report as data (``compile --format json``): what the templates render, by point.

Stable for scripts: sections in plan order with their parts; in each, the entries (points)
shared by more units first, each with its representative ``text``, all its ``units``, every
distinct wording in ``variants`` (with that wording's own ``units`` and nested ``items``) and
the ``shared`` terms that joined them; the compiled, missing, skipped and late units; the
indicator totals; with the plan's ``commendations:`` block, ``commendations`` (the compiled
proposals: counts by kind and form, each form's proposals by unit, the ones two units make).
Dates are ``YYYY-MM-DD``; figures are numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sokket_cli.check.numbers import as_number
from sokket_cli.check.plan import LAYOUTS
from sokket_cli.merge.commendations import CompiledCommendations
from sokket_cli.merge.figures import aggregate
from sokket_cli.merge.outline import MergedReport
from sokket_cli.render.context import template_context

FORMAT_VERSION = 1


def report_json(
    merged: MergedReport,
    signing_date: date | None = None,
    commendations: CompiledCommendations | None = None,
) -> str:
    """The JSON document (UTF-8 text, Vietnamese kept as written)."""
    data = template_context(merged, signing_date, layout=LAYOUTS[0], commendations=commendations)
    plan = merged.plan
    document = {
        "format_version": FORMAT_VERSION,
        "plan": {key: data["plan"][key] for key in ("code", "date", "issuer", "subject", "deadline")},
        "sections": [
            {
                "key": section["key"],
                "title": section["title"],
                "entries": _points(section["points"]),
                "parts": [
                    {"key": part["key"], "title": part["title"], "entries": _points(part["points"])}
                    for part in section["parts"]
                ],
            }
            for section in data["sections"]
        ],
        "compiled": [
            {
                **_unit(summary["unit"]),
                "submitted": summary["submitted"],
                "late": summary["late"],
                "indicators": summary["indicators"],
            }
            for summary in data["compiled"]
        ],
        "missing": _units(data["missing"]),
        "skipped": _units(data["skipped"]),
        "late": _units(data["late"]),
        "totals": {
            indicator.key: aggregate(
                indicator, (s.indicators.get(indicator.key) for s in merged.compiled)
            )
            for indicator in plan.indicators
        },
    }
    if data["commendations"] is not None:
        document["commendations"] = _commendations(data["commendations"])
    return json.dumps(document, ensure_ascii=False, indent=2, default=_plain) + "\n"


def _points(points: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "text": point["text"],
            "units": _units(point["units"]),
            "items": _items(point["items"]),
            "variants": [
                {"text": v["text"], "units": _units(v["units"]), "items": _items(v["items"])}
                for v in point["variants"]
            ],
            "shared": point["shared"],
        }
        for point in points
    ]


def _commendations(data: dict[str, Any]) -> dict[str, Any]:
    """Counts overall and per form; per form, each proposing unit with its proposals."""
    counts = ("collectives", "individuals", "total")
    return {
        "title": data["title"],
        **{key: data[key] for key in counts},
        "units": data["units"],
        "forms": [
            {
                "form": form["form"],
                **{key: form[key] for key in counts},
                "units": [
                    {
                        **_unit(group["unit"]),
                        "proposals": [
                            {
                                key: row[key]
                                for key in ("number", "kind", "name", "position", "birth_year",
                                            "gender", "achievement", "proposed_by", "proposer")
                            }
                            for row in group["rows"]
                        ],
                    }
                    for group in form["groups"]
                ],
            }
            for form in data["forms"]
        ],
        "duplicates": [
            {
                "unit": _unit(shared["unit"]),
                "kind": shared["kind"],
                "name": shared["name"],
                "birth_year": shared["birth_year"],
                "other_units": _units(shared["others"]),
                "more": shared["more"],
            }
            for shared in data["shared"]
        ],
    }


def _items(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"text": item["text"], "items": _items(item["items"])} for item in items]


def _unit(unit: dict[str, Any]) -> dict[str, Any]:
    return {"id": unit["id"], "name": unit["name"]}


def _units(units: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [_unit(unit) for unit in units]


def _plain(value: object) -> object:
    """Dates as ISO text; figures as JSON numbers (whole numbers without a decimal point)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return as_number(value)
    raise TypeError(f"not JSON data: {type(value).__name__}")
