"""Reading a whole units folder: every file checked, each plan unit matched to its file, and
proposals for commendation that two units make flagged.

Shared by ``status`` and ``compile`` so both agree on who sent what.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.shared_proposals import SharedProposal, flag_shared_proposals
from sokket_cli.check.unit import UnitFile, read_unit
from sokket_cli.display import path_display
from sokket_cli.errors import InputError
from sokket_cli.intake.discovery import unit_stem
from sokket_cli.problems import FileReport, error

NAMED_OTHERS = 3  # a duplicate-unit message names this many other files, then counts the rest


@dataclass(slots=True)
class Collection:
    """``by_unit`` holds the file that has each unit; ``duplicates`` the files set aside because
    another file claims their unit too (all of them when none can be told to be the right one)."""

    files: list[UnitFile] = field(default_factory=list)
    by_unit: dict[str, UnitFile] = field(default_factory=dict)
    duplicates: dict[str, list[UnitFile]] = field(default_factory=dict)
    unknown: list[UnitFile] = field(default_factory=list)
    unreadable: list[UnitFile] = field(default_factory=list)
    shared_proposals: list[SharedProposal] = field(default_factory=list)  # proposed by two units

    @property
    def invalid(self) -> list[UnitFile]:
        return [f for f in self.files if not f.valid]

    @property
    def skipped_units(self) -> list[str]:
        """Plan units with a report that cannot be used: its file has errors, or two files
        claim it. A unit whose own file is valid is never here, whatever copies claim it."""
        skipped = []
        for unit_id in dict.fromkeys(f.unit_id for f in self.invalid if f.unit_id is not None):
            kept = self.by_unit.get(unit_id)
            if (kept is None and unit_id in self.duplicates) or (kept is not None and not kept.valid):
                skipped.append(unit_id)
        return skipped


def read_or_mark(path: Path, plan: Plan) -> UnitFile:
    """Read and check a unit file; one that cannot be read (no permission, a link that loops,
    not a regular file) is marked with an ``unreadable`` error instead of stopping the run."""
    try:
        return read_unit(path, plan)
    except InputError as exc:
        report = FileReport(path, problems=[error(1, 1, "unreadable", exc.message)])
        return UnitFile(path, report)


def slug(text: str) -> str:
    """``quan-uy-ba-dinh`` for ``Quận ủy Ba Đình``: how a file is named after a unit."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in bare if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def collect(
    plan: Plan, paths: Sequence[Path], progress: Callable[[int], None] | None = None
) -> Collection:
    """Check every file and match files to units (see :func:`_settle`)."""
    result = Collection()
    claims: dict[str, list[UnitFile]] = {}
    known = plan.unit_ids
    for path in paths:
        unit = read_or_mark(path, plan)
        result.files.append(unit)
        if unit.unit_id is not None and unit.unit_id in known:
            claims.setdefault(unit.unit_id, []).append(unit)
        elif any(p.code == "unreadable" for p in unit.report.problems):
            result.unreadable.append(unit)
        else:
            result.unknown.append(unit)
        if progress is not None:
            progress(1)
    _settle(plan, claims, result)
    if plan.commendations is not None:
        kept = (result.by_unit[unit.id] for unit in plan.units if unit.id in result.by_unit)
        proposers = ((file.unit_id, file.commendations, file.report) for file in kept)
        result.shared_proposals = flag_shared_proposals(plan, proposers)
    return result


def _settle(plan: Plan, claims: dict[str, list[UnitFile]], result: Collection) -> None:
    """A unit claimed by one file has it. Of several files, the one named after the unit (its
    id or its name without diacritics: the clerk copied ``ba-dinh.yaml`` to ``dong-da.yaml``
    and left ``unit: ba-dinh``) keeps it when it is the only one; the rest, or all when no
    single file is named so, get a ``duplicate-unit`` error."""
    by_slug: dict[str, str] = {}
    for unit in plan.units:
        by_slug.setdefault(slug(unit.id), unit.id)
        by_slug.setdefault(slug(unit.name), unit.id)
    shown = path_display()
    for unit_id, files in claims.items():
        if len(files) == 1:
            result.by_unit[unit_id] = files[0]
            continue
        named = [f for f in files if by_slug.get(slug(unit_stem(f.path.name))) == unit_id]
        keeper = named[0] if len(named) == 1 else None
        if keeper is not None:
            result.by_unit[unit_id] = keeper
        set_aside = [f for f in files if f is not keeper]
        result.duplicates[unit_id] = set_aside
        for index, file in enumerate(set_aside):
            if keeper is not None:
                message = _copy_message(plan, unit_id, file, shown(keeper.path), by_slug)
            else:
                message = _duplicate_message(plan, unit_id, files, index, shown)
            line, column = file.unit_position
            file.report.problems.append(error(line, column, "duplicate-unit", message))
            file.report.sort()


def _duplicate_message(
    plan: Plan, unit_id: str, files: list[UnitFile], index: int, shown: Callable[[Path], str]
) -> str:
    """Names a few of the other files (not all: a thousand copies would make a million names)."""
    others = [f for f in files[: NAMED_OTHERS + 1] if f is not files[index]][:NAMED_OTHERS]
    rest = len(files) - 1 - len(others)
    named = ", ".join(shown(f.path) for f in others) + (f" và {rest} tệp khác" if rest else "")
    return (
        f"Đơn vị '{unit_id}' ({plan.unit_ids[unit_id].name}) cũng có báo cáo trong tệp {named}. "
        "Mỗi đơn vị chỉ nộp một tệp: hãy giữ bản đúng và chuyển bản kia ra khỏi thư mục."
    )


def _copy_message(plan: Plan, unit_id: str, file: UnitFile, keeper: str, by_slug: dict[str, str]) -> str:
    """The copied file: its name says another unit, its ``unit:`` line was not changed."""
    name = plan.unit_ids[unit_id].name
    head = (
        f"Tệp ghi 'unit: {unit_id}' ({name}), nhưng báo cáo của {name} là tệp {keeper} (tên tệp "
        f"đúng với đơn vị)."
    )
    suggested = by_slug.get(slug(unit_stem(file.path.name)))
    if suggested is not None and suggested != unit_id:
        other = plan.unit_ids[suggested].name
        return (
            f"{head} Tên tệp cho thấy đây là báo cáo của {other}: có lẽ tệp được sao chép mà "
            f"chưa sửa dòng 'unit:'. Hãy sửa thành 'unit: {suggested}'."
        )
    return (
        f"{head} Tên tệp cho thấy đây là báo cáo của một đơn vị khác: hãy sửa dòng 'unit:' cho "
        "đúng mã đơn vị đã gửi tệp này, hoặc chuyển tệp ra khỏi thư mục nếu là bản thừa."
    )
