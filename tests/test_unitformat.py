"""The one description of a unit file: derived from the plan, read back by validate."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from helpers import PLAN
from hypothesis import given, settings
from hypothesis import strategies as st

from sokket_cli.check.plan import read_plan
from sokket_cli.check.unit import Item, check_unit
from sokket_cli.check.unitformat import Kind
from sokket_cli.intake.legacy import guess_legacy
from sokket_cli.write.unitfile import quote, unit_yaml


def write_plan(folder: Path) -> Path:
    path = folder / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_format_follows_the_plan(tmp_path: Path) -> None:
    plan = read_plan(write_plan(tmp_path))
    fmt = plan.unit_format
    assert fmt.keys[:2] == ("unit", "submitted")
    assert [f.key for f in fmt.sections] == ["achievements", "shortcomings", "causes", "lessons"]
    causes = fmt.field("causes")
    assert causes.kind is Kind.PARTS
    assert [p.path for p in causes.children] == ["causes.objective", "causes.subjective"]
    assert fmt.field("lessons").required is False
    assert fmt.field("indicators.rate").number_type == "percent"
    data = fmt.to_data()
    assert data["units"][0] == {"id": "ba-dinh", "name": "Quận ủy Ba Đình"}
    objective = data["fields"][4]["children"][0]
    assert objective["empty_message"].startswith("Phần 'objective' (Nguyên nhân khách quan)")


def test_guidance_and_aliases_are_read_from_the_plan(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        '  - {key: shortcomings, title: "Hạn chế, yếu kém"}',
        '  - {key: shortcomings, title: "Hạn chế, yếu kém", guidance: "Nêu rõ hạn chế.",'
        ' aliases: ["Hạn chế, khuyết điểm"]}',
    )
    path.write_text(text, encoding="utf-8")
    plan = read_plan(path)
    assert plan.sections[1].guidance == "Nêu rõ hạn chế."
    assert plan.sections[1].aliases == ("Hạn chế, khuyết điểm",)
    assert plan.unit_format.field("shortcomings").guidance == "Nêu rõ hạn chế."


# Vietnamese letters, digits and every character YAML gives a meaning to; random Latin-1 is
# left out because it can look like TCVN3/VNI text, which validate rightly refuses.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậềểễếệìỉĩíịờởỡớợừửữứựĐƯƠ0123456789"
_ALPHABET += " \t:#-*\"\\'{}[]%&!|>@`,?~=+/()"
_TEXT = st.text(alphabet=_ALPHABET, min_size=1).filter(
    lambda t: bool(t.strip())
    and unicodedata.normalize("NFC", t) == t
    and guess_legacy(t) is None  # random letters can read as TCVN3 ('baá'), rightly refused
)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4), sub=_TEXT)
def test_written_unit_file_reads_back_exactly(tmp_path_factory, texts: list[str], sub: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("u")
    plan = read_plan(write_plan(folder))
    items = (Item(texts[0], (Item(sub),)), *(Item(t) for t in texts[1:]))
    content = {
        "achievements": items,
        "shortcomings": (Item(sub),),
        "causes.objective": (Item(texts[-1]),),
        "causes.subjective": (Item(texts[0]),),
    }
    yaml_text = unit_yaml(
        plan.unit_format,
        "ba-dinh",
        submitted=date(2021, 6, 30),
        content=content,
        indicators={"conferences": "45"},
        header=["Nhập từ tệp\nbao-cao.docx"],
    )
    unit = check_unit(folder / "ba-dinh.yaml", yaml_text.encode("utf-8"), plan)
    assert [p for p in unit.report.problems if p.is_error] == []
    for key, expected in content.items():
        assert unit.content[key] == expected
    assert unit.submitted == date(2021, 6, 30)
    assert str(unit.indicators["conferences"]) == "45"


def test_quote_escapes_only_what_yaml_needs() -> None:
    assert quote('Tỷ lệ 100% "đạt" # C:\\new') == '"Tỷ lệ 100% \\"đạt\\" # C:\\\\new"'
    assert quote("- * : {}") == '"- * : {}"'
