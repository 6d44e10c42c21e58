"""Where a collection stands, as data for scripts: the JSON document and the CSV sheet of
``sokket status`` (:mod:`sokket_cli.check.status` builds the report they show)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sokket_cli.check.commendations import Quota
from sokket_cli.check.status import ProposalCount, StatusReport, UnitRow

BOM = "\ufeff"


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _quota_data(quota: Quota) -> dict[str, int | None]:
    return {"collectives": quota.collectives, "individuals": quota.individuals}


def _proposals_data(count: ProposalCount | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {
        "collectives": count.collectives,
        "individuals": count.individuals,
        "quota": _quota_data(count.quota),
        "over_quota": count.over_quota,
    }


def _commendations_data(report: StatusReport) -> dict[str, Any]:
    """The plan's block and the proposals two units make (only when the plan has the block)."""
    block = report.plan.commendations
    assert block is not None
    return {
        "title": block.title,
        "forms": list(block.forms),
        "quota": _quota_data(block.quota),
        "required": block.required,
        "duplicates": [
            {
                "unit": shared.unit_id,
                "kind": shared.proposal.kind,
                "name": shared.proposal.name,
                "birth_year": shared.proposal.birth_year,
                "line": shared.proposal.line,
                "column": shared.proposal.column,
                "other_units": list(shared.others),
                "more": shared.more,
            }
            for shared in report.shared_proposals
        ],
    }


def status_document(report: StatusReport, rows: Iterable[UnitRow] | None = None) -> dict[str, Any]:
    """The ``--format json`` document of SPEC.md; with the plan's ``commendations:`` block,
    each unit also has ``commendations`` (sent, quota) and the document a ``commendations``
    part (the block, and the proposals two units make)."""
    plan, summary = report.plan, report.summary
    asked = plan.commendations is not None
    document = {
        "plan": {
            "code": plan.code,
            "date": _iso(plan.date),
            "issuer": plan.issuer,
            "subject": plan.subject,
            "deadline": _iso(plan.deadline),
            "today": report.today.isoformat(),
            "days_left": report.days_left,
        },
        "summary": {
            "total": summary.total,
            "valid": summary.valid,
            "late": summary.late,
            "invalid": summary.invalid,
            "missing": summary.missing,
            "unknown": summary.unknown,
            "duplicate": summary.duplicate,
        },
        "units": [
            {
                "id": row.id,
                "name": row.name,
                "group": row.group,
                "state": row.state.value,
                "file": row.file,
                "submitted": _iso(row.submitted),
                "errors": row.errors,
                "warnings": row.warnings,
                **({"commendations": _proposals_data(row.proposals)} if asked else {}),
            }
            for row in (report.rows if rows is None else rows)
        ],
        "extra_files": [
            {"file": extra.file, "state": extra.state.value, "unit": extra.unit}
            for extra in report.extra_files
        ],
    }
    if asked:
        document["commendations"] = _commendations_data(report)
    return document


def status_json(report: StatusReport, rows: Iterable[UnitRow] | None = None) -> str:
    return json.dumps(status_document(report, rows), ensure_ascii=False, indent=2)


CSV_HEADER = (
    "Nhóm", "Mã đơn vị", "Tên đơn vị", "Tình trạng", "Tệp", "Ngày nộp", "Số lỗi",
    "Số cảnh báo", "Ghi chú",
)
#: After the others (their places stay), when the plan asks for proposals.
CSV_PROPOSAL_HEADER = ("Tập thể đề nghị", "Chỉ tiêu tập thể", "Cá nhân đề nghị", "Chỉ tiêu cá nhân")


#: Vietnamese Windows lists with ';' (its decimal mark is ','), and Excel splits a CSV it
#: opens by double-click on the list separator of the machine's region.
DEFAULT_SEPARATOR = ";"
# Excel reads a cell that starts with one of these as a formula (CSV injection, OWASP).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text as Excel will show it, never as a formula: a leading ``'`` makes it plain text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def status_csv(
    report: StatusReport, rows: Iterable[UnitRow] | None = None, separator: str = DEFAULT_SEPARATOR
) -> str:
    """A sheet for Excel: UTF-8 with BOM (else Excel shows the Vietnamese as mojibake), CRLF
    line ends, ``;`` between cells unless told otherwise, dates as ISO ``2021-06-30`` (read as a
    date in every Excel locale, where ``01/07/2021`` would become 7 January under an English
    one), and no cell Excel would run as a formula (ids, names and file names come from unit
    files). Files set aside follow the units with their problem as the note."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    asked = report.plan.commendations is not None
    writer.writerow(CSV_HEADER + (CSV_PROPOSAL_HEADER if asked else ()))
    names = {unit.id: unit.name for unit in report.plan.units}
    blank = ("",) * len(CSV_PROPOSAL_HEADER) if asked else ()
    for row in report.rows if rows is None else rows:
        writer.writerow((
            _cell(row.group), _cell(row.id), _cell(row.name), row.state.label, _cell(row.file or ""),
            _iso(row.submitted) or "", row.errors, row.warnings, "",
            *(_proposal_cells(row.proposals) if asked else ()),
        ))
    if rows is None:
        for extra in report.extra_files:
            writer.writerow((
                "", _cell(extra.unit or ""), _cell(names.get(extra.unit or "", "")), extra.state.label,
                _cell(extra.file), "", "", "", _cell(extra.problem), *blank,
            ))
    return BOM + buffer.getvalue()


def _proposal_cells(count: ProposalCount | None) -> tuple[int | str, ...]:
    """Sent and quota of each kind; blank when nothing was sent or there is no quota."""
    if count is None:
        return ("",) * len(CSV_PROPOSAL_HEADER)
    quota = count.quota
    return (
        count.collectives, "" if quota.collectives is None else quota.collectives,
        count.individuals, "" if quota.individuals is None else quota.individuals,
    )
