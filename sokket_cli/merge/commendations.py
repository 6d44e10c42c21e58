"""The compiled list of proposals for commendation (đề nghị khen thưởng): one table per form
of the plan, in the plan's order; in each, the proposing units in plan order, each unit's
collectives before its individuals (as the unit wrote them otherwise), numbered on through
the table. Counts by kind, overall and per form, and the proposals two units make.

Built once from the kept unit files, then shown by the .docx appendix, the Excel sheet and
``compile --format json`` alike, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sokket_cli.check.commendations import CommendationPlan, Proposal, ProposalList
from sokket_cli.check.plan import Plan, PlanUnit
from sokket_cli.check.shared_proposals import SharedProposal, flag_shared_proposals, named_units
from sokket_cli.check.unitformat import COLLECTIVE, INDIVIDUAL, KIND_TITLES
from sokket_cli.problems import FileReport


@dataclass(frozen=True, slots=True)
class Counts:
    """How many collectives and individuals."""

    collectives: int = 0
    individuals: int = 0

    @property
    def total(self) -> int:
        return self.collectives + self.individuals

    def text(self) -> str:
        """``34 tập thể, 52 cá nhân``; a kind with none is left out (``0 cá nhân`` when both are)."""
        parts = [
            f"{count} {KIND_TITLES[kind]}"
            for kind, count in ((COLLECTIVE, self.collectives), (INDIVIDUAL, self.individuals))
            if count
        ]
        return ", ".join(parts) or f"0 {KIND_TITLES[INDIVIDUAL]}"


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """One line of a form's table: its number in the table, the proposal, who proposes it
    (see :func:`proposer_label`), and the other units that propose the same one."""

    number: int
    proposal: Proposal
    proposer: str
    also_by: tuple[str, ...] = ()  # names of other units proposing the same one
    also_more: int = 0  # and this many more

    def note(self) -> str:
        """``Trùng với đề nghị của Huyện ủy Sóc Sơn``, when another unit proposes the same one."""
        if not self.also_by:
            return ""
        return f"Trùng với đề nghị của {named_units(self.also_by, self.also_more)}"


@dataclass(frozen=True, slots=True)
class UnitRows:
    """The rows of one proposing unit in one form's table."""

    unit: PlanUnit
    rows: tuple[ProposalRow, ...]


@dataclass(frozen=True, slots=True)
class FormTable:
    """Every proposal for one form: ``units`` in plan order (only those proposing it)."""

    form: str
    units: tuple[UnitRows, ...]
    counts: Counts


@dataclass(frozen=True, slots=True)
class CompiledCommendations:
    """The whole list: ``forms`` holds every form of the plan, in order, even one nobody
    proposed (its table is empty); ``units`` is how many units proposed anything."""

    title: str
    forms: tuple[FormTable, ...]
    counts: Counts
    units: int
    shared: tuple[SharedProposal, ...] = ()

    @property
    def empty(self) -> bool:
        return self.counts.total == 0


def proposer_label(unit_name: str, proposal: Proposal) -> str:
    """What the "Đơn vị đề nghị" column says: the unit that sent the list or, for a proposal
    a lower level forwarded in its roll-up, the unit that first made it and the sender."""
    if proposal.proposed_by:
        return f"{proposal.proposed_by} (qua {unit_name})"
    return unit_name


def compile_commendations(
    plan: Plan, proposals: Mapping[str, ProposalList | None]
) -> CompiledCommendations | None:
    """The list from ``proposals`` (unit id → the unit's list, for the units compiled);
    None when the plan asks for no proposals. Proposals two of these units make are flagged
    among them only (a unit left out of the draft is not named), on reports of their own:
    the files' reports already carry the warnings of the whole folder."""
    block = plan.commendations
    if block is None:
        return None
    shared = flag_shared_proposals(
        plan,
        ((u.id, proposals[u.id], FileReport(Path(u.id))) for u in plan.units if u.id in proposals),
    )
    flags = {(s.unit_id, s.proposal): s for s in shared}
    by_form: dict[str, list[UnitRows]] = {form: [] for form in block.forms}
    numbers = dict.fromkeys(block.forms, 0)
    kinds = {form: [0, 0] for form in block.forms}
    proposing = 0
    for unit in plan.units:
        sent = proposals.get(unit.id)
        if sent is None or not sent.entries:
            continue
        proposing += 1
        for form, entries in _by_form(block, sent.entries).items():
            rows: list[ProposalRow] = []
            for proposal in entries:
                numbers[form] += 1
                kinds[form][proposal.kind == INDIVIDUAL] += 1
                flag = flags.get((unit.id, proposal))
                rows.append(
                    ProposalRow(
                        numbers[form], proposal, proposer_label(unit.name, proposal),
                        tuple(plan.unit_ids[u].name for u in flag.others) if flag else (),
                        flag.more if flag else 0,
                    )
                )
            by_form[form].append(UnitRows(unit, tuple(rows)))
    tables = tuple(
        FormTable(form, tuple(by_form[form]), Counts(*kinds[form])) for form in block.forms
    )
    total = Counts(sum(t.counts.collectives for t in tables), sum(t.counts.individuals for t in tables))
    return CompiledCommendations(block.title, tables, total, proposing, tuple(shared))


def _by_form(block: CommendationPlan, entries: Iterable[Proposal]) -> dict[str, list[Proposal]]:
    """A unit's proposals by form (in the plan's order of forms), collectives first in each."""
    grouped: dict[str, list[Proposal]] = {}
    for proposal in entries:
        grouped.setdefault(proposal.form, []).append(proposal)
    return {
        form: sorted(grouped[form], key=lambda p: p.kind != COLLECTIVE)  # stable: file order kept
        for form in block.forms
        if form in grouped
    }

