"""Finding the plan and the unit files a command was pointed at, and reading them safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sokket_cli.display import display_path
from sokket_cli.errors import InputError, UsageError, os_reason

PLAN_NAME = "plan.yaml"
UNIT_SUFFIXES = (".yaml", ".yml", ".yaml.txt", ".yml.txt")  # Notepad adds .txt when saving
MAX_INPUT_BYTES = 16 * 1024 * 1024  # a unit file is a few KB; a plan with 10,000 units ~1 MB

# Files a folder always has and nobody sent: system files, Office lock and editor backups.
_HOUSEKEEPING = frozenset({"thumbs.db", "desktop.ini"})
_OTHER_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((".docx", ".doc", ".odt", ".rtf"), "tệp Word: hãy chuyển sang .yaml bằng sokket import"),
    ((".xlsx", ".xls", ".ods", ".csv"), "tệp bảng tính, không phải tệp báo cáo .yaml"),
    ((".pdf",), "tệp PDF: hãy đề nghị đơn vị gửi tệp báo cáo .yaml"),
    ((".txt",), "tệp .txt: nếu đây là báo cáo, hãy đổi tên cho có đuôi .yaml"),
)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file in a units folder that is not a unit file, and why it was not read."""

    path: Path
    reason: str


@dataclass(slots=True)
class Listing:
    """The unit files to read, each once, and the other files found beside them."""

    units: list[Path] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def find_plan(target: Path) -> Path:
    """``plan.yaml`` in the folder (a file's own folder), then in its parent, both resolved:
    from inside ``units/``, ``Path('ba-dinh.yaml').parent.parent`` is still ``.``."""
    if not target.exists():
        raise UsageError(f"Không có tệp hay thư mục '{display_path(target)}'.")
    folder = target.resolve() if target.is_dir() else target.resolve().parent
    searched = [folder / PLAN_NAME, folder.parent / PLAN_NAME]
    for candidate in searched:
        if candidate.is_file():
            return candidate
    places = " và ".join(f"'{display_path(p)}'" for p in dict.fromkeys(searched))
    raise InputError(
        f"Không tìm thấy tệp kế hoạch: đã tìm {places}. Tệp kế hoạch ({PLAN_NAME}) do cơ quan "
        "tổng hợp gửi kèm biểu mẫu: hãy lưu nó vào cùng thư mục với tệp báo cáo, hoặc chỉ "
        f"đường dẫn bằng --plan đường/dẫn/{PLAN_NAME}.",
        path=target,
    )


def read_input(path: Path, what: str = "tệp") -> bytes:
    """The bytes of a regular file of bounded size. A FIFO, a device (``/dev/zero``) or a
    folder is refused before any read, so nothing hangs or fills memory."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO does not wait for a writer
    except OSError as exc:
        raise InputError(f"Không đọc được {what}: {os_reason(exc)}.", path=path) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "đây là một thư mục"
                if stat.S_ISDIR(info.st_mode)
                else "đây không phải là tệp thông thường (mà là thiết bị hoặc ống dẫn)"
            )
            raise InputError(f"Không đọc được {what}: {kind}.", path=path)
        if info.st_size > MAX_INPUT_BYTES:
            raise InputError(
                f"Không đọc {what}: tệp lớn {info.st_size // (1024 * 1024)} MB, quá giới hạn "
                f"{MAX_INPUT_BYTES // (1024 * 1024)} MB.",
                path=path,
            )
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, MAX_INPUT_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_INPUT_BYTES:  # grew while being read
                raise InputError(f"Không đọc {what}: tệp lớn quá giới hạn.", path=path)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"Không đọc được {what}: {os_reason(exc)}.", path=path) from exc
    finally:
        os.close(fd)


def is_unit_name(name: str) -> bool:
    return name.lower().endswith(UNIT_SUFFIXES) and name != PLAN_NAME


def unit_stem(name: str) -> str:
    """``ba-dinh`` for ``ba-dinh.yaml``, ``ba-dinh.yml`` and Notepad's ``ba-dinh.yaml.txt``."""
    lowered = name.lower()
    for suffix in sorted(UNIT_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _housekeeping(name: str) -> bool:
    """Hidden files, Office lock files (``~$``), editor backups: never a unit's report."""
    return name.startswith((".", "~$", "#")) or name.endswith("~") or name.lower() in _HOUSEKEEPING


def _other_reason(name: str) -> str:
    lowered = name.lower()
    for suffixes, reason in _OTHER_KINDS:
        if lowered.endswith(suffixes):
            return reason
    return "không phải tệp .yaml"


def _list_folder(folder: Path, plan_path: Path | None) -> tuple[list[tuple[str, Path]], list[tuple[str, SkippedFile]]]:
    """Unit files in name order and every other file with why it is not read, each with a key
    naming the file itself (the folder resolved once; a link followed). A name that cannot be
    checked (a symbolic link loop) is kept: reading it says what is wrong."""
    units: list[tuple[str, Path]] = []
    skipped: list[tuple[str, SkippedFile]] = []
    try:
        real_folder = os.path.realpath(folder)
        with os.scandir(folder) as entries:  # the listing knows file types: no stat for each
            for entry in entries:
                name = entry.name
                if _housekeeping(name) or name == PLAN_NAME or _is_folder(entry):
                    continue
                key = os.path.realpath(entry.path) if entry.is_symlink() else f"{real_folder}{os.sep}{name}"
                if is_unit_name(name):
                    units.append((key, Path(entry.path)))
                else:
                    skipped.append((key, SkippedFile(Path(entry.path), _other_reason(name))))
    except OSError as exc:
        raise InputError(f"Không đọc được thư mục: {os_reason(exc)}.", path=folder) from exc
    if plan_path is not None:  # a plan kept among the units under another name
        plan = os.path.realpath(plan_path)
        units = [(key, path) for key, path in units if key != plan]
    return sorted(units, key=lambda unit: unit[1]), sorted(skipped, key=lambda other: other[1].path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link that loops: not a folder we could list anyway
        return False


def gather(targets: Sequence[Path], plan_path: Path | None = None) -> Listing:
    """The unit files the targets stand for (a file itself, or a folder's unit files; a review
    folder, with plan.yaml beside units/, means its units/), each file once even when named
    twice (``units`` and ``$PWD/units``), and the other files found in those folders."""
    result = Listing()
    seen: set[str] = set()
    for target in targets:
        if not target.exists() and not target.is_symlink():
            raise UsageError(f"Không có tệp hay thư mục '{display_path(target)}'.")
        if target.is_dir():
            units, skipped = _list_folder(target, plan_path)
            if not units and (target / "units").is_dir():
                units, skipped = _list_folder(target / "units", plan_path)
        else:
            units, skipped = [(os.path.realpath(target), target)], []
        for key, path in units:
            if key not in seen:
                seen.add(key)
                result.units.append(path)
        for key, other in skipped:
            if key not in seen:
                seen.add(key)
                result.skipped.append(other)
    return result
