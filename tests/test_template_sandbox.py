"""A template is untrusted (it arrives by e-mail): it sees plain data, cannot reach files or
Python internals, cannot run for ever or build gigabytes, and may be saved by Notepad."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import VALID_UNIT, write_review
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sokket_cli.check.collect import collect
from sokket_cli.check.plan import read_plan
from sokket_cli.cli import app
from sokket_cli.errors import TemplateError
from sokket_cli.intake.discovery import gather
from sokket_cli.merge.outline import MergedReport, merge
from sokket_cli.render import report
from sokket_cli.render.context import PLAIN_TYPES, template_context
from sokket_cli.render.limits import RenderLimits, RenderTimeout, time_limit
from sokket_cli.render.report import write_report

runner = CliRunner()
HOAN_KIEM = VALID_UNIT.replace("unit: ba-dinh", "unit: hoan-kiem").replace("submitted: 2021-06-30", "submitted: 2021-07-09")


def merged_report(root: Path) -> MergedReport:
    units = write_review(root, {"ba-dinh.yaml": VALID_UNIT, "hoan-kiem.yaml": HOAN_KIEM})
    plan = read_plan(root / "plan.yaml")
    collection = collect(plan, gather([units], root / "plan.yaml").units)
    return merge(plan, list(collection.by_unit.values()))


def reachable(value: Any) -> Iterator[Any]:
    """Every value reachable from ``value`` through containers, keys included."""
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from reachable(key)
            yield from reachable(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from reachable(item)


# --- the context is plain data -------------------------------------------------------------------


def test_every_value_a_template_can_reach_is_plain_data(tmp_path: Path) -> None:
    context = template_context(merged_report(tmp_path), date(2021, 7, 10))
    kinds = {type(value) for value in reachable(context)}
    assert kinds <= PLAIN_TYPES, kinds - PLAIN_TYPES
    assert Path not in kinds and str in kinds and date in kinds and Decimal in kinds
    # the documented names are all there
    assert set(context) >= {
        "plan", "report", "sections", "compiled", "late", "missing", "skipped", "total_units",
        "signing_date", "year", "figures", "totals",
    }
    assert "path" not in context["plan"]


def test_plain_types_have_no_path_to_the_file_system() -> None:
    for kind in PLAIN_TYPES:
        assert not any(name in dir(kind) for name in ("read_text", "write_text", "open", "joinpath"))


# --- escapes are refused with exit 2, reading and writing nothing ---------------------------------


SECRET = "bí mật không được lộ"
ESCAPES = [
    "{{ plan.path.parent.joinpath('SECRET').read_text() }}",
    "{{ plan.path.parent.joinpath('written.txt').write_text('x') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ self._TemplateReference__context }}",
    "{{ range.__self__ }}",
    "{{ '{0.__class__}'.format(report) }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}",
    "{{ report.signer.items.__self__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ report.recipients.append('x') }}",
    "{{ report.update(title='x') }}",
    "{{ lipsum(10) }}",
]


@pytest.mark.parametrize("expression", ESCAPES)
def test_template_escapes_are_refused_and_touch_no_file(tmp_path: Path, expression: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "SECRET").write_text(SECRET, encoding="utf-8")
    template = tmp_path / "evil.xml.j2"
    template.write_text(f"<document><p>{expression}</p></document>", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{template}:1: Mẫu báo cáo" in result.output
    assert SECRET not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, nothing written


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "plan", "report", "sections", "compiled", "figures", "totals", "missing", "late",
                "cycler", "joiner", "namespace", "range", "dict", "self", "loop", "roman", "names",
                "__class__", "__init__", "__globals__", "__self__", "__dict__", "__mro__",
                "items", "keys", "values", "get", "mro", "func_globals", "gi_frame", "f_globals",
                "_TemplateReference__context", "__subclasses__", "__builtins__", "__import__",
            ]
        ),
        min_size=1,
        max_size=5,
    )
)
def test_no_attribute_chain_from_the_context_reaches_python(tmp_path_factory: pytest.TempPathFactory, chain: list[str]) -> None:
    """Fuzz: any dotted chain either renders as plain text or is a TemplateError (exit 2)."""
    root = tmp_path_factory.mktemp("fuzz")
    merged = merged_report(root)
    template = root / "f.xml.j2"
    template.write_text("<document><p>{{ " + ".".join(chain) + " }}</p></document>", encoding="utf-8")
    try:
        write_report(merged, root / "o.docx", template)
    except TemplateError:
        return
    text = (root / "o.docx").read_bytes()
    for leak in (b"<function", b"<built-in", b"<module", b"<class", b"object at 0x"):
        assert leak not in text


@pytest.mark.parametrize("name", ["SECRET", "plan.yaml", "units/ba-dinh.yaml"])
def test_a_template_includes_only_template_files(tmp_path: Path, name: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "SECRET").write_text(SECRET, encoding="utf-8")
    template = tmp_path / "evil.xml.j2"
    template.write_text(f'<document>\n<p>{{% include "{name}" %}}</p></document>', encoding="utf-8")
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{template}:2: Mẫu báo cáo chỉ được gọi tới các tệp mẫu có đuôi .j2, không phải '{name}'." in result.output
    assert SECRET not in result.output and not out.exists()


# --- bounded work ---------------------------------------------------------------------------------


HUGE = [
    "{{ 'x' * 10**9 }}",
    "{{ ['x'] * 10**9 }}",
    "{{ 10 ** 1000000000 }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ 'x'.center(999999999) }}",
    "{{ 'x'|center(999999999) }}",
    "{{ range(10**9)|list }}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}",
    "{% for i in range(1000) %}{{ 'x' * 100000 }}{% endfor %}",
]


@pytest.mark.parametrize("expression", HUGE)
def test_a_template_building_too_much_text_is_stopped(tmp_path: Path, expression: str) -> None:
    merged = merged_report(tmp_path)
    template = tmp_path / "big.xml.j2"
    template.write_text(f"<document><p>{expression}</p></document>", encoding="utf-8")
    limits = RenderLimits(seconds=20, chars=10_000_000, items=1_000_000, memory=1 << 30)
    with pytest.raises(TemplateError) as info:
        write_report(merged, tmp_path / "o.docx", template, limits=limits)
    assert "Mẫu báo cáo" in info.value.message
    assert any(word in info.value.message for word in ("quá dài", "quá lớn", "bộ nhớ", "lồng nhau"))
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize(
    "expression",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ '' }}{% endfor %}{% endfor %}",
        (
            "{% macro spin(n) %}{% for i in range(100000) %}{% endfor %}{{ spin(n) if n else '' }}"
            "{% endmacro %}{% for i in range(100000) %}{{ spin(0) }}{% endfor %}"
        ),
    ],
)
def test_a_template_that_runs_for_ever_is_stopped_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expression: str
) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "loop.xml.j2"
    template.write_text(f"<document>\n<p>{expression}</p></document>", encoding="utf-8")
    monkeypatch.setattr(report, "RenderLimits", lambda: RenderLimits(seconds=0.5))
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "chạy quá 0.5 giây nên đã bị dừng" in result.output
    # the line it was stuck on, when the watchdog caught it inside the template's code
    assert f"{template}:2: " in result.output or f"{template}: " in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.xml.j2", "plan.yaml", "units"]


@pytest.mark.parametrize("use_alarm", [True, False])
def test_the_watchdog_interrupts_a_pure_python_loop(use_alarm: bool) -> None:
    """Both ways: SIGALRM where the system has it, a timer thread elsewhere (Windows)."""
    if use_alarm and not hasattr(os, "fork"):
        pytest.skip("no SIGALRM")
    with pytest.raises(RenderTimeout), time_limit(0.2, use_alarm=use_alarm):
        while True:
            pass


@pytest.mark.parametrize("use_alarm", [True, False])
def test_the_watchdog_is_silent_when_work_ends_in_time(use_alarm: bool) -> None:
    if use_alarm and not hasattr(os, "fork"):
        pytest.skip("no SIGALRM")
    with time_limit(5, use_alarm=use_alarm):
        total = sum(range(1000))
    assert total == 499500


def test_a_macro_calling_itself_exits_2_with_a_message(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "r.xml.j2"
    template.write_text("<document>{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}</document>", encoding="utf-8")
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert "gọi lồng nhau quá sâu" in result.output


def test_an_error_in_a_template_expression_is_the_templates_exit_2(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "r.xml.j2"
    template.write_text("<document>\n<p>{{ 1 / 0 }}{{ 'a'|roman }}</p></document>", encoding="utf-8")
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert f"{template}:2: Mẫu báo cáo bị lỗi khi dựng báo cáo (ZeroDivisionError" in result.output


def test_the_shipped_templates_still_render_the_same_names_and_sub_items(tmp_path: Path) -> None:
    """``entry.items`` is the sub-items (a key), not ``dict.items`` (a method)."""
    merged = merged_report(tmp_path)
    template = tmp_path / "t.xml.j2"
    template.write_text(
        "<document>{% for s in sections %}{% for e in s.entries %}<p>{{ e.text }}|{{ e.units|names }}"
        "|{{ e.items|length }}</p>{% endfor %}{% endfor %}<p>{{ compiled|names }}/{{ late|names }}</p></document>",
        encoding="utf-8",
    )
    pieces, _ = report.render_pieces(merged, template)
    markup = "".join(pieces)
    assert "Công tác kiểm tra được tăng cường:|Quận ủy Ba Đình, Quận ủy Hoàn Kiếm|1" in markup
    assert "<p>Quận ủy Ba Đình, Quận ủy Hoàn Kiếm/Quận ủy Hoàn Kiếm</p>" in markup


# --- templates saved by Notepad -------------------------------------------------------------------


SIMPLE = "<document>\n<p>Báo cáo {{ report.place }}</p>\n</document>\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_template_saved_as_utf16_or_with_bom_renders(tmp_path: Path, encoding: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_bytes(SIMPLE.encode(encoding))
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(out)])
    assert result.exit_code == 0, result.output
    import docx

    assert "Báo cáo Hà Nội" in [p.text for p in docx.Document(str(out)).paragraphs]


def test_a_template_saved_as_cp1258_exits_2_naming_the_bad_byte(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_bytes("<document>\n<p>Báo cáo</p>\n</document>\n".encode("cp1258"))
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert f"{template}:2:5: Tệp mẫu báo cáo không đọc được: Byte 0xE1" in result.output
    assert "UTF-8" in result.output


def test_an_included_template_in_cp1258_is_refused_too(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text('<document>{% include "phan.xml.j2" %}</document>', encoding="utf-8")
    (tmp_path / "phan.xml.j2").write_bytes("<p>Báo cáo</p>".encode("cp1258"))
    result = runner.invoke(app, ["compile", str(units), "--template", str(template), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'phan.xml.j2'}:1:5: Tệp mẫu báo cáo không đọc được" in result.output
