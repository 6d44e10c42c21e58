"""The merged report as a document: template context, rendering, and writing the .docx.

Templates (Jinja, under templates/) render the report markup that
:mod:`sokket_cli.render.docx` turns into Word. Unit and plan text reach a template only as
context data, escaped on output, so ``{{ }}`` in a unit's text is never evaluated.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment

from sokket_cli.check.plan import Indicator, Part, Plan, PlanUnit, ReportSettings, Section, Signer
from sokket_cli.errors import TemplateError
from sokket_cli.merge.figures import FigureTable, RowKind, build_table, cell_text
from sokket_cli.merge.outline import Entry, MergedPart, MergedReport, MergedSection, UnitSummary
from sokket_cli.render.docx import MarkupError, write_docx

TEMPLATE_SUFFIX = ".xml.j2"
# Vietnamese lettering of points (điểm) a), b), ... skips f, j, w, z and adds đ.
_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def builtin_templates() -> Path:
    """The shipped templates: inside the installed package, else the checkout's templates/."""
    packaged = importlib.resources.files("sokket_cli") / "templates"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


# --- helpers offered to templates -------------------------------------------------------------


def roman(number: int) -> str:
    """1 -> I, 4 -> IV: section numbers of a Party report."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """1 -> a, 5 -> đ: the Vietnamese point letters (a, b, c, d, đ, e, g, ...)."""
    count = len(_LETTERS)
    prefix = "" if number <= count else letter((number - 1) // count)
    return prefix + _LETTERS[(number - 1) % count]


def _day(value: int) -> str:
    return f"{value:02d}"


def _month(value: int) -> str:
    return f"{value:02d}" if value < 3 else str(value)


def short_date(value: date | None) -> str:
    """08/6/2021: days below 10 and months 1-2 take a leading zero, as in Party texts."""
    if value is None:
        return ""
    return f"{_day(value.day)}/{_month(value.month)}/{value.year}"


def long_date(value: date | None, year: int | None = None, blank: str = "   ") -> str:
    """``ngày 02 tháng 7 năm 2021``; without a date, ``ngày   tháng   năm 2021`` to sign in."""
    if value is None:
        return f"ngày{blank}tháng{blank}năm {year if year is not None else ''}".rstrip()
    return f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"


def unit_names(units: Iterable[PlanUnit | Any], separator: str = ", ") -> str:
    """The units' names in the given (plan) order, joined."""
    return separator.join(getattr(u, "unit", u).name for u in units)


def ends_sentence(text: str) -> bool:
    """Whether the text already ends in punctuation, so the template adds none."""
    stripped = text.rstrip().rstrip("\"'”’)»")
    return bool(stripped) and unicodedata.category(stripped[-1]).startswith("P")


# --- environment ------------------------------------------------------------------------------


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _ReportSandbox(SandboxedEnvironment):
    """The sandbox, with a fast path for reading public fields of sokket's own data classes.

    A large report looks up ~300,000 attributes; the generic sandbox check costs more than
    the rest of rendering. These classes hold plain data, so their public attributes are
    safe; anything else (and every ``_`` name) still goes through the full check.
    """

    safe_types: frozenset[type] = frozenset(
        {
            Entry, MergedPart, MergedSection, MergedReport, UnitSummary,
            Plan, PlanUnit, ReportSettings, Signer, Section, Part, Indicator,
            LoopContext,  # ``loop.depth``, ``loop.index``: the sandbox allows every public name
        }
    )

    def getattr(self, obj: Any, attribute: str) -> Any:
        kind = type(obj)
        if attribute[:1] != "_":
            if kind in self.safe_types:
                try:
                    return getattr(obj, attribute)
                except AttributeError:
                    pass
            elif kind is dict and attribute not in _DICT_ATTRIBUTES and attribute in obj:
                return obj[attribute]  # what the sandbox returns too: dict's own names excepted
        return super().getattr(obj, attribute)



def environment(user_folder: Path | None = None) -> SandboxedEnvironment:
    """The one Jinja environment: sandboxed, escaping, strict about undefined names.

    Includes and imports are looked up next to the user's template first, then among the
    built-in templates, so a copied template can keep using the shared blocks.
    """
    search = [str(user_folder)] if user_folder is not None else []
    search.append(str(builtin_templates()))
    env = _ReportSandbox(
        loader=jinja2.FileSystemLoader(search, encoding="utf-8-sig"),  # Notepad adds a BOM
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters.update(
        roman=roman, letter=letter, short_date=short_date, long_date=long_date, names=unit_names
    )
    env.tests["ends_sentence"] = ends_sentence
    env.globals.update(roman=roman, letter=letter, short_date=short_date, long_date=long_date)
    return env


def context(merged: MergedReport, signing_date: date | None) -> dict[str, Any]:
    """What a template sees; the names are documented in templates/README.md."""
    plan = merged.plan
    year = next(
        (d.year for d in (signing_date, plan.deadline, plan.date) if d is not None), date.today().year
    )
    return {
        "plan": plan,
        "report": plan.report,
        "sections": merged.sections,
        "compiled": merged.compiled,
        "late": tuple(s.unit for s in merged.compiled if s.late),
        "missing": merged.missing,
        "skipped": merged.skipped,
        "total_units": len(plan.units),
        "signing_date": signing_date,
        "year": year,
        "merged": merged,
        **_figures(merged),
    }


WIDE_TABLE = 6  # more indicator columns than this go on a landscape page


def figure_table(merged: MergedReport) -> FigureTable:
    """The appendix table of the merged report (also what --xlsx writes)."""
    return build_table(merged.plan, {s.unit.id: s.indicators for s in merged.compiled})


def _figures(merged: MergedReport) -> dict[str, Any]:
    """``figures`` (the appendix table as text cells) and ``totals`` (key -> total as text)."""
    table = figure_table(merged)
    indicators = table.indicators
    rows: list[dict[str, Any]] = []
    number = 0
    for row in table.rows:
        is_unit = row.kind is RowKind.UNIT
        number += is_unit
        rows.append(
            {
                "kind": row.kind.value,
                "number": number if is_unit else "",
                "label": row.label,
                "reported": row.reported,
                "cells": [cell_text(v, row, ind) for v, ind in zip(row.values, indicators, strict=True)],
            }
        )
    total = table.total
    reported = [
        {"label": ind.label, "unit": ind.unit, "text": cell_text(value, total, ind)}
        for ind, value in zip(indicators, total.values, strict=True)
        if value is not None
    ]
    return {
        "figures": {
            "indicators": indicators,
            "rows": rows,
            "wide": len(indicators) > WIDE_TABLE,
            "reported_totals": reported,
        },
        "totals": {
            ind.key: cell_text(value, total, ind)
            for ind, value in zip(indicators, total.values, strict=True)
        },
    }


def _template_location(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template file and line of a render-time error, from Jinja's rewritten traceback."""
    where: tuple[str, int | None] = (fallback, None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return where


def _load(
    merged: MergedReport, template: Path | None
) -> tuple[SandboxedEnvironment, str, Path]:
    """The environment, the template's name in it, and its file (for messages)."""
    if template is not None:
        if not template.is_file():
            raise TemplateError("Không tìm thấy tệp mẫu báo cáo (--template).", path=template)
        env = environment(template.resolve().parent)
        name = template.name
    else:
        env = environment()
        name = merged.plan.report.format + TEMPLATE_SUFFIX
    return env, name, template or builtin_templates() / name


def _template_error(exc: jinja2.TemplateError, source_path: Path) -> TemplateError:
    """What a clerk reads for a Jinja error, whether met loading or rendering."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"Mẫu báo cáo viết sai cú pháp: {exc.message}", path=Path(exc.filename or source_path), line=exc.lineno
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(
            f"Mẫu báo cáo gọi tới tệp '{exc.name}' nhưng không tìm thấy, cả cạnh tệp mẫu lẫn trong các mẫu có sẵn.",
            path=source_path,
        )
    filename, line = _template_location(exc, str(source_path))
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(
            f"Mẫu báo cáo dùng một tên không có: {exc.message}. Xem các tên dùng được trong templates/README.md.",
            path=Path(filename),
            line=line,
        )
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateError(
            f"Mẫu báo cáo dùng tới phần bên trong của chương trình, điều không được phép vì an toàn ({exc}).",
            path=Path(filename),
            line=line,
        )
    return TemplateError(f"Mẫu báo cáo bị lỗi: {exc}", path=Path(filename), line=line)


def render_markup(
    merged: MergedReport, template: Path | None = None, signing_date: date | None = None
) -> tuple[str, str]:
    """The report markup and the template file it came from."""
    env, name, source_path = _load(merged, template)
    try:
        compiled = env.get_template(name)
        return compiled.render(context(merged, signing_date)), str(compiled.filename or source_path)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, source_path) from exc


def render_pieces(
    merged: MergedReport, template: Path | None = None, signing_date: date | None = None
) -> tuple[Iterator[str], str]:
    """The report markup as it is rendered, piece by piece, and the template file.

    Template errors met while rendering are raised, as :class:`TemplateError`, by the
    iterator.
    """
    env, name, source_path = _load(merged, template)
    try:
        compiled = env.get_template(name)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, source_path) from exc
    data = context(merged, signing_date)

    def pieces() -> Iterator[str]:
        try:
            yield from compiled.generate(data)
        except jinja2.TemplateError as exc:
            raise _template_error(exc, source_path) from exc

    return pieces(), str(compiled.filename or source_path)


def write_report(
    merged: MergedReport,
    output: Path,
    template: Path | None = None,
    signing_date: date | None = None,
) -> None:
    """Render the merged report with its template and write the .docx, whole or not at all.

    The markup is streamed from the template into the writer, never held whole; only a
    markup error renders it again, as one string, to quote the line at fault.
    """
    pieces, source = render_pieces(merged, template, signing_date)
    try:
        write_docx(pieces, output)
    except MarkupError as exc:
        snippet = ""
        if exc.line is not None:
            markup, _ = render_markup(merged, template, signing_date)
            lines = markup.split("\n")
            if 0 < exc.line <= len(lines):
                snippet = f" Dòng {exc.line} của kết quả dựng: {lines[exc.line - 1].strip()[:160]!r}"
        raise TemplateError(f"{exc.message}{snippet}", path=Path(source)) from exc
