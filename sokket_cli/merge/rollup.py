"""A level's merged report as the unit report it sends to the level above.

The review runs from the grassroots up: a district compiles its communes, then reports to
the city as one unit. Each point goes up once, in its representative wording (with that
wording's sub-items); figures go up aggregated by the plan's own rules (sums summed, means
averaged, ``none`` left out), so the city's totals equal the sum over the communes.
Proposals for commendation go up all of them, each naming the unit that first proposed it
(see :func:`forward_proposals`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sokket_cli.check import numbers
from sokket_cli.check.commendations import Proposal, Quota, fold
from sokket_cli.check.plan import Plan, PlanUnit
from sokket_cli.check.schema import vn_date
from sokket_cli.check.shared_proposals import NAMED_OTHERS, SharedProposal, named_units, shared_fact
from sokket_cli.check.unit import Item, UnitFile, content_key
from sokket_cli.check.unitformat import COLLECTIVE, COMMENDATIONS_KEY, INDIVIDUAL, KIND_TITLES
from sokket_cli.merge.figures import aggregate
from sokket_cli.merge.outline import Entry, MergedReport
from sokket_cli.problems import Problem

_MEAN_PLACES = Decimal("0.01")
# Parent-plan errors the clerk settles in the written file rather than by a refusal
SETTLED_IN_FILE = frozenset({"over-quota"})


@dataclass(frozen=True, slots=True)
class RolledUp:
    """What the unit file for the level above holds, as plain data."""

    content: dict[str, tuple[Item, ...]]
    indicators: dict[str, str]  # figures written as a clerk would (12,5), read back exactly
    header: tuple[str, ...]


def rollup(report: MergedReport, on: date) -> RolledUp:
    """The merged report's points, once each, and its aggregated figures; ``report`` must be
    merged with grouping on (each point in its representative wording)."""
    content: dict[str, tuple[Item, ...]] = {}
    for section in report.sections:
        for part in section.parts or (section,):
            key = content_key(section.key, part.key if section.parts else None)
            content[key] = tuple(_item(point.variants[0]) for point in part.points)
    indicators: dict[str, str] = {}
    for indicator in report.plan.indicators:
        total = aggregate(indicator, (s.indicators.get(indicator.key) for s in report.compiled))
        if total is None:
            continue
        if indicator.aggregate == "mean":
            total = total.quantize(_MEAN_PLACES).normalize()
        indicators[indicator.key] = _written(total)
    names = ", ".join(s.unit.name for s in report.compiled) or "không có"
    header = [
        f"Báo cáo tổng hợp lập bằng sokket ngày {vn_date(on)} theo Kế hoạch {report.plan.code}.",
        f"Tổng hợp từ {len(report.compiled)}/{len(report.plan.units)} đơn vị: {names}.",
    ]
    if report.missing:
        header.append(f"Chưa gửi báo cáo: {', '.join(u.name for u in report.missing)}.")
    if report.skipped:
        header.append(f"Báo cáo còn lỗi, chưa tổng hợp: {', '.join(u.name for u in report.skipped)}.")
    return RolledUp(content, indicators, tuple(header))


def _item(entry: Entry) -> Item:
    return Item(entry.text, tuple(_item(child) for child in entry.items))


def _written(value: Decimal) -> str:
    """``1250``, ``12,5``: how numbers.parse reads a figure back for every type."""
    return numbers.format_vn(value).replace(".", "")


@dataclass(frozen=True, slots=True)
class Forwarded:
    """The proposals a roll-up sends up and what the clerk must hear about them.

    ``proposals`` are (comment, proposal) in the order the file lists them; None when the
    file has no ``commendations:`` list. ``refusals`` non-empty: the parent plan cannot take
    the file, nothing may be written. ``warnings`` are for the clerk's screen, ``header`` for
    the top of the file.
    """

    proposals: tuple[tuple[str, Proposal], ...] | None
    refusals: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    header: tuple[str, ...] = ()


def forward_proposals(
    report: MergedReport,
    files: Iterable[UnitFile],
    shared: Sequence[SharedProposal] = (),
    parent: Plan | None = None,
    unit_id: str = "",
) -> Forwarded:
    """Every proposal of every compiled unit, in plan order, with ``proposed_by`` set to the
    unit's name (kept when already set: the city sees the commune, not the district).

    Nothing is dropped or merged. Against the ``parent`` plan (``unit_id`` there):
    - a form the parent does not list refuses the roll-up: a wrong form cannot be fixed by
      choosing, and a quietly renamed award would be a different award;
    - over the parent's quota, everything is still written, with a warning saying how many
      of each kind to remove: choosing whom to put forward is the standing committee's
      decision, and the clerk needs the full list, in the file, to make it;
    - a parent plan without the block takes no list: the proposals stay out of the file and
      a warning counts them.
    The same one proposed by two units (``shared``, found when the folder was read) stays
    twice, each with a comment naming the other units.
    """
    by_id = {f.unit_id: f for f in files}
    sent: list[tuple[PlanUnit, Proposal]] = []
    for summary in report.compiled:
        unit_file = by_id.get(summary.unit.id)
        if unit_file is not None and unit_file.commendations is not None:
            sent.extend((summary.unit, p) for p in unit_file.commendations.entries)
    block = (parent or report.plan).commendations
    if block is None:  # only with a parent: units of a plan without the block send none
        return Forwarded(None, warnings=(_not_taken(sent),) if sent else ())
    if report.plan.commendations is None:
        return Forwarded(None, warnings=(_not_collected(report.plan),))
    by_fold = {fold(form): form for form in block.forms}
    unknown: dict[str, list[PlanUnit]] = {}
    proposals: list[tuple[str, Proposal]] = []
    notes = {(s.unit_id, s.proposal): shared_fact(report.plan, s) for s in shared}
    for unit, proposal in sent:
        form = by_fold.get(fold(proposal.form))
        if form is None:
            unknown.setdefault(proposal.form, []).append(unit)
            continue
        note = notes.get((unit.id, proposal), "")
        forwarded = replace(proposal, form=form, proposed_by=proposal.proposed_by or unit.name)
        proposals.append((f"Trùng: {note}" if note else "", forwarded))
    if unknown:
        return Forwarded(None, refusals=tuple(_form_refusal(f, u, block.forms) for f, u in unknown.items()))
    warnings: list[str] = []
    counts = _counts(p for _, p in proposals)
    header = [_count_line(counts)] if proposals else []
    twice = sum(1 for note, _ in proposals if note)
    if twice:
        warnings.append(
            f"{twice} đề nghị khen thưởng trong tệp gửi cấp trên trùng với đề nghị của đơn vị "
            "khác (có dòng '# Trùng: ...' ngay trên mỗi đề nghị). sokket giữ nguyên cả hai; hãy "
            "thống nhất chỉ giữ một đề nghị rồi xóa đề nghị kia khỏi tệp."
        )
    if parent is not None:
        planned = parent.unit_ids.get(unit_id)
        quota = block.quota_for(planned.group if planned is not None else "")
        excess = _excess(quota, counts)
        if excess:
            units = len({p.proposed_by for _, p in proposals})
            warnings.append(_over_quota(quota, counts, units, excess))
            header.append(f"Vượt chỉ tiêu khen thưởng của kế hoạch cấp trên: hãy bớt {excess}.")
    return Forwarded(tuple(proposals), (), tuple(warnings), tuple(header))


def refusing(problems: Iterable[Problem]) -> list[Problem]:
    """The parent plan's errors on a roll-up file that keep it from being written; over the
    quota is not one (see :func:`forward_proposals`)."""
    return [p for p in problems if p.is_error and p.code not in SETTLED_IN_FILE]


def _counts(proposals: Iterable[Proposal]) -> dict[str, int]:
    counts = dict.fromkeys((COLLECTIVE, INDIVIDUAL), 0)
    for proposal in proposals:
        counts[proposal.kind] += 1
    return counts


def _both(counts: dict[str, int]) -> str:
    """``2 tập thể, 3 cá nhân``"""
    return ", ".join(f"{counts[kind]} {KIND_TITLES[kind]}" for kind in (COLLECTIVE, INDIVIDUAL))


def _count_line(counts: dict[str, int]) -> str:
    return (
        f"Đề nghị khen thưởng chuyển lên: {_both(counts)}; đơn vị đề nghị ban đầu "
        "ghi ở 'proposed_by'."
    )


def _excess(quota: Quota, counts: dict[str, int]) -> str:
    """``28 tập thể và 40 cá nhân``: how many of each kind are over the quota; empty if none."""
    over = []
    for kind in (COLLECTIVE, INDIVIDUAL):
        limit = quota.limit(kind)
        if limit is not None and counts[kind] > limit:
            over.append(f"{counts[kind] - limit} {KIND_TITLES[kind]}")
    return " và ".join(over)


def _over_quota(quota: Quota, counts: dict[str, int], units: int, excess: str) -> str:
    limits = ", ".join(
        f"{quota.limit(kind)} {KIND_TITLES[kind]}" for kind in (COLLECTIVE, INDIVIDUAL)
        if quota.limit(kind) is not None
    )
    return (
        f"Tệp gửi cấp trên có {_both(counts)} đề nghị khen thưởng (của {units} đơn "
        f"vị), vượt chỉ tiêu của kế hoạch cấp trên ({limits}). sokket đã ghi đủ để không bỏ sót "
        f"ai; hãy chọn và xóa bớt {excess} trong mục '{COMMENDATIONS_KEY}' của tệp, rồi kiểm tra "
        "lại bằng sokket validate với --plan là kế hoạch cấp trên."
    )


def _named(units: Sequence[PlanUnit]) -> str:
    distinct = list(dict.fromkeys(u.name for u in units))
    return named_units(distinct[:NAMED_OTHERS], len(distinct) - NAMED_OTHERS)


def _form_refusal(form: str, units: Sequence[PlanUnit], allowed: Sequence[str]) -> str:
    listed = "; ".join(f'"{f}"' for f in allowed)
    return (
        f"Hình thức '{form}' ({len(units)} đề nghị của {_named(units)}) không có trong kế hoạch "
        f"cấp trên, kế hoạch đó chỉ có: {listed}. Hãy sửa hình thức trong báo cáo của các đơn vị "
        "này cho đúng một hình thức của kế hoạch cấp trên; hoặc chạy lại không có --plan-cha, "
        "sửa hay xóa các đề nghị này ngay trong tệp gửi lên, rồi kiểm tra bằng sokket validate "
        "với --plan là kế hoạch cấp trên."
    )


def _not_taken(sent: Sequence[tuple[PlanUnit, Proposal]]) -> str:
    counts = _counts(p for _, p in sent)
    units = len({u.id for u, _ in sent})
    return (
        f"{len(sent)} đề nghị khen thưởng ({_both(counts)}) của {units} đơn vị không được ghi "
        f"vào tệp gửi cấp trên vì kế hoạch cấp trên không có mục '{COMMENDATIONS_KEY}'. Hãy gửi "
        "các đề nghị này theo hướng dẫn riêng của cấp trên."
    )


def _not_collected(plan: Plan) -> str:
    return (
        f"Kế hoạch {plan.code} không thu đề nghị khen thưởng của các đơn vị nên tệp gửi cấp "
        f"trên chưa có mục '{COMMENDATIONS_KEY}' mà kế hoạch cấp trên có. Nếu đơn vị có "
        "đề nghị khen thưởng, hãy tự thêm vào tệp."
    )
