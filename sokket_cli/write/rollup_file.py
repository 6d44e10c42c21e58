"""The level's compiled report as one unit's file for the level above (``compile --as-unit``):
its text, and the decision whether it may be written. Checked against the parent plan when
given: a file that plan would refuse is not written, so nothing broken travels upwards."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.shared_proposals import SharedProposal
from sokket_cli.check.unit import UnitFile, check_unit
from sokket_cli.display import display_path
from sokket_cli.merge.outline import MergedReport
from sokket_cli.merge.rollup import forward_proposals, refusing, rollup
from sokket_cli.problems import Problem
from sokket_cli.write.unitfile import unit_yaml


@dataclass(frozen=True, slots=True)
class RollupFile:
    """``text`` to write unless ``refusals`` say why not (after ``problems``, the parent
    plan's errors on the text); ``warnings`` are for the clerk once it is written."""

    text: str
    problems: tuple[Problem, ...] = ()
    refusals: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def rollup_file(
    merged: MergedReport,
    files: Iterable[UnitFile],
    shared: Sequence[SharedProposal],
    target: Path,
    unit_id: str,
    day: date,
    parent: Plan | None,
) -> RollupFile:
    """The file of ``unit_id`` dated ``day``, in the parent plan's format when given."""
    forwarded = forward_proposals(merged, files, shared, parent, unit_id)
    if forwarded.refusals:  # only ever against a parent plan
        return RollupFile("", refusals=(*forwarded.refusals, _not_written(target, parent)))
    rolled = rollup(merged, day)
    text = unit_yaml(
        (parent or merged.plan).unit_format, unit_id, submitted=day, content=rolled.content,
        indicators=rolled.indicators, header=(*rolled.header, *forwarded.header),
        proposals=forwarded.proposals,
    )
    if parent is not None:
        refused = refusing(check_unit(target, text.encode("utf-8"), parent).report.problems)
        if refused:
            return RollupFile(text, tuple(refused), (_not_written(target, parent),))
    return RollupFile(text, warnings=forwarded.warnings)


def _not_written(target: Path, parent: Plan | None) -> str:
    parent_path = display_path(parent.path) if parent is not None else ""
    return (
        f"Chưa ghi {display_path(target)}: báo cáo tổng hợp chưa khớp kế hoạch cấp trên "
        f"{parent_path} (các lỗi ở trên)."
    )
