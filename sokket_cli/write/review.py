"""A new review folder (``sokket init``): plan.yaml from a starter, an empty units/ folder.

The plan is built whole before anything is written; an existing plan is never replaced
unless asked (``force``), and then it is first kept as a backup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sokket_cli.check.plan import Plan, PlanUnit
from sokket_cli.check.unitids import DerivedId, derive_ids
from sokket_cli.errors import OutputError, UsageError
from sokket_cli.intake.discovery import PLAN_NAME
from sokket_cli.intake.unitlist import ListedUnit
from sokket_cli.starters import STARTERS
from sokket_cli.write.atomic import output_error, write_atomic
from sokket_cli.write.planfile import plan_yaml

UNITS_FOLDER = "units"


@dataclass(frozen=True, slots=True)
class NewReview:
    """What init will write; ``renamed`` lists the listed units whose id had to change."""

    plan: Plan
    text: str
    renamed: tuple[tuple[ListedUnit, DerivedId], ...] = ()


def build_review(starter: str, today: date, listed: Sequence[ListedUnit] | None = None) -> NewReview:
    """The plan of ``starter``, with the office's own units when ``listed`` is given."""
    chosen = STARTERS.get(starter)
    if chosen is None:
        raise UsageError(f"Không có mẫu '{starter}'. Các mẫu: {', '.join(STARTERS)}.")
    plan = chosen.build(today)
    if listed is None:
        return NewReview(plan, plan_yaml(plan, example_units=chosen.example_units))
    ids = derive_ids([unit.name for unit in listed])
    units = tuple(PlanUnit(d.id, unit.name, unit.group) for d, unit in zip(ids, listed, strict=True))
    plan = dataclasses.replace(plan, units=units)
    renamed = tuple((unit, d) for unit, d in zip(listed, ids, strict=True) if d.renamed)
    return NewReview(plan, plan_yaml(plan), renamed)


def backup_name(plan_path: Path, now: datetime) -> Path:
    """plan.yaml.bak, or a dated name when that is taken: an older backup is never lost."""
    first = plan_path.with_name(f"{plan_path.name}.bak")
    if not first.exists():
        return first
    return plan_path.with_name(f"{plan_path.name}.{now:%Y%m%d-%H%M%S}.bak")


def write_review(folder: Path, review: NewReview, *, force: bool, now: datetime) -> Path | None:
    """Write ``folder/plan.yaml`` and make ``folder/units``; returns the backup made, if any."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' là một tệp, không phải thư mục; hãy chọn tên thư mục khác.")
    plan_path = folder / PLAN_NAME
    if plan_path.exists() and not force:
        raise OutputError(
            "Thư mục đã có kế hoạch; không ghi gì cả. Muốn tạo lại kế hoạch thì thêm --force "
            "(bản cũ được giữ lại thành plan.yaml.bak).",
            path=plan_path,
        )
    try:
        (folder / UNITS_FOLDER).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(folder / UNITS_FOLDER, exc) from exc
    backup = None
    if plan_path.exists():
        backup = backup_name(plan_path, now)
        try:
            old = plan_path.read_bytes()
        except OSError as exc:
            raise output_error(plan_path, exc) from exc
        write_atomic(backup, lambda stream: stream.write(old))
    data = review.text.encode("utf-8")
    write_atomic(plan_path, lambda stream: stream.write(data))
    return backup
