"""Writing the units' forms (``sokket forms``): one ``<id>.yaml`` per unit and the JSON Schema
beside them. Every target is checked before the first is written: existing files are only
replaced when asked, and the plan itself never is."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sokket_cli.check.plan import Plan
from sokket_cli.check.schema import nearest
from sokket_cli.errors import OutputError, UsageError
from sokket_cli.render.form_yaml import SCHEMA_NAME, form_body, unit_form
from sokket_cli.render.jsonschema import schema_json
from sokket_cli.write.atomic import output_error, write_atomic

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


def refuse_existing(targets: Sequence[Path], inputs: Sequence[Path], *, force: bool) -> None:
    """An input is never replaced; other existing files only with ``force``."""
    protected = {path.resolve() for path in inputs}
    for target in targets:
        if target.resolve() in protected:
            raise UsageError(f"Tệp kết quả '{target}' là một tệp đầu vào; hãy chọn thư mục khác bằng -o.")
    if force:
        return
    existing = [t for t in targets if t.exists()]
    if existing:
        names = ", ".join(t.name for t in existing[:_LISTED])
        more = f" và {len(existing) - _LISTED} tệp khác" if len(existing) > _LISTED else ""
        raise OutputError(
            f"Đã có {len(existing)} tệp sẽ bị ghi đè ({names}{more}); không ghi gì cả. Hãy chọn "
            "thư mục khác bằng -o, hoặc thêm --force để ghi đè.",
            path=existing[0].parent,
        )


def write_forms(plan: Plan, folder: Path, unit_ids: Sequence[str], *, force: bool) -> list[Path]:
    """The forms of ``unit_ids`` and the schema in ``folder``; returns the forms written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' là một tệp; -o phải là một thư mục, ví dụ -o bieu-mau/.")
    forms = [(folder / f"{uid}.yaml", uid) for uid in unit_ids]
    schema = folder / SCHEMA_NAME
    refuse_existing([schema, *(path for path, _ in forms)], [plan.path], force=force)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc) from exc
    write_text(schema, schema_json(plan))
    body = form_body(plan)
    for path, uid in forms:
        write_text(path, unit_form(plan, uid, body))
    return [path for path, _ in forms]


def write_text(path: Path, text: str) -> None:
    """``text`` as UTF-8, whole or not at all."""
    data = text.encode("utf-8")
    write_atomic(path, lambda stream: stream.write(data))
