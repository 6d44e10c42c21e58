"""The offline HTML form: one self-contained page, and what it writes read back by validate.

The browser tests drive Debian's chromium through selenium; they skip where chromium,
chromedriver or selenium is not installed (.ci/run installs them).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import PLAN

from sokket_cli.check import numbers
from sokket_cli.check.plan import Plan, read_plan
from sokket_cli.check.unit import Item, UnitFile, check_unit, content_key
from sokket_cli.render.htmlform import html_form, script_json
from sokket_cli.write.unitfile import quote, unit_yaml

AWKWARD = [
    'Trích dẫn "Nghị quyết" và \'nháy đơn\'',
    "Tỷ lệ: 96,5% đạt yêu cầu",
    "Kết luận # không phải ghi chú",
    "- bắt đầu bằng gạch đầu dòng",
    "* bắt đầu bằng dấu sao",
    "% bắt đầu bằng phần trăm",
    r"Đường dẫn C:\new\thư mục\\ và \x41",
    "Biểu tượng 🎉👍🏽 và 中文",
    "Đảng ủy phường Ba Đình: «Ưu tiên» — tốt",
    "key: value",
    "@ ` | > ! & { } [ ] , ? ~ null true 0123 1.000",
    "ends with colon:",
    "   ",
]
HEADER = [
    "Báo cáo của {name} theo kế hoạch 30-KH/TU",
    "Lập bằng biểu mẫu của sokket; mở lại bằng nút 'Mở tệp đã lưu' để sửa tiếp.",
]
PLAN_WITH_GUIDANCE = PLAN.replace(
    '{key: achievements, title: "Kết quả đạt được"}',
    '{key: achievements, title: "Kết quả đạt được", guidance: "Nêu kết quả học tập, quán '
    'triệt; việc cụ thể hóa thành chương trình, kế hoạch."}',
)


def make_plan(folder: Path, text: str = PLAN_WITH_GUIDANCE) -> Plan:
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)


def embedded(page: str) -> Any:
    match = re.search(r'<script type="application/json" id="sokket-data">(.*?)</script>', page, re.DOTALL)
    assert match is not None
    return json.loads(match.group(1))


def big_plan(units: int, indicators: int) -> str:
    """A plan shaped like a province's review: long Vietnamese names, guidance everywhere."""
    guidance = (
        "Đánh giá việc quán triệt, triển khai thực hiện; những kết quả nổi bật, mô hình, cách "
        "làm hay; dẫn chứng bằng số liệu cụ thể."
    )
    lines = [PLAN.split("sections:")[0], "sections:"]
    lines += [
        f'  - {{key: {key}, title: "Tiêu đề mục {key}", guidance: "{guidance}"}}'
        for key in ("achievements", "shortcomings", "lessons", "recommendations")
    ]
    lines.append('  - key: causes\n    title: "Nguyên nhân"\n    guidance: "' + guidance + '"')
    lines.append("    parts:")
    lines += [
        f'      - {{key: {key}, title: "Nguyên nhân {key}", guidance: "{guidance}"}}'
        for key in ("objective", "subjective")
    ]
    lines.append("indicators:")
    lines += [
        f'  - {{key: chi_tieu_{i:02d}, label: "Số tổ chức đảng, đảng viên được kiểm tra, '
        f'giám sát theo chỉ tiêu {i}", unit: "tổ chức", type: {numbers.TYPES[i % 3]}, '
        "aggregate: none}"
        for i in range(indicators)
    ]
    lines.append("units:")
    lines += [
        f'  - {{id: dang-uy-xa-phuong-{i:03d}, name: "Đảng ủy phường Nguyễn Trãi Hưng '
        f'Đạo số {i}", group: "Các đảng ủy xã, phường, đặc khu"}}'
        for i in range(units)
    ]
    return "\n".join(lines) + "\n"


# ---- the generated page ------------------------------------------------------------------


def test_page_needs_no_network(tmp_path: Path) -> None:
    page = html_form(make_plan(tmp_path))
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", page, re.IGNORECASE)
    assert not re.search(r"<(script|img|iframe|link)[^>]*\s(src|href)=", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert page.count("<style>") == 1 and page.count("</style>") == 1
    assert "default-src 'none'" in page  # the browser itself refuses any request


def test_page_embeds_the_model_not_a_copy(tmp_path: Path) -> None:
    plan = make_plan(tmp_path)
    data = embedded(html_form(plan))
    assert data["format"] == plan.unit_format.to_data()
    assert data["numbers"] == numbers.rules()
    assert data["plan"]["code"] == "30-KH/TU" and data["plan"]["deadline"] == "02/07/2021"


def test_number_rules_are_the_ones_parse_uses() -> None:
    rules = numbers.rules()
    assert all(not char.strip() for char in rules["whitespace"])
    assert all(chr(c).strip() for c in range(0x3100) if chr(c) not in rules["whitespace"])
    for char in rules["ignored_spaces"]:  # removed before judging: "1 000" is grouped
        assert numbers.parse(f"1{char}000", numbers.INTEGER)[1] == numbers.GROUPED_BY_SPACE.format(
            text=f"1{char}000", digits="1000"
        )
    for name, pattern in rules["patterns"].items():
        assert re.compile(pattern) is not None and pattern == getattr(numbers, f"{name.upper()}_PATTERN")


def test_embedded_json_cannot_end_its_script(tmp_path: Path) -> None:
    hostile = 'Kết quả </script><script>alert(1)</script> <!-- \u2028 \u2029 & "x"'
    plan_text = PLAN.replace('"Kết quả đạt được"', json.dumps(hostile))
    plan = make_plan(tmp_path, plan_text)
    page = html_form(plan)
    assert page.count("</script>") == 2 and "<!--" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert embedded(page)["format"]["fields"][2]["title"] == hostile
    assert json.loads(script_json({"x": hostile})) == {"x": hostile}


def test_page_size_for_a_province(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, big_plan(200, 20))
    assert len(plan.units) == 200 and len(plan.indicators) == 20
    size = len(html_form(plan).encode("utf-8"))
    assert size < 300_000, size


def test_page_assets_are_package_data() -> None:
    """The wheel ships sokket_cli/ whole (hatch), so the assets must live inside it."""
    folder = Path(__file__).parents[1] / "sokket_cli" / "render" / "htmlform_files"
    assert {p.name for p in folder.iterdir()} >= {"form.html", "form.css", "form.js"}
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["sokket_cli"]' in pyproject


# ---- in a real browser -------------------------------------------------------------------

CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        return "chromium is not installed (apt-get install chromium)"
    if not (shutil.which("chromedriver") or Path("/usr/bin/chromedriver").exists()):
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


MISSING = _browser_missing()
needs_browser = pytest.mark.skipif(MISSING is not None, reason=f"browser tests: {MISSING}")


class Form:
    """A browser showing the form; ``profile`` keeps local storage between browsers."""

    def __init__(self, page: Path, profile: Path, downloads: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in CHROME_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument("--window-size=1100,900")
        options.add_experimental_option(
            "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
        )
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.get(page.as_uri())

    def field(self, name: str) -> Any:
        return self.driver.find_element("name", name)

    def set(self, name: str, value: str) -> None:
        """Set a field as if typed (emoji cannot go through chromedriver's keyboard)."""
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            self.field(name),
            value,
        )

    def choose(self, name: str, value: str) -> None:
        """Pick ``value`` in the drop-down list ``name``."""
        from selenium.webdriver.support.ui import Select

        Select(self.field(name)).select_by_value(value)

    def choose_unit(self, unit_id: str) -> None:
        self.choose("unit", unit_id)

    def value(self, name: str) -> str:
        return str(self.field(name).get_property("value"))

    def output(self) -> str:
        return str(self.driver.find_element("id", "yaml-output").get_property("value"))

    def text(self, element_id: str) -> str:
        return str(self.driver.find_element("id", element_id).text)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def reopened(self, text: str) -> str:
        """The file the page saves after opening ``text`` (a unit file)."""
        self.js("window.sokketForm.loadText(arguments[0])", text)
        return str(self.js("return window.sokketForm.yaml()"))

    def errors(self) -> list[Any]:
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def quit(self) -> None:
        self.driver.quit()


def write_page(plan: Plan, folder: Path) -> Path:
    page = folder / "bieu-mau.html"
    page.write_text(html_form(plan), encoding="utf-8")
    return page


@contextmanager
def form_for(plan: Plan, folder: Path) -> Iterator[Form]:
    """The plan's page, written to ``folder`` and open in a browser until the block ends."""
    form = Form(write_page(plan, folder), folder / "profile", folder / "downloads")
    try:
        yield form
    finally:
        form.quit()


EXAMPLE = Path(__file__).parents[1] / "examples" / "so-ket-nq4"  # its units are written by hand


@pytest.fixture
def review(tmp_path: Path) -> tuple[Plan, Path]:
    plan = make_plan(tmp_path)
    return plan, write_page(plan, tmp_path)


@pytest.fixture
def open_form(review: tuple[Plan, Path], tmp_path: Path) -> Iterator[Callable[[], Form]]:
    opened: list[Form] = []

    def start() -> Form:
        form = Form(review[1], tmp_path / "profile", tmp_path / "downloads")
        opened.append(form)
        return form

    yield start
    for form in opened:
        form.quit()


def validated(plan: Plan, text: str) -> UnitFile:
    """What ``sokket validate`` makes of the form's file."""
    return check_unit(Path("ba-dinh.yaml"), text.encode("utf-8"), plan)


TYPED = {
    "achievements": "\n".join(
        [
            AWKWARD[0],
            "+ " + AWKWARD[1],
            "  " + AWKWARD[2],
            "++ " + AWKWARD[3],
            "",
            AWKWARD[4],
            unicodedata.normalize("NFD", "Đã tổ chức 45 hội nghị quán triệt, học tập"),
        ]
    ),
    "shortcomings": "\n".join([AWKWARD[5], AWKWARD[6], AWKWARD[7]]),
    "causes.objective": AWKWARD[8] + "\n" + AWKWARD[9],
    "causes.subjective": AWKWARD[10] + "\n\n" + AWKWARD[11] + "\n" + AWKWARD[12],
    "lessons": "",
}
EXPECTED = {
    "achievements": (
        Item(AWKWARD[0], (Item(AWKWARD[1]), Item(AWKWARD[2], (Item(AWKWARD[3]),)))),
        Item(AWKWARD[4]),
        Item("Đã tổ chức 45 hội nghị quán triệt, học tập"),
    ),
    "shortcomings": (Item(AWKWARD[5]), Item(AWKWARD[6]), Item(AWKWARD[7])),
    "causes.objective": (Item(AWKWARD[8]), Item(AWKWARD[9])),
    "causes.subjective": (Item(AWKWARD[10]), Item(AWKWARD[11])),
    "lessons": (),
}
FIGURES = {  # as typed -> as stored
    "conferences": ("0045", "45"),
    "rate": (" 96,5 % ", "96,5"),
    "disciplined": ("3", "3"),
    "reprimanded": ("2", "2"),
    "warned": ("1", "1"),
}


def fill(form: Form) -> None:
    form.choose_unit("ba-dinh")
    form.js(
        "arguments[0].value = '2021-06-30';"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        form.field("submitted"),
    )
    for name, text in TYPED.items():
        form.set(name, text)
    for key, (typed, _) in FIGURES.items():
        form.set(f"indicators.{key}", typed)


@needs_browser
def test_filled_form_saves_what_validate_reads_back_exactly(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    form.field("causes.objective").send_keys("\n+ Gõ bằng bàn phím: “ngoặc” và 'nháy' # \\ ")
    written = form.output()

    unit = validated(plan, written)
    assert [p.message for p in unit.report.problems] == []
    assert unit.unit_id == "ba-dinh" and unit.submitted == date(2021, 6, 30)
    expected = dict(EXPECTED)
    typed = Item("Gõ bằng bàn phím: “ngoặc” và 'nháy' # \\")
    expected["causes.objective"] = (Item(AWKWARD[8]), Item(AWKWARD[9], (typed,)))
    assert unit.content == expected
    assert unit.indicators == {"conferences": Decimal(45), "rate": Decimal("96.5"),
                               "disciplined": Decimal(3), "reprimanded": Decimal(2),
                               "warned": Decimal(1)}
    # Byte for byte what sokket's own writer makes of the same content.
    assert written == unit_yaml(
        plan.unit_format,
        "ba-dinh",
        submitted=date(2021, 6, 30),
        content={content_key(*k.split(".")): v for k, v in expected.items()},
        indicators={k: stored for k, (_, stored) in FIGURES.items()},
        header=[line.format(name="Quận ủy Ba Đình") for line in HEADER],
    )
    assert "Sẽ lưu: 96,5 %" in form.driver.page_source
    assert "Sẽ lưu: 45 hội nghị" in form.driver.page_source

    form.driver.find_element("id", "save").click()
    saved = tmp_path / "downloads" / "ba-dinh.yaml"
    for _ in range(50):
        if saved.exists():
            break
        time.sleep(0.1)
    assert saved.read_bytes() == written.encode("utf-8")
    assert form.errors() == []


@needs_browser
def test_quoting_matches_python(open_form: Callable[[], Form]) -> None:
    texts = [*AWKWARD, "", "\t\n\r\x00\x07\x1b\x7f\x85\x9f\xa0\u2028\u2029\ufeff", "\\\""]
    form = open_form()
    got = form.js("return arguments[0].map(window.sokketForm.quote);", texts)
    assert got == [quote(t) for t in texts]
    alphabet = "aĐđ\\\"'#:-*%\t\n\r\x00\x1f\x7f\x85\x9f\xa0\u2028\u2029\ufeff\ufffe 🎉\U0010fffd"
    rng = random.Random(10)
    many = ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(2000)]
    assert form.js("return arguments[0].map(window.sokketForm.quote);", many) == [quote(t) for t in many]
    # A lone surrogate cannot travel through chromedriver's JSON: made in the page.
    lone = form.js("return window.sokketForm.quote('a' + String.fromCharCode(0xD800) + 'b');")
    assert lone == quote("a\ud800b")


@needs_browser
def test_numbers_are_judged_as_parse_does(open_form: Callable[[], Form]) -> None:
    cases = [
        "45", "0", "0123", " 7 ", "1.000", "25.104", "1 000", "1\u00a0000", "1,5", "45.0", "-3",
        "12 người", "no", "", "12,5", "12.5", "-3,25", "0.125", "96,5", "96,5%", "96,5 %", "100",
        "1.234,5", "-5", "-0", "-0,0", "chín mươi", "1.000.000", "--1.000", "\u30007\u3000",
        "\ufeff7", "\x1c7", "7%", "%", "1e3", "٣", "+5", ".5", "5.",
        "1" * 16, "0" * 20 + "7", "9" * 5000, "1" + "0" * 27, "0," + "1" * 20, "12345678901234,5",
        "9,850", "9 850", "9.850", "1.234,567", "- 3", "-9.850", " " + "5" * 45 + " ",
    ]
    rng = random.Random(4)
    cases += ["".join(rng.choices("0123456789.,- %\u00a0a\u3000", k=rng.randint(0, 8))) for _ in range(3000)]
    form = open_form()
    got = form.js(
        "return arguments[0].map(function (c) {"
        "  return ['integer', 'decimal', 'percent'].map(function (k) {"
        "    return window.sokketForm.parseNumber(c, k); }); });",
        cases,
    )
    for text, results in zip(cases, got, strict=True):
        for kind, result in zip(numbers.TYPES, results, strict=True):
            value, problem = numbers.parse(text, kind)
            if problem is not None:
                assert result == {"problem": problem}, (text, kind)
            else:
                assert numbers.parse(result["stored"], kind) == (value, None), (text, kind)


@needs_browser
def test_problems_are_flagged_with_validates_wording(
    review: tuple[Plan, Path], open_form: Callable[[], Form]
) -> None:
    plan = review[0]
    form = open_form()
    fill(form)
    form.set("achievements", "  \n\n")
    form.set("indicators.conferences", "1.000")
    form.set("indicators.rate", "96.500")
    shown = form.text("problems")

    unit = validated(plan, form.output())
    errors = {(p.code, p.message) for p in unit.report.problems}
    assert {code for code, _ in errors} == {"empty-section", "bad-number"}
    assert len(errors) == 3
    for code, message in errors:
        if code == "bad-number":
            assert message in shown  # word for word
            assert message in form.text("indicators")  # and next to its field
        else:  # the statement word for word; the YAML advice ("- ") does not apply to a box
            statement = plan.unit_format.field("achievements").empty_statement()
            assert message.startswith(statement) and statement in shown
    assert "'1.000' có dấu chấm phân cách hàng nghìn" in shown
    assert "Sẽ lưu" not in form.field("indicators.conferences").find_element("xpath", "..").text


@needs_browser
def test_unit_is_required_and_searchable(open_form: Callable[[], Form]) -> None:
    form = open_form()
    form.driver.find_element("id", "save").click()
    assert "hãy chọn đơn vị" in form.text("status")
    form.driver.find_element("id", "unit-search").send_keys("soc son")
    options = [o.get_property("value") for o in form.field("unit").find_elements("tag name", "option")]
    assert options == ["", "soc-son"]


@needs_browser
def test_typing_survives_closing_the_browser(open_form: Callable[[], Form]) -> None:
    form = open_form()
    fill(form)
    before = form.output()
    form.driver.refresh()
    assert form.output() == before
    form.quit()
    again = open_form()  # a new browser on the same profile
    assert again.output() == before
    assert again.value("causes.objective") == TYPED["causes.objective"]
    assert again.value("indicators.rate") == FIGURES["rate"][0]


@needs_browser
def test_a_saved_file_opens_back_into_the_form(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path
) -> None:
    plan = review[0]
    content = {content_key(*k.split(".")): v for k, v in EXPECTED.items()}
    figures = {k: stored for k, (_, stored) in FIGURES.items()}
    saved = tmp_path / "hoan-kiem.yaml"
    saved.write_text(
        unit_yaml(plan.unit_format, "hoan-kiem", submitted=date(2021, 7, 1), content=content,
                  indicators=figures, header=["Tệp cũ # có ghi chú"]),
        encoding="utf-8",
    )
    form = open_form()
    form.driver.find_element("id", "open-file").send_keys(str(saved))
    for _ in range(50):
        if "Đã mở tệp" in form.text("status"):
            break
        time.sleep(0.1)
    assert "Đã mở tệp hoan-kiem.yaml" in form.text("status")
    assert form.value("unit") == "hoan-kiem" and form.value("submitted") == "2021-07-01"
    unit = validated(plan, form.output())
    assert unit.unit_id == "hoan-kiem" and unit.content == EXPECTED
    assert {k: str(v) for k, v in unit.indicators.items()} == {
        "conferences": "45", "rate": "96.5", "disciplined": "3", "reprimanded": "2", "warned": "1"
    }
    # A file that is not one the form writes leaves the page as it was.
    broken = tmp_path / "hong.yaml"
    broken.write_text('unit: "hoan-kiem\nachievements:\n  - "x"\n', encoding="utf-8")
    form.driver.find_element("id", "open-file").send_keys(str(broken))
    for _ in range(50):
        if "Không mở được" in form.text("status"):
            break
        time.sleep(0.1)
    assert "Không mở được tệp hong.yaml: dòng 1" in form.text("status")
    assert form.value("unit") == "hoan-kiem"


@needs_browser
def test_hand_written_files_open_into_the_form(tmp_path: Path) -> None:
    """The example units were written by hand (comments, blank lines, plain numbers)."""
    plan = read_plan(EXAMPLE / "plan.yaml")
    with form_for(plan, tmp_path) as form:
        files = sorted((EXAMPLE / "units").glob("*.yaml"))
        assert files
        for path in files:
            original = check_unit(path, path.read_bytes(), plan)
            again = validated(plan, form.reopened(path.read_text(encoding="utf-8")))
            assert again.unit_id == original.unit_id, path.name
            assert again.submitted == original.submitted, path.name
            assert again.content == original.content, path.name
            assert again.indicators == original.indicators, path.name
        assert form.errors() == []


def random_items(rng: random.Random, depth: int = 0) -> tuple[Item, ...]:
    """Items as a clerk could type them: no line break, no leading space or '+' in a text."""
    first = "aĐ\"'#:-*%\\🎉ệ"
    rest = first + " +"
    items = []
    for _ in range(rng.randint(0 if depth else 1, 3)):
        text = rng.choice(first) + "".join(rng.choices(rest, k=rng.randint(0, 10))).rstrip()
        children = random_items(rng, depth + 1) if depth < 3 and rng.random() < 0.3 else ()
        items.append(Item(text, children))
    return tuple(items)


@needs_browser
def test_random_items_survive_the_form(review: tuple[Plan, Path], open_form: Callable[[], Form]) -> None:
    plan = review[0]
    rng = random.Random(7)
    keys = ["achievements", "shortcomings", "causes.objective", "causes.subjective", "lessons"]
    contents = [{key: random_items(rng) for key in keys} for _ in range(150)]
    files = [unit_yaml(plan.unit_format, "soc-son", content=c) for c in contents]
    form = open_form()
    saved = form.js(
        "return arguments[0].map(function (text) {"
        "  window.sokketForm.loadText(text); return window.sokketForm.yaml(); });",
        files,
    )
    for content, text in zip(contents, saved, strict=True):
        unit = validated(plan, text)
        # random texts may well look like '-' or '4. x': warnings on the text, not on the form
        written = {"no-letter", "hand-numbering", "curly-quotes"}
        assert [p.message for p in unit.report.problems if p.code not in written] == []
        assert unit.content == content
