"""Finding the plan and the unit files a command was pointed at."""

from __future__ import annotations

import os
from pathlib import Path

from sokket_cli.errors import InputError, UsageError

PLAN_NAME = "plan.yaml"
UNIT_SUFFIXES = (".yaml", ".yml")


def find_plan(target: Path) -> Path:
    """``plan.yaml`` in the folder (a file's own folder), then in its parent."""
    if not target.exists():
        raise UsageError(f"Không có tệp hay thư mục '{target}'.")
    folder = target if target.is_dir() else target.parent
    searched = [folder / PLAN_NAME, folder.parent / PLAN_NAME]
    for candidate in searched:
        if candidate.is_file():
            return candidate
    places = " và ".join(f"'{p}'" for p in dict.fromkeys(searched))
    raise InputError(
        f"Không tìm thấy tệp kế hoạch: đã tìm {places}. Hãy chỉ đường dẫn bằng --plan "
        "đường/dẫn/plan.yaml.",
        path=target,
    )


def _looks_like_unit_file(name: str) -> bool:
    return (
        name.lower().endswith(UNIT_SUFFIXES)
        and name != PLAN_NAME
        and not name.startswith((".", "~$", "#"))  # hidden files, Office lock and backup files
    )


def unit_files(target: Path, plan_path: Path | None = None) -> list[Path]:
    """The unit files a path stands for: the file itself, or the ``.yaml``/``.yml`` files of a
    folder in name order. A review folder (plan.yaml beside units/) means its units/ folder."""
    if not target.exists():
        raise UsageError(f"Không có tệp hay thư mục '{target}'.")
    if target.is_file():
        return [target]
    try:
        with os.scandir(target) as entries:  # the directory listing knows file types: no stat each
            found = sorted(
                Path(entry.path)
                for entry in entries
                if _looks_like_unit_file(entry.name) and entry.is_file()
            )
    except OSError as exc:
        raise InputError(f"Không đọc được thư mục: {exc.strerror}.", path=target) from exc
    if plan_path is not None and any(p.name == plan_path.name for p in found):
        plan = plan_path.resolve()  # a plan kept among the units under another name
        found = [p for p in found if p.name != plan_path.name or p.resolve() != plan]
    if not found and (target / "units").is_dir():
        return unit_files(target / "units", plan_path)
    return found
