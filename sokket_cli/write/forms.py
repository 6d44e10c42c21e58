"""Writing the units' forms (``sokket forms``): one ``<id>.yaml`` per unit and the JSON Schema
beside them. Every target is checked before the first is written: existing files are only
replaced when asked, and the plan itself never is."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import nearest
from sokket_cli.check.unitformat import SCHEMA_NAME
from sokket_cli.errors import OutputError, UsageError
from sokket_cli.render.form_yaml import form_template
from sokket_cli.render.jsonschema import schema_json
from sokket_cli.write.atomic import output_error, output_status, write_atomic

_LISTED = 5  # existing files named in a refusal; the rest are counted


def chosen_units(plan: Plan, only: str | None) -> list[str]:
    """Every plan unit, or the one asked for (a usage error naming the nearest id if unknown)."""
    if only is None:
        return list(plan.unit_ids)
    if only not in plan.unit_ids:
        guess = nearest(only, plan.unit_ids)
        hint = f" Có phải là '{guess}'?" if guess else ""
        raise UsageError(f"Kế hoạch không có đơn vị mã '{only}'.{hint}")
    return [only]


def refuse_existing(folder: Path, names: Sequence[str], inputs: Sequence[Path], *, force: bool) -> None:
    """No file named ``names`` in ``folder`` may be an input; an existing one only with
    ``force``. One resolve and one listing, however many names."""
    base = folder.resolve()
    protected = {path.resolve() for path in inputs}
    for name in names:
        if base / name in protected:
            raise UsageError(f"Tệp kết quả '{folder / name}' là một tệp đầu vào; hãy chọn nơi ghi khác bằng -o.")
    if force or not folder.is_dir():
        return
    try:
        present = {entry.name for entry in folder.iterdir()}
    except OSError as exc:
        raise output_error(folder, exc) from exc
    existing = [name for name in names if name in present]
    if existing:
        listed = ", ".join(existing[:_LISTED])
        more = f" và {len(existing) - _LISTED} tệp khác" if len(existing) > _LISTED else ""
        raise OutputError(
            f"Đã có {len(existing)} tệp sẽ bị ghi đè ({listed}{more}); không ghi gì cả. Hãy chọn "
            "nơi ghi khác bằng -o, hoặc thêm --force để ghi đè.",
            path=folder,
        )


def write_forms(plan: Plan, folder: Path, unit_ids: Sequence[str], *, force: bool) -> list[Path]:
    """The forms of ``unit_ids`` and the schema in ``folder``; returns the forms written."""
    status = output_status(folder)
    if status is not None and not stat.S_ISDIR(status.st_mode):
        raise UsageError(f"'{folder}' là một tệp; -o phải là một thư mục, ví dụ -o bieu-mau/.")
    forms = [(f"{uid}.yaml", uid) for uid in unit_ids]
    refuse_existing(folder, [SCHEMA_NAME, *(name for name, _ in forms)], [plan.path], force=force)
    template = form_template(plan)
    files = [(SCHEMA_NAME, schema_json(plan))]
    files.extend((name, template.render(uid)) for name, uid in forms)
    if status is not None:
        for name, text in files:
            write_text(folder / name, text)
    else:
        _new_folder(folder, files)
    return [folder / name for name, _ in forms]


def _new_folder(folder: Path, files: Sequence[tuple[str, str]]) -> None:
    """A new folder appears whole or not at all: filled under a temporary name, then renamed
    (also a few system calls a file instead of a temporary file and a rename each)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    except OSError as exc:
        raise output_error(folder, exc) from exc
    try:
        for name, text in files:
            with (temp / name).open("xb") as stream:
                stream.write(text.encode("utf-8"))
        temp.chmod(0o777 & ~_umask())
        temp.rename(folder)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise output_error(folder, exc) from exc
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """``text`` as UTF-8, whole or not at all."""
    data = text.encode("utf-8")
    write_atomic(path, lambda stream: stream.write(data))
