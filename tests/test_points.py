"""Points: entries gathered by meaning, with every wording and every unit kept."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from sokket_cli.check.plan import PlanUnit
from sokket_cli.check.unit import Item
from sokket_cli.merge.outline import Entry, group_points, merge_items

UNITS = tuple(PlanUnit(f"u{i}", f"Đơn vị {i}") for i in range(12))
ORDER = {unit.id: i for i, unit in enumerate(UNITS)}
_PHRASES = (
    "sửa đổi Quy định 08-QĐi/TW",
    "sửa đổi Quy định 101-QĐ/TW",
    "bồi dưỡng nghiệp vụ cho cán bộ cơ sở",
    "kinh phí hoạt động của chi bộ",
    "tự phê bình và phê bình còn nể nang",
    "Đề nghị Trung ương",
    "Kiến nghị Thành ủy",
    "45 hội nghị",
    "38 hội nghị",
)
_ITEM = st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(reports=st.lists(st.lists(_ITEM, max_size=4), min_size=1, max_size=len(UNITS)))
def test_points_keep_every_entry_and_unit_once(reports: list[list[str]]) -> None:
    entries = merge_items(
        (UNITS[i], [Item(text) for text in texts]) for i, texts in enumerate(reports)
    )
    points = group_points(entries, ORDER)
    variants = [id(v) for point in points for v in point.variants]
    assert Counter(variants) == Counter(id(e) for e in entries)  # each entry once, none lost
    for point in points:
        expected = {u.id for v in point.variants for u in v.units}
        assert [u.id for u in point.units] == sorted(expected, key=ORDER.__getitem__)
        assert len(point.variants[0].units) == max(len(v.units) for v in point.variants)
    sizes = [len(point.units) for point in points]
    assert sizes == sorted(sizes, reverse=True)  # shared by more units first


def test_representative_is_the_most_reported_wording() -> None:
    entries = (
        Entry("Đề nghị sửa đổi Quy định 08-QĐi/TW về nêu gương.", [UNITS[0]]),
        Entry("Đề nghị Trung ương sửa đổi Quy định 08-QĐi/TW.", [UNITS[1], UNITS[2]]),
        Entry("Đề nghị tăng kinh phí cho chi bộ.", [UNITS[3]]),
        *(Entry(f"Nội dung riêng {n}: chủ đề {topic}.", [UNITS[4]]) for n, topic in enumerate(
            ("dân vận", "chuyển đổi số", "đoàn viên", "chi bộ thôn", "đơn thư", "mạng xã hội",
             "lý luận", "tư tưởng", "kinh tế")
        )),
    )
    points = group_points(entries, ORDER)
    assert [p.variants[0].text for p in points][:2] == [entries[1].text, entries[2].text]
    assert points[0].variants[1] is entries[0]
    assert [u.id for u in points[0].units] == ["u0", "u1", "u2"]
    assert points[0].shared == ("8-qđ", "sửa đổi quy định")  # the document, the words shared
