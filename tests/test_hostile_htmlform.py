"""A unit file that validate accepts but the page cannot show as it is written: opening it
must say so and leave the page as it was, never change the text silently on the next save.

The page writes one item a line, with '+' marking sub-items, in boxes where a line break
cannot stand; so an item with a line break in it ("\\n" in double quotes), an item that
starts with '+', and a list written on one line ([..., ...]) have no form on the page."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import test_htmlform
from helpers import VALID_UNIT
from test_htmlform import Form, needs_browser

from sokket_cli.check.plan import Plan
from sokket_cli.check.unit import check_unit

review = test_htmlform.review  # the fixtures, as test_htmlform defines them
open_form = test_htmlform.open_form
SHORTCOMING = '  - "Một số cấp ủy chưa sâu sát."'
LESSONS = 'lessons:\n  - "Bài học một."\n'  # an optional section: emptied, nothing would be flagged
UNSHOWABLE = {
    "line break": (
        VALID_UNIT.replace(SHORTCOMING, '  - "Một số cấp ủy\\nchưa sâu sát."'),
        "dòng 9 có chữ xuống dòng giữa chừng",
    ),
    "leading plus": (
        VALID_UNIT.replace(SHORTCOMING, '  - "+5% so với cùng kỳ, một số cấp ủy chưa sâu sát."'),
        "dòng 9 có ý bắt đầu bằng dấu '+'",
    ),
    "text of an item with sub-items": (
        VALID_UNIT.replace('text: "Công tác kiểm tra', 'text: "++ Công tác kiểm tra'),
        "dòng 5 có ý bắt đầu bằng dấu '+'",
    ),
    "list on one line": (
        VALID_UNIT + 'lessons: ["Bài học một.", "Bài học hai."]\n',
        "dòng 20 có danh sách viết gọn trên một dòng",
    ),
    "figures on one line": (
        VALID_UNIT.replace(
            "indicators:\n  conferences: 45\n  disciplined: 3\n  reprimanded: 2\n  warned: 1\n",
            "indicators: {conferences: 45, disciplined: 3, reprimanded: 2, warned: 1}\n",
        )
        + LESSONS,
        "dòng 15 có danh sách viết gọn trên một dòng",
    ),
}


def opened(form: Form, path: Path) -> str:
    form.driver.find_element("id", "open-file").send_keys(str(path))
    for _ in range(50):
        if "mở" in form.text("status"):
            break
        time.sleep(0.1)
    return form.text("status")


@needs_browser
@pytest.mark.parametrize("case", list(UNSHOWABLE))
def test_a_file_the_page_cannot_show_is_refused_not_changed(
    review: tuple[Plan, Path], open_form: Callable[[], Form], tmp_path: Path, case: str
) -> None:
    text, said = UNSHOWABLE[case]
    plan = review[0]
    assert check_unit(Path("ba-dinh.yaml"), text.encode(), plan).valid  # validate accepts it
    path = tmp_path / "ba-dinh.yaml"
    path.write_text(text, encoding="utf-8")
    form = open_form()
    before = form.output()
    status = opened(form, path)
    assert f"Không mở được tệp ba-dinh.yaml: {said}" in status
    assert "nội dung trên trang chưa bị thay đổi" in status
    assert form.output() == before
    assert form.errors() == []
