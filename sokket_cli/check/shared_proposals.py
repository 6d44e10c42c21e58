"""The same collective or person proposed for commendation by two units: a warning on each
file, naming the other units, so the office settles who proposes them before the list goes up.

Names are compared folded (NFC, case, whitespace); two people match unless both give a birth
year and the years differ. Linear in the proposals: per name, units are kept by year, and the
count of other units is worked out from set sizes, not by comparing entries pairwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from sokket_cli.check.commendations import Proposal, ProposalList, fold
from sokket_cli.check.plan import Plan
from sokket_cli.check.unitformat import KIND_TITLES
from sokket_cli.problems import FileReport, warning

#: What the check needs of a unit file: its unit, its list, its report (which gets the warnings).
#: Not the whole file, so validate can let each file's text go once it is read.
Proposer = tuple[str | None, ProposalList | None, FileReport]

CODE = "duplicate-commendation"
NAMED_OTHERS = 3  # a message names this many other units, then counts the rest (named_units)


@dataclass(frozen=True, slots=True)
class SharedProposal:
    """One unit's proposal that other units make too: ``others`` names a few, ``more`` counts
    the rest."""

    unit_id: str
    proposal: Proposal
    others: tuple[str, ...]
    more: int = 0


@dataclass(slots=True)
class _SameName:
    """The units proposing one (kind, folded name), as ordered sets."""

    by_year: dict[int, dict[str, None]] = field(default_factory=dict)
    no_year: dict[str, None] = field(default_factory=dict)
    every: dict[str, None] = field(default_factory=dict)
    years_of: dict[str, set[int]] = field(default_factory=dict)
    both: dict[int, int] = field(default_factory=dict)  # units with a year-y and a no-year entry

    def add(self, unit_id: str, year: int | None) -> None:
        self.every[unit_id] = None
        if year is None:
            self.no_year[unit_id] = None
        else:
            self.by_year.setdefault(year, {})[unit_id] = None
            self.years_of.setdefault(unit_id, set()).add(year)

    def settle(self) -> None:
        for unit_id in self.no_year:
            for year in self.years_of.get(unit_id, ()):
                self.both[year] = self.both.get(year, 0) + 1

    def others(self, unit_id: str, year: int | None) -> tuple[list[str], int]:
        """A few other units that propose the same one, and how many there are in all."""
        if year is None:
            count = len(self.every) - 1
            candidates = list(islice(self.every, NAMED_OTHERS + 1))
        else:
            same_year = self.by_year[year]
            count = len(same_year) + len(self.no_year) - self.both.get(year, 0) - 1
            candidates = [
                *islice(same_year, NAMED_OTHERS + 1),
                *islice(self.no_year, 2 * (NAMED_OTHERS + 1)),
            ]
        named = [u for u in dict.fromkeys(candidates) if u != unit_id][:NAMED_OTHERS]
        return named, count


def flag_shared_proposals(plan: Plan, files: Iterable[Proposer]) -> list[SharedProposal]:
    """Warn on every proposal that another unit of the plan makes too; the files of one unit
    (copies) never count against each other. Returns the flagged proposals in file order."""
    names: dict[tuple[str, str], _SameName] = {}
    entries: list[tuple[FileReport, str, Proposal, _SameName]] = []
    for unit_id, proposals, report in files:
        if unit_id is None or unit_id not in plan.unit_ids or proposals is None:
            continue
        for proposal in proposals.entries:
            same = names.setdefault((proposal.kind, fold(proposal.name)), _SameName())
            same.add(unit_id, proposal.birth_year)
            entries.append((report, unit_id, proposal, same))
    for same in names.values():
        if len(same.every) > 1:
            same.settle()
    flagged: list[SharedProposal] = []
    touched: dict[int, FileReport] = {}
    for report, unit_id, proposal, same in entries:
        if len(same.every) < 2:
            continue
        named, count = same.others(unit_id, proposal.birth_year)
        if not count:
            continue
        shared = SharedProposal(unit_id, proposal, tuple(named), count - len(named))
        flagged.append(shared)
        report.problems.append(
            warning(proposal.line, proposal.column, CODE, shared_message(plan, shared))
        )
        touched[id(report)] = report
    for report in touched.values():
        report.sort()
    return flagged


def shared_message(plan: Plan, shared: SharedProposal) -> str:
    """The warning on the file: who else proposes the same one, and what to do."""
    return (
        f"{shared_fact(plan, shared)} Hãy trao đổi để chỉ một đơn vị đề nghị; nếu là hai người "
        "(hai tập thể) khác nhau trùng tên, hãy ghi rõ năm sinh hoặc tên đầy đủ hơn."
    )


def shared_lines(plan: Plan, shared: Iterable[SharedProposal]) -> list[str]:
    """``- Quận ủy Ba Đình: Cá nhân 'Nguyễn Văn A' cũng được Huyện ủy Sóc Sơn (soc-son) đề nghị
    khen thưởng.``: one line per proposal another unit makes too, under the unit that makes it
    (status lists those of the folder, compile those of the units it compiled)."""
    return [f"- {plan.unit_ids[one.unit_id].name}: {shared_fact(plan, one)}" for one in shared]


def shared_fact(plan: Plan, shared: SharedProposal) -> str:
    """``Cá nhân 'Nguyễn Văn A' (sinh năm 1975) cũng được Huyện ủy Sóc Sơn (soc-son) đề nghị
    khen thưởng.``"""
    proposal = shared.proposal
    who = f"{KIND_TITLES[proposal.kind].capitalize()} '{proposal.name}'"
    if proposal.birth_year is not None:
        who += f" (sinh năm {proposal.birth_year})"
    units = named_units([f"{plan.unit_ids[u].name} ({u})" for u in shared.others], shared.more)
    return f"{who} cũng được {units} đề nghị khen thưởng."


def named_units(names: Sequence[str], more: int) -> str:
    """``Quận ủy Ba Đình, Huyện ủy Sóc Sơn và 4 đơn vị khác``: a few units named, the rest
    counted (a thousand units would make a message nobody reads)."""
    return ", ".join(names) + (f" và {more} đơn vị khác" if more > 0 else "")
