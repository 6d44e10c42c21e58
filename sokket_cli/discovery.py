"""Finding the plan and the unit files a command was pointed at."""

from __future__ import annotations

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


def _is_unit_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in UNIT_SUFFIXES
        and name != PLAN_NAME
        and not name.startswith((".", "~$", "#"))
        and path.is_file()
    )


def unit_files(target: Path, plan_path: Path | None = None) -> list[Path]:
    """The unit files a path stands for: the file itself, or the ``.yaml``/``.yml`` files of a
    folder in name order. A review folder (plan.yaml beside units/) means its units/ folder."""
    if not target.exists():
        raise UsageError(f"Không có tệp hay thư mục '{target}'.")
    if target.is_file():
        return [target]
    plan = plan_path.resolve() if plan_path else None
    try:
        found = sorted(p for p in target.iterdir() if _is_unit_file(p) and p.resolve() != plan)
    except OSError as exc:
        raise InputError(f"Không đọc được thư mục: {exc.strerror}.", path=target) from exc
    if not found and (target / "units").is_dir():
        return unit_files(target / "units", plan_path)
    return found
