"""What a template sees: the merged report as plain data, documented in templates/README.md.

Templates arrive by e-mail, so they are untrusted: they get strings, numbers, dates,
booleans, None, and tuples and dicts of those, never a path or an object with methods of
its own (a ``pathlib.Path`` in the context let a template read and write any file).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sokket_cli.check.plan import LAYOUTS, Indicator, Plan, PlanUnit, ReportSettings
from sokket_cli.check.unit import Item
from sokket_cli.check.unitformat import KIND_TITLES
from sokket_cli.merge.commendations import CompiledCommendations, Counts, ProposalRow
from sokket_cli.merge.figures import FigureTable, RowKind, build_table, cell_text
from sokket_cli.merge.outline import Entry, MergedPart, MergedReport, MergedSection, Point
from sokket_cli.render.filters import ends_colon, ends_sentence, unit_names, without_colon

# Exactly these types (not subclasses: ``datetime`` is a ``date`` with methods that reach more).
PLAIN_TYPES: frozenset[type] = frozenset(
    {str, int, float, Decimal, bool, type(None), date, tuple, list, dict}
)
WIDE_TABLE = 6  # more indicator columns than this go on a landscape page

Data = dict[str, Any]


def figure_table(merged: MergedReport) -> FigureTable:
    """The appendix table of the merged report (also what --xlsx writes)."""
    return build_table(merged.plan, {s.unit.id: s.indicators for s in merged.compiled})


def template_context(
    merged: MergedReport,
    signing_date: date | None,
    table: FigureTable | None = None,
    layout: str | None = None,
    commendations: CompiledCommendations | None = None,
) -> Data:
    """The template context: plain data only, built once before rendering.

    ``layout`` (the plan's ``report.layout`` unless given) is ``theo-y``, by point, or
    ``theo-don-vi``, by unit; each section carries what its layout needs. ``commendations``
    is the compiled list of proposals (None when the plan asks for none: no appendix).
    """
    plan = merged.plan
    layout = layout or plan.report.layout
    units = {unit.id: _unit(unit) for unit in plan.units}
    alone: dict[str, tuple[Data, ...]] = {key: (unit,) for key, unit in units.items()}  # one-unit entries
    report = _report(plan.report)
    year = next(
        (d.year for d in (signing_date, plan.deadline, plan.date) if d is not None), date.today().year
    )
    return {
        "plan": _plan(plan, units, report),
        "report": report,
        "layout": layout,
        "sections": tuple(
            {
                **_outline(section, alone, layout),
                "parts": tuple(_outline(part, alone, layout) for part in section.parts),
            }
            for section in merged.sections
        ),
        "summary_tables": _summary_tables(merged, alone) if layout == LAYOUTS[0] else (),
        "compiled": tuple(
            {
                "unit": units[s.unit.id],
                "submitted": s.submitted,
                "late": s.late,
                "indicators": dict(s.indicators),
            }
            for s in merged.compiled
        ),
        "late": tuple(units[s.unit.id] for s in merged.compiled if s.late),
        "missing": tuple(units[u.id] for u in merged.missing),
        "skipped": tuple(units[u.id] for u in merged.skipped),
        "total_units": len(plan.units),
        "signing_date": signing_date,
        "year": year,
        "commendations": _commendations(commendations, units) if commendations is not None else None,
        **_figures(table if table is not None else figure_table(merged)),
    }


def _unit(unit: PlanUnit) -> Data:
    return {"id": unit.id, "name": unit.name, "group": unit.group}


def _indicator(indicator: Indicator) -> Data:
    return {
        "key": indicator.key,
        "label": indicator.label,
        "unit": indicator.unit,
        "type": indicator.type,
        "aggregate": indicator.aggregate,
        "sum_of": indicator.sum_of,
    }


def _report(settings: ReportSettings) -> Data:
    signer = settings.signer
    return {
        "format": settings.format,
        "parent_organ": settings.parent_organ,
        "organ": settings.organ,
        "number": settings.number,
        "place": settings.place,
        "title": settings.title,
        "summary": settings.summary,
        "signer": {"authority": signer.authority, "position": signer.position, "name": signer.name},
        "recipients": settings.recipients,
        "layout": settings.layout,
    }


def _plan(plan: Plan, units: dict[str, Data], report: Data) -> Data:
    return {
        "code": plan.code,
        "date": plan.date,
        "issuer": plan.issuer,
        "subject": plan.subject,
        "deadline": plan.deadline,
        "report": report,
        "units": tuple(units.values()),
        "sections": tuple(
            {
                "key": section.key,
                "title": section.title,
                "required": section.required,
                "parts": tuple(
                    {"key": part.key, "title": part.title, "required": part.required}
                    for part in section.parts
                ),
            }
            for section in plan.sections
        ),
        "indicators": tuple(_indicator(indicator) for indicator in plan.indicators),
    }


def _entries(entries: Iterable[Entry], units: dict[str, tuple[Data, ...]]) -> list[Data]:
    """The bulk of the context (~84,000 entries for 3,000 units), so built cheaply: most
    entries have one unit, whose one-unit tuple is shared (the immutable sandbox lets no
    template change it); one empty tuple serves every entry without units or sub-items."""
    return [
        {
            "text": entry.text,
            "units": _units_of(entry, units) if entry.units else (),
            "items": _entries(entry.items, units) if entry.items else (),
        }
        for entry in entries
    ]


def _outline(part: MergedSection | MergedPart, alone: dict[str, tuple[Data, ...]], layout: str) -> Data:
    """A section or part: its entries, and its points (by point) or each unit's items."""
    by_point = layout == LAYOUTS[0]
    entries = _entries(part.entries, alone)
    as_data = {id(entry): data for entry, data in zip(part.entries, entries, strict=True)}
    return {
        "key": part.key,
        "title": part.title,
        "entries": entries,
        "points": [_point(point, alone, as_data) for point in part.points] if by_point else [],
        "by_unit": [] if by_point else [
            {"unit": alone[reported.unit.id][0], "items": _items(reported.items)}
            for reported in part.by_unit
        ],
    }


def _point(point: Point, alone: dict[str, tuple[Data, ...]], as_data: dict[int, Data]) -> Data:
    """One point: its representative wording, all its units, and every wording with its own
    (the section's entries already made data, shared rather than built twice)."""
    variants = [as_data[id(entry)] for entry in point.variants]
    first = variants[0]
    text: str = first["text"]
    units = tuple([alone[unit.id][0] for unit in point.units])
    names = unit_names(units)
    return {
        "text": text,
        "items": first["items"],
        "units": units,
        "variants": variants,
        "shared": list(point.shared),
        # the by-point lines written out here: a filter or test called per wording from the
        # template costs several times more (~70,000 wordings for 3,000 units)
        "lead": without_colon(text),
        "attribution": f"{len(units)} đơn vị: {names}" if len(units) > 1 else names,
        "close": ":" if ends_colon(text) else "" if ends_sentence(text) else ".",
        "other_wordings": [
            {"line": _wording_line(variant), "items": variant["items"]} for variant in variants[1:]
        ],
    }


def _wording_line(variant: Data) -> str:
    """``text (units)``, the colon that leads into sub-items after the units."""
    text: str = variant["text"]
    colon = ":" if ends_colon(text) else ""
    return f"{without_colon(text)} ({unit_names(variant['units'])}){colon}"


def _items(items: Iterable[Item]) -> list[Data]:
    return [{"text": item.text, "items": _items(item.items)} for item in items]


def _summary_tables(merged: MergedReport, alone: dict[str, tuple[Data, ...]]) -> list[Data]:
    """The points of each section the plan tables (recommendations by default), most units
    first: STT | content | units | number of units."""
    tables: list[Data] = []
    for section, planned in zip(merged.sections, merged.plan.sections, strict=True):
        if not planned.tabled:
            continue
        points = [point for part in (section.parts or (section,)) for point in part.points]
        rows = sorted(points, key=lambda point: -len(point.units))  # stable: ties keep order
        tables.append(
            {
                "key": section.key,
                "title": section.title,
                "rows": [
                    {"text": p.variants[0].text, "units": tuple([alone[u.id][0] for u in p.units])}
                    for p in rows
                ],
            }
        )
    return tables


def _counts(counts: Counts) -> Data:
    return {
        "collectives": counts.collectives,
        "individuals": counts.individuals,
        "total": counts.total,
        "text": counts.text(),
    }


def _commendations(compiled: CompiledCommendations, units: dict[str, Data]) -> Data:
    """The list of proposals: per form (the plan's order) the proposing units in plan order,
    each with its rows; the counts also as text (``34 tập thể, 52 cá nhân``)."""
    return {
        "title": compiled.title,
        **_counts(compiled.counts),
        "units": compiled.units,
        "forms": tuple(
            {
                "form": table.form,
                **_counts(table.counts),
                "groups": tuple(
                    {"unit": units[group.unit.id], "rows": tuple(_proposal_row(row) for row in group.rows)}
                    for group in table.units
                ),
            }
            for table in compiled.forms
        ),
        "shared": tuple(
            {
                "unit": units[shared.unit_id],
                "kind": shared.proposal.kind,
                "name": shared.proposal.name,
                "birth_year": shared.proposal.birth_year,
                "others": tuple(units[other] for other in shared.others),
                "more": shared.more,
            }
            for shared in compiled.shared
        ),
    }


def _proposal_row(row: ProposalRow) -> Data:
    proposal = row.proposal
    return {
        "number": row.number,
        "kind": proposal.kind,
        "kind_title": KIND_TITLES[proposal.kind],
        "name": proposal.name,
        "position": proposal.position,
        "birth_year": proposal.birth_year,
        "gender": proposal.gender,
        "achievement": proposal.achievement,
        "proposer": row.proposer,
        "proposed_by": proposal.proposed_by,
        "also_by": row.also_by,
        "note": row.note(),
    }


def _units_of(entry: Entry, units: dict[str, tuple[Data, ...]]) -> tuple[Data, ...]:
    if len(entry.units) == 1:
        return units[entry.units[0].id]
    return tuple([units[unit.id][0] for unit in entry.units])


def _figures(table: FigureTable) -> Data:
    """``figures`` (the appendix table as text cells) and ``totals`` (key -> total as text)."""
    indicators = table.indicators
    rows: list[Data] = []
    number = 0
    for row in table.rows:
        is_unit = row.kind is RowKind.UNIT
        number += is_unit
        rows.append(
            {
                "kind": row.kind.value,
                "number": number if is_unit else "",
                "label": row.label,
                "reported": row.reported,
                "cells": [cell_text(v, row, ind) for v, ind in zip(row.values, indicators, strict=True)],
            }
        )
    total = table.total
    reported = tuple(
        {"label": ind.label, "unit": ind.unit, "text": cell_text(value, total, ind)}
        for ind, value in zip(indicators, total.values, strict=True)
        if value is not None
    )
    return {
        "figures": {
            "indicators": tuple(_indicator(indicator) for indicator in indicators),
            "rows": tuple(rows),
            "wide": len(indicators) > WIDE_TABLE,
            "reported_totals": reported,
        },
        "totals": {
            ind.key: cell_text(value, total, ind)
            for ind, value in zip(indicators, total.values, strict=True)
        },
    }
