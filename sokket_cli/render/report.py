"""The merged report as a document: rendering its template, writing the .docx (and .xlsx).

Templates (Jinja, under templates/) render the report markup that
:mod:`sokket_cli.render.docx` turns into Word. Unit and plan text reach a template only as
plain context data (:mod:`sokket_cli.render.context`), escaped on output, so ``{{ }}`` in a
unit's text is never evaluated; what a template may do is bounded (:mod:`sokket_cli.render.limits`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import jinja2

from sokket_cli.errors import SokketError, TemplateError
from sokket_cli.merge.commendations import CompiledCommendations
from sokket_cli.merge.outline import MergedReport
from sokket_cli.render.context import figure_table, template_context
from sokket_cli.render.docx import MarkupError, build_package
from sokket_cli.render.limits import (
    RenderLimits,
    RenderTimeout,
    memory_ceiling,
    time_limit,
    too_long,
)
from sokket_cli.render.sandbox import TEMPLATE_SUFFIX, ReportSandbox, builtin_templates, environment
from sokket_cli.render.template_errors import MEMORY_MESSAGE, template_error, template_location
from sokket_cli.write.atomic import write_all


def _load(
    merged: MergedReport, template: Path | None, limits: RenderLimits
) -> tuple[ReportSandbox, str, Path]:
    """The environment, the template's name in it, and its file (for messages)."""
    if template is not None:
        if not template.is_file():
            raise TemplateError("Không tìm thấy tệp mẫu báo cáo (--template).", path=template)
        env = environment(template, limits)
        name = template.name
    else:
        env = environment(None, limits)
        name = merged.plan.report.format + TEMPLATE_SUFFIX
    return env, name, template or builtin_templates() / name


def render_pieces(
    merged: MergedReport,
    template: Path | None = None,
    signing_date: date | None = None,
    limits: RenderLimits | None = None,
    *,
    data: dict[str, Any] | None = None,
) -> tuple[Iterator[str], str]:
    """The report markup as it is rendered, piece by piece, and the template file.

    Anything the template does wrong while rendering (a Jinja error, a limit passed, an
    exception in an expression) is raised by the iterator as :class:`TemplateError`.
    ``data`` is the context when already built.
    """
    limits = limits or RenderLimits()
    env, name, source_path = _load(merged, template, limits)
    try:
        compiled = env.get_template(name)
    except jinja2.TemplateError as exc:
        raise template_error(exc, source_path) from exc
    context = data if data is not None else template_context(merged, signing_date)

    def pieces() -> Iterator[str]:
        written = 0
        try:
            for piece in compiled.generate(context):
                written += len(piece)
                if written > limits.chars:
                    raise too_long(written, limits)
                yield piece
        except SokketError as exc:  # an include refused by the loader: say from where
            if exc.path is None:
                filename, exc.line = template_location(exc, str(source_path))
                exc.path = Path(filename)
            raise
        except Exception as exc:  # the template's doing: its expressions run here
            raise template_error(exc, source_path) from exc

    return pieces(), str(compiled.filename or source_path)


def render_markup(
    merged: MergedReport,
    template: Path | None = None,
    signing_date: date | None = None,
    limits: RenderLimits | None = None,
) -> tuple[str, str]:
    """The report markup whole, and the template file it came from."""
    pieces, source = render_pieces(merged, template, signing_date, limits)
    return "".join(pieces), source


@contextmanager
def bounded(limits: RenderLimits, source: Path) -> Iterator[None]:
    """Rendering under the time and memory limits; passing one is a :class:`TemplateError`."""
    try:
        with memory_ceiling(limits.memory), time_limit(limits.seconds):
            yield
    except RenderTimeout as exc:
        filename, line = template_location(exc, str(source))
        raise TemplateError(
            f"Mẫu báo cáo chạy quá {limits.seconds:g} giây nên đã bị dừng: có thể một vòng lặp "
            "không bao giờ kết thúc hoặc lặp quá nhiều lần. Hãy sửa mẫu rồi chạy lại.",
            path=Path(filename),
            line=line,
        ) from None
    except MemoryError:
        raise TemplateError(MEMORY_MESSAGE, path=source) from None


def write_report(
    merged: MergedReport,
    output: Path,
    template: Path | None = None,
    signing_date: date | None = None,
    *,
    workbook: Path | None = None,
    limits: RenderLimits | None = None,
    layout: str | None = None,
    commendations: CompiledCommendations | None = None,
) -> None:
    """Render the merged report and write the .docx (and the .xlsx), all or nothing;
    ``commendations``, the compiled proposals, add an appendix and a sheet.

    Both files are written to temporaries first and renamed into place only when both are
    complete. The markup is streamed from the template into the writer, never held whole;
    only a markup error renders it again, as one string, to quote the line at fault.
    """
    limits = limits or RenderLimits()
    table = figure_table(merged)
    data = template_context(merged, signing_date, table, layout, commendations)
    source = template or builtin_templates() / (merged.plan.report.format + TEMPLATE_SUFFIX)
    with bounded(limits, source):
        pieces, source_name = render_pieces(merged, template, signing_date, limits, data=data)
        outputs: list[tuple[Path, Callable[[BinaryIO], object]]] = [
            (output, lambda stream: build_package(pieces, stream))
        ]
        if workbook is not None:
            from sokket_cli.write.xlsx_writer import workbook_writer

            outputs.append((workbook, workbook_writer(merged.plan, table, commendations)))
        try:
            write_all(outputs)
        except MarkupError as exc:
            snippet = ""
            if exc.line is not None:
                markup, _ = render_markup(merged, template, signing_date, limits)
                lines = markup.split("\n")
                if 0 < exc.line <= len(lines):
                    snippet = f" Dòng {exc.line} của kết quả dựng: {lines[exc.line - 1].strip()[:160]!r}"
            raise TemplateError(f"{exc.message}{snippet}", path=Path(source_name)) from exc
