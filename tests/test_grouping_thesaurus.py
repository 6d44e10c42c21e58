"""Grouping reads the synonyms of report prose as one concept ("kinh phí" and "ngân sách"),
shows the synonyms that joined two items, and still keeps apart what must stay apart."""

from __future__ import annotations

import pytest

from sokket_cli.merge.grouping import group_texts
from sokket_cli.merge.terms import _STOP_PAIRS, _STOP_WORDS, describe
from sokket_cli.merge.thesaurus import SETS, SPELLING, concept_at

# A section of ten items on other subjects, so that the words of the pair weigh as in a report
_OTHERS = [
    "Tổ chức hội nghị học tập, quán triệt nghị quyết cho toàn thể đảng viên.",
    "Kết nạp 18 đảng viên mới, đạt chỉ tiêu nghị quyết đề ra.",
    "Công tác kiểm tra, giám sát được thực hiện đúng chương trình năm.",
    "Phong trào thi đua “Dân vận khéo” có sức lan tỏa rộng.",
    "Số hóa hồ sơ đảng viên, cập nhật cơ sở dữ liệu đầy đủ.",
    "Đại hội đảng bộ phường nhiệm kỳ 2025 - 2030 thành công tốt đẹp.",
    "Giải quyết dứt điểm đơn thư khiếu nại thuộc thẩm quyền.",
    "Bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng.",
    "Chất lượng sinh hoạt chi bộ được nâng lên rõ rệt.",
    "Triển khai Quy định 144-QĐ/TW về chuẩn mực đạo đức cách mạng.",
]


def _grouping_of(first: str, second: str) -> tuple[bool, tuple[str, ...]]:
    """Whether two items are grouped among the others, and what the second shares."""
    grouping = group_texts([*_OTHERS, first, second])
    together = any({10, 11} <= set(group) for group in grouping.groups)
    return together, grouping.shared[11]


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        (
            "Đề nghị bố trí ngân sách cho hoạt động của chi bộ khu dân cư.",
            "Kiến nghị cấp kinh phí cho hoạt động của chi bộ tổ dân phố.",
            ["kinh phí ≈ ngân sách", "tổ dân phố ≈ khu dân cư"],
        ),
        (
            "Chính quyền xã mới vận hành ổn định, thông suốt.",
            "Chính quyền phường mới đi vào hoạt động nền nếp, suôn sẻ.",
            ["đi vào hoạt động ≈ vận hành", "nền nếp ≈ ổn định", "suôn sẻ ≈ thông suốt"],
        ),
        (
            "Mở lớp tập huấn nghiệp vụ cho cán bộ làm công tác văn phòng cấp ủy.",
            "Tổ chức bồi dưỡng nghiệp vụ cho cán bộ văn phòng cấp ủy.",
            ["bồi dưỡng ≈ tập huấn", "văn phòng cấp ủy"],
        ),
    ],
)
def test_a_point_said_with_synonyms_is_grouped_and_shows_them(
    first: str, second: str, shown: list[str]
) -> None:
    together, shared = _grouping_of(first, second)
    assert together
    for phrase in shown:
        assert phrase in shared


def test_synonyms_do_not_join_items_citing_different_documents() -> None:
    together, _ = _grouping_of(
        "Đề nghị sửa đổi Quy định 08-QĐi/TW về trách nhiệm nêu gương.",
        "Kiến nghị điều chỉnh Quy định 101-QĐ/TW về trách nhiệm nêu gương.",
    )
    assert not together
    together, shared = _grouping_of(
        "Đề nghị sửa đổi Quy định 08-QĐi/TW về trách nhiệm nêu gương.",
        "Kiến nghị điều chỉnh Quy định 08-QĐi/TW về trách nhiệm gương mẫu.",
    )
    assert together
    assert "điều chỉnh ≈ sửa đổi" in shared


def test_a_phrase_is_read_as_its_concept_and_its_own_words() -> None:
    item = describe("Bố trí ngân sách cho chi bộ.")
    assert {"kinh", "phí", "ngân", "sách"} <= item.terms
    assert item.borrowed == {"kinh", "phí"}  # weighs less than the words written
    assert describe("Bố trí kinh phí cho chi bộ.").borrowed == frozenset()
    assert {"cơ", "sở"} <= describe("Ở cấp xã còn thiếu.").terms  # the commune level
    # the longest phrase is read: "trụ sở" is a facility, not the commune level "cơ sở"
    assert describe("Trụ sở còn thiếu.").terms == {"trụ", "sở", "cơ", "vật", "chất", "thiếu"}


def test_old_and_new_spellings_are_one_word() -> None:
    assert describe("Uỷ ban kiểm tra chuyên đề hoá").terms == describe(
        "Ủy ban kiểm tra chuyên đề hóa"
    ).terms
    assert describe("tỉ lệ kĩ năng").terms == describe("tỷ lệ kỹ năng").terms
    assert describe("quý, thuý").terms == {"quý", "thúy"}  # "qu" is a consonant: no change


def test_the_thesaurus_is_well_formed() -> None:
    phrases = [phrase for members in SETS for phrase in members]
    assert len(SETS) >= 200 and len(phrases) >= 600
    assert len(phrases) == len(set(phrases)), "a phrase in two sets, or twice in one"
    for members in SETS:
        assert len(members) >= 2, members
    for phrase in phrases:
        words = phrase.split()
        # read before the stop words: a stop word or stop phrase made a synonym would count
        assert phrase not in _STOP_WORDS and tuple(words) not in _STOP_PAIRS, phrase
        assert all(SPELLING.get(word, word) == word for word in words), phrase
        assert concept_at(words, 0) is not None and concept_at(words, 0)[1] == len(words), phrase
