"""Where a collection stands: one row per plan unit, the files that match no unit, the counts.

Pure functions over plain data (a :class:`Plan`, a :class:`Collection` and the day to reckon
from); the ``status`` command only prints what is built here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from sokket_cli.check import shared_proposals
from sokket_cli.check.collect import Collection
from sokket_cli.check.commendations import ProposalList, Quota
from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import vn_date
from sokket_cli.check.shared_proposals import SharedProposal
from sokket_cli.check.unit import UnitFile
from sokket_cli.display import display_name, path_display
from sokket_cli.intake.discovery import SkippedFile


class State(str, Enum):
    """A plan unit is valid, late, invalid or missing; a file outside the table is unknown
    (its unit is not in the plan, or not given), duplicate (another file has its unit),
    unreadable (a unit file that could not be read) or skipped (not a unit file: not read)."""

    VALID = "valid"
    LATE = "late"
    INVALID = "invalid"
    MISSING = "missing"
    UNKNOWN = "unknown"
    DUPLICATE = "duplicate"
    UNREADABLE = "unreadable"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[State, str] = {
    State.VALID: "hợp lệ",
    State.LATE: "nộp muộn",
    State.INVALID: "có lỗi",
    State.MISSING: "chưa nộp",
    State.UNKNOWN: "không rõ đơn vị",
    State.DUPLICATE: "trùng đơn vị",
    State.UNREADABLE: "không đọc được",
    State.SKIPPED: "không đọc",
}

#: A unit in these states has what the plan asks for; any other state means chasing.
ACCEPTED = frozenset({State.VALID, State.LATE})


@dataclass(frozen=True, slots=True)
class ProposalCount:
    """How many proposals for commendation a unit sent, of each kind, against its quota."""

    collectives: int
    individuals: int
    quota: Quota

    @property
    def over_quota(self) -> bool:
        limits = ((self.collectives, self.quota.collectives), (self.individuals, self.quota.individuals))
        return any(limit is not None and sent > limit for sent, limit in limits)

    @property
    def cell(self) -> str:
        """``2/2 TT, 3/3 CN`` (sent/quota; no quota: ``2 TT``), for the narrow text table."""
        return ", ".join(
            f"{sent}/{limit} {abbr}" if limit is not None else f"{sent} {abbr}"
            for sent, limit, abbr in (
                (self.collectives, self.quota.collectives, "TT"),
                (self.individuals, self.quota.individuals, "CN"),
            )
        )


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: str
    name: str
    group: str
    state: State
    file: str | None  # as shown to the user (relative to the working folder when inside it)
    file_name: str | None  # the bare file name, for the narrow text table
    submitted: date | None
    errors: int
    warnings: int
    proposals: ProposalCount | None = None  # None: the plan asks for none, or nothing sent


@dataclass(frozen=True, slots=True)
class ExtraFile:
    """A file that is not (alone) in the table, with the problem that put it here."""

    file: str
    file_name: str
    state: State
    unit: str | None
    problem: str


@dataclass(frozen=True, slots=True)
class Summary:
    total: int
    valid: int
    late: int
    invalid: int
    missing: int
    unknown: int  # files
    duplicate: int  # files
    unreadable: int = 0  # files
    skipped: int = 0  # files that are not unit files

    @property
    def submitted(self) -> int:
        return self.valid + self.late + self.invalid

    @property
    def to_chase(self) -> int:
        return self.invalid + self.missing


@dataclass(frozen=True, slots=True)
class StatusReport:
    plan: Plan
    today: date
    rows: tuple[UnitRow, ...]
    extra_files: tuple[ExtraFile, ...]
    summary: Summary
    shared_proposals: tuple[SharedProposal, ...] = ()  # proposed by two units (see check)

    @property
    def days_left(self) -> int | None:
        """Days from today to the deadline; negative once it has passed."""
        deadline = self.plan.deadline
        return None if deadline is None else (deadline - self.today).days

    @property
    def ok(self) -> bool:
        """What ``--check`` asks: has every unit a valid (possibly late) report?"""
        return self.summary.to_chase == 0

    def groups(self) -> list[tuple[str, list[UnitRow]]]:
        """Rows under their group titles, groups in plan order."""
        grouped: dict[str, list[UnitRow]] = {group: [] for group in self.plan.groups}
        for row in self.rows:
            grouped[row.group].append(row)
        return [(group, rows) for group, rows in grouped.items() if rows]

    def to_chase(self) -> list[UnitRow]:
        return [row for row in self.rows if row.state not in ACCEPTED]


def _state_of(file: UnitFile, deadline: date | None) -> State:
    if not file.valid:
        return State.INVALID
    return State.LATE if file.late(deadline) else State.VALID


def _row(
    plan: Plan, unit_id: str, name: str, group: str, state: State, file: UnitFile | None,
    show: Callable[[Path], str],
) -> UnitRow:
    if file is None:
        return UnitRow(unit_id, name, group, state, None, None, None, 0, 0)
    report = file.report
    return UnitRow(
        unit_id, name, group, state, show(file.path), display_name(file.path), file.submitted,
        report.errors, report.warnings, _proposals(plan, group, file),
    )


def _proposals(plan: Plan, group: str, file: UnitFile) -> ProposalCount | None:
    if plan.commendations is None:
        return None
    sent = file.commendations or ProposalList()
    quota = plan.commendations.quota_for(group)
    return ProposalCount(sent.collectives, sent.individuals, quota)


def _problem(file: UnitFile, codes: Iterable[str]) -> str:
    """The message that explains why the file is set aside: one of ``codes`` if present,
    else its first error (a file that cannot be read has no unit at all)."""
    wanted = tuple(codes)
    problems = file.report.problems
    chosen = next((p for p in problems if p.code in wanted), None)
    chosen = chosen or next((p for p in problems if p.is_error), None)
    if chosen is None:
        return ""
    if chosen.code == "unreadable":  # about the whole file, not a place in it
        return chosen.message
    return f"{chosen.line}:{chosen.column}: {chosen.message}"


def build_status(
    plan: Plan,
    collection: Collection,
    today: date,
    show: Callable[[Path], str] | None = None,
    skipped: Sequence[SkippedFile] = (),
) -> StatusReport:
    """One row per plan unit in plan order, then the files set aside: unknown, duplicate,
    unreadable, and the ``skipped`` files of the folder that are not unit files.

    A unit claimed by several files, none of them named after it, is ``invalid`` (each file
    carries a ``duplicate-unit`` error); its row shows the first of them and all are listed in
    ``extra_files``. When one of them is named after the unit, the row is that file's.
    """
    show = show or path_display()
    rows: list[UnitRow] = []
    counts = dict.fromkeys(State, 0)
    for unit in plan.units:
        file = collection.by_unit.get(unit.id)
        claims = collection.duplicates.get(unit.id)
        if file is not None:
            state = _state_of(file, plan.deadline)
        elif claims:
            file, state = claims[0], State.INVALID
        else:
            state = State.MISSING
        counts[state] += 1
        rows.append(_row(plan, unit.id, unit.name, unit.group, state, file, show))

    extra: list[ExtraFile] = []
    # identity: UnitFile compares by value
    unknown = {id(file) for file in collection.unknown}
    unreadable = {id(file) for file in collection.unreadable}
    set_aside = {id(file) for files in collection.duplicates.values() for file in files}
    for file in collection.files:
        codes: tuple[str, ...]
        if id(file) in unknown:
            state, codes = State.UNKNOWN, ("unknown-unit", "missing-unit")
        elif id(file) in unreadable:
            state, codes = State.UNREADABLE, ("unreadable",)
        elif id(file) in set_aside:
            state, codes = State.DUPLICATE, ("duplicate-unit",)
        else:
            continue
        counts[state] += 1
        extra.append(
            ExtraFile(show(file.path), display_name(file.path), state, file.unit_id, _problem(file, codes))
        )
    for other in skipped:
        counts[State.SKIPPED] += 1
        extra.append(ExtraFile(show(other.path), display_name(other.path), State.SKIPPED, None, other.reason))

    summary = Summary(
        total=len(plan.units),
        valid=counts[State.VALID],
        late=counts[State.LATE],
        invalid=counts[State.INVALID],
        missing=counts[State.MISSING],
        unknown=counts[State.UNKNOWN],
        duplicate=counts[State.DUPLICATE],
        unreadable=counts[State.UNREADABLE],
        skipped=counts[State.SKIPPED],
    )
    shared = tuple(collection.shared_proposals)
    return StatusReport(plan, today, tuple(rows), tuple(extra), summary, shared)


# -- sentences -------------------------------------------------------------------------------


def summary_sentence(summary: Summary) -> str:
    """``27/30 đơn vị đã nộp: 25 hợp lệ, 2 nộp muộn; 1 có lỗi; 3 chưa nộp.``"""
    head = f"{summary.submitted}/{summary.total} đơn vị đã nộp"
    accepted = [
        f"{n} {label}"
        for n, label in ((summary.valid, State.VALID.label), (summary.late, State.LATE.label))
        if n
    ]
    parts = [", ".join(accepted)] if accepted else []
    if summary.invalid:
        parts.append(f"{summary.invalid} {State.INVALID.label}")
    if summary.missing:
        parts.append(f"{summary.missing} {State.MISSING.label}")
    if not parts:
        return f"{head}."
    joined = "; ".join(parts)
    return f"{head}: {joined}." if summary.submitted else f"{head}; {joined}."


def extra_sentence(summary: Summary) -> str | None:
    parts = []
    if summary.unknown:
        parts.append(f"{summary.unknown} tệp không rõ đơn vị")
    if summary.duplicate:
        parts.append(f"{summary.duplicate} tệp trùng đơn vị")
    if summary.unreadable:
        parts.append(f"{summary.unreadable} tệp không đọc được")
    if summary.skipped:
        parts.append(f"{summary.skipped} tệp không đọc (không phải tệp .yaml)")
    if not parts:
        return None
    return "Ngoài ra có " + ", ".join(parts) + " (xem danh sách ở trên)."


def proposals_sentence(report: StatusReport) -> str | None:
    """``Đề nghị khen thưởng: 5 tập thể, 7 cá nhân; 1 đơn vị vượt chỉ tiêu.``; None when the
    plan asks for no proposals."""
    block = report.plan.commendations
    if block is None:
        return None
    counts = [row.proposals for row in report.rows if row.proposals is not None]
    collectives = sum(count.collectives for count in counts)
    individuals = sum(count.individuals for count in counts)
    over = sum(1 for count in counts if count.over_quota)
    tail = f"; {over} đơn vị vượt chỉ tiêu" if over else ""
    return f"{block.title}: {collectives} tập thể, {individuals} cá nhân{tail}."


def shared_lines(report: StatusReport) -> list[str]:
    """One line per proposal another unit makes too, under the unit that makes it."""
    return shared_proposals.shared_lines(report.plan, report.shared_proposals)


def deadline_sentence(report: StatusReport) -> str:
    """Days left, the deadline day, or how long it has passed (and who is overdue)."""
    deadline, days = report.plan.deadline, report.days_left
    if deadline is None or days is None:
        return "Kế hoạch không ghi hạn nộp."
    when = vn_date(deadline)
    if days > 0:
        return f"Còn {days} ngày đến hạn nộp ({when})."
    if days == 0:
        return f"Hôm nay là hạn nộp ({when})."
    overdue = report.summary.missing
    tail = f"; {overdue} đơn vị chưa nộp đã quá hạn" if overdue else ""
    return f"Quá hạn {-days} ngày (hạn nộp {when}){tail}."


def missing_lines(report: StatusReport) -> list[str]:
    """The units still to chase, one a line, ready to paste into a message."""
    lines = []
    for row in report.to_chase():
        where = f"{row.name} ({row.group})" if row.group else row.name
        if row.state is State.INVALID:
            where += f": báo cáo có lỗi, cần sửa và gửi lại ({row.file_name})"
        lines.append(where)
    return lines
