"""Reading a whole units folder: every file checked, and each plan unit matched to its file.

Shared by ``status`` and ``compile`` so both agree on who sent what.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.unit import UnitFile, read_unit
from sokket_cli.problems import error
from sokket_cli.render.output import display_path


@dataclass(slots=True)
class Collection:
    """``by_unit`` holds the units claimed by exactly one file; the rest are set aside."""

    files: list[UnitFile] = field(default_factory=list)
    by_unit: dict[str, UnitFile] = field(default_factory=dict)
    duplicates: dict[str, list[UnitFile]] = field(default_factory=dict)
    unknown: list[UnitFile] = field(default_factory=list)

    @property
    def invalid(self) -> list[UnitFile]:
        return [f for f in self.files if not f.valid]


def collect(
    plan: Plan, paths: Sequence[Path], progress: Callable[[int], None] | None = None
) -> Collection:
    """Check every file; two files claiming one unit both get a ``duplicate-unit`` error."""
    result = Collection()
    claims: dict[str, list[UnitFile]] = {}
    known = plan.unit_ids
    for path in paths:
        unit = read_unit(path, plan)
        result.files.append(unit)
        if unit.unit_id is not None and unit.unit_id in known:
            claims.setdefault(unit.unit_id, []).append(unit)
        else:
            result.unknown.append(unit)
        if progress is not None:
            progress(1)
    for unit_id, files in claims.items():
        if len(files) == 1:
            result.by_unit[unit_id] = files[0]
            continue
        result.duplicates[unit_id] = files
        for file in files:
            others = ", ".join(display_path(o.path) for o in files if o is not file)
            line, column = file.unit_position
            file.report.problems.append(
                error(
                    line,
                    column,
                    "duplicate-unit",
                    f"Đơn vị '{unit_id}' ({known[unit_id].name}) cũng có báo cáo trong tệp "
                    f"{others}. Mỗi đơn vị chỉ nộp một tệp: hãy giữ bản đúng và chuyển bản kia "
                    "ra khỏi thư mục.",
                )
            )
            file.report.sort()
    return result
