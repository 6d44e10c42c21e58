"""The one Jinja environment for report templates: sandboxed, immutable, bounded, decoding.

Templates are untrusted. The context is plain data (:mod:`sokket_cli.render.context`); on
top, the immutable sandbox refuses private names and methods that change data, and the
hooks below refuse work beyond :class:`~sokket_cli.render.limits.RenderLimits`.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from sokket_cli.errors import TemplateError, os_reason
from sokket_cli.intake.text import decode
from sokket_cli.render.filters import (
    ends_colon,
    ends_sentence,
    letter,
    long_date,
    roman,
    short_date,
    unit_names,
    without_colon,
)
from sokket_cli.render.limits import (
    RenderLimits,
    check_argument,
    check_format,
    check_power,
    check_repeat,
    check_size,
)
from sokket_cli.render.template_errors import PrintedCallable

TEMPLATE_SUFFIX = ".xml.j2"


def builtin_templates() -> Path:
    """The shipped templates: inside the installed package, else the checkout's templates/."""
    packaged = importlib.resources.files("sokket_cli") / "templates"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


class _DecodingLoader(jinja2.FileSystemLoader):
    """Reads templates as unit files are read: UTF-8 with or without BOM, UTF-16 with BOM.

    Notepad saves as UTF-16 ("Unicode") or the ANSI code page (cp1258) when asked; the
    latter is refused with where the first bad byte is, instead of a crash. Besides the
    template asked for, only ``.j2`` files load: ``{% include ".ssh/id_rsa" %}`` in a
    template saved in a home folder would otherwise copy the key into the report.
    """

    def __init__(self, searchpath: list[str], main_template: str | None) -> None:
        super().__init__(searchpath)
        self.main_template = main_template

    def get_source(
        self, _environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if template != self.main_template and not template.endswith(".j2"):
            raise TemplateError(
                f"Mẫu báo cáo chỉ được gọi tới các tệp mẫu có đuôi .j2, không phải '{template}'."
            )
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = Path(folder, *pieces)
            if not filename.is_file():
                continue
            try:
                data = filename.read_bytes()
            except OSError as exc:
                raise TemplateError(
                    f"Không đọc được tệp mẫu báo cáo ({os_reason(exc)}).", path=filename
                ) from exc
            decoded = decode(data)
            if decoded.text is None:
                problem = decoded.problem
                raise TemplateError(
                    f"Tệp mẫu báo cáo không đọc được: {problem.message if problem else ''}",
                    path=filename,
                    line=problem.line if problem else None,
                    column=problem.column if problem else None,
                )
            return decoded.text, os.path.normpath(filename), lambda: False
        raise jinja2.TemplateNotFound(template)


class ReportSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with size checks where a template builds values and a fast path for
    reading the context's mappings (a large report looks up ~300,000 attributes).

    A mapping's keys come before its methods, so ``entry.items`` is the sub-items, not
    ``dict.items``.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, limits: RenderLimits, **options: Any) -> None:
        super().__init__(**options)
        self.limits = limits

    def getattr(self, obj: Any, attribute: str) -> Any:
        kind = type(obj)
        if kind is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        elif kind is LoopContext and attribute[:1] != "_":
            return getattr(obj, attribute)  # ``loop.index``: what the sandbox allows anyway
        elif kind is Namespace:  # the one place a template keeps a value across a loop
            value = super().getattr(obj, attribute)
            check_size(value, self.limits)
            return value
        return super().getattr(obj, attribute)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            check_repeat(left, right, self.limits)
        elif operator == "**":
            check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            check_format(left, self.limits)
            for value in right if isinstance(right, tuple) else (right,):
                check_argument(value, self.limits)
        result = super().call_binop(context, operator, left, right)
        check_size(result, self.limits)
        return result

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        for value in args:
            check_argument(value, self.limits)
        for value in kwargs.values():
            check_argument(value, self.limits)
        result = super().call(context, obj, *args, **kwargs)
        check_size(result, self.limits)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is not None:
            check_format(value.__self__, self.limits)
        return wrapper


def _bounded(function: Callable[..., Any], limits: RenderLimits) -> Callable[..., Any]:
    """A Jinja filter with its arguments and result checked (``center(10**9)``, ``join``)."""

    @functools.wraps(function)  # keeps Jinja's pass_context/pass_environment mark
    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in args[1:]:
            check_argument(value, limits)
        for value in kwargs.values():
            check_argument(value, limits)
        result = function(*args, **kwargs)
        check_size(result, limits)
        return result

    return bounded


def _printable(value: Any) -> Any:
    """What ``{{ }}`` prints: anything but a function or method, whose text would be its
    memory address ("<function long_date at 0x7f…>") in the report."""
    if callable(value) and not isinstance(value, jinja2.runtime.Undefined):
        name = getattr(value, "__name__", "")
        raise PrintedCallable(
            f"Mẫu báo cáo in ra '{name}', nhưng '{name}' là một hàm, cần được gọi chứ không in ra. "
            f"Ví dụ: {{{{ giá_trị|{name} }}}} hoặc {{{{ {name}(giá_trị) }}}}."
        )
    return value


def environment(
    user_template: Path | None = None, limits: RenderLimits | None = None
) -> ReportSandbox:
    """The one Jinja environment: sandboxed, escaping, strict about undefined names.

    Includes and imports are looked up next to the user's template first, then among the
    built-in templates, so a copied template can keep using the shared blocks.
    """
    limits = limits or RenderLimits()
    search = [str(user_template.resolve().parent)] if user_template is not None else []
    search.append(str(builtin_templates()))
    env = ReportSandbox(
        limits,
        loader=_DecodingLoader(search, user_template.name if user_template is not None else None),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        finalize=_printable,
    )
    env.filters = {name: _bounded(f, limits) for name, f in env.filters.items()}
    env.filters.update(
        roman=roman, letter=letter, short_date=short_date, long_date=long_date, names=unit_names,
        without_colon=without_colon,
    )
    env.tests["ends_sentence"] = ends_sentence
    env.tests["ends_colon"] = ends_colon
    del env.globals["lipsum"]  # random filler text, of any length asked
    env.globals.update(roman=roman, letter=letter, short_date=short_date, long_date=long_date)
    return env
