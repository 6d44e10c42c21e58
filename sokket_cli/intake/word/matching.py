"""Headings to plan sections: by title, ignoring case, diacritics, numbering and word order.

The targets come from the plan's unit format (each section's and part's title and its
``aliases:``), widened by a table of the variants Vietnamese reports commonly use for the same
heading. A heading that fits two targets equally well fits none: it is left for a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sokket_cli.check.unit import content_key
from sokket_cli.check.unitformat import Field, Kind, UnitFormat

# Each row: titles that mean the same heading in a review report. A plan title (or alias) found
# in a row brings the whole row in as variants of its section.
COMMON_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Kết quả đạt được", "Ưu điểm", "Kết quả", "Kết quả thực hiện", "Kết quả đã đạt được",
     "Ưu điểm, kết quả đạt được", "Kết quả đạt được, ưu điểm", "Những mặt làm được",
     "Kết quả đạt được và ưu điểm"),
    ("Hạn chế, yếu kém", "Hạn chế, khuyết điểm", "Hạn chế", "Khuyết điểm", "Tồn tại, hạn chế",
     "Hạn chế, tồn tại", "Hạn chế, bất cập", "Tồn tại, hạn chế, yếu kém",
     "Hạn chế, yếu kém, khuyết điểm", "Hạn chế, khuyết điểm, yếu kém"),
    ("Nguyên nhân", "Nguyên nhân của hạn chế", "Nguyên nhân của hạn chế, yếu kém",
     "Nguyên nhân của hạn chế, khuyết điểm", "Nguyên nhân hạn chế",
     "Nguyên nhân của tồn tại, hạn chế", "Nguyên nhân của hạn chế, tồn tại"),
    ("Nguyên nhân khách quan", "Khách quan"),
    ("Nguyên nhân chủ quan", "Chủ quan"),
    ("Bài học kinh nghiệm", "Bài học", "Kinh nghiệm"),
    ("Kiến nghị, đề xuất", "Đề xuất, kiến nghị", "Kiến nghị", "Đề xuất", "Đề nghị",
     "Kiến nghị, đề nghị"),
    ("Phương hướng, nhiệm vụ", "Nhiệm vụ, giải pháp", "Phương hướng, nhiệm vụ, giải pháp",
     "Nhiệm vụ, giải pháp trọng tâm", "Phương hướng, nhiệm vụ thời gian tới"),
)
_FILLERS = ("ve ", "nhung ", "mot so ", "cac ")  # 'Về kết quả', 'Những hạn chế', 'Một số...'
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_SEPARATORS = re.compile(r"\s*(?:,|;|\bva\b)\s*")

EXACT, VARIANT, PREFIX = 3, 2, 1  # how well a title fits, best first


def _strip_table() -> dict[int, str | None]:
    """Every precomposed letter to its base letter, combining marks to nothing, đ to d."""
    table: dict[int, str | None] = dict.fromkeys(range(0x300, 0x370))
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = "".join(
            c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c)
        )
        if base != chr(code) and base:
            table[code] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    return table


_STRIP = _strip_table()


def _bare(text: str) -> str:
    return text.translate(_STRIP).lower()


def fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), punctuation to single spaces: for comparing only."""
    return _NOT_WORD.sub(" ", _bare(text)).strip()


def _without_fillers(folded: str) -> str:
    changed = True
    while changed:
        changed = False
        for filler in _FILLERS:
            if folded.startswith(filler):
                folded, changed = folded[len(filler):], True
    return folded


def _key(title: str) -> str:
    """A title's comparison key: folded, fillers ('Về', 'Những') off the front."""
    return _without_fillers(fold(title))


def _unordered(title: str) -> frozenset[str]:
    """'Đề xuất, kiến nghị' and 'Kiến nghị, đề xuất' are the same heading."""
    parts = (_without_fillers(_NOT_WORD.sub(" ", part).strip())
             for part in _SEPARATORS.split(_bare(title)))
    return frozenset(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a heading's paragraphs go: a section, or one part of a section with parts."""

    section: Field
    part: Field | None = None

    @property
    def key(self) -> str:
        return content_key(self.section.key, self.part.key if self.part else None)

    @property
    def takes_items(self) -> bool:
        """A section with parts holds no item of its own: only its parts do."""
        return self.part is not None or self.section.kind is Kind.ITEMS

    @property
    def title(self) -> str:
        return self.part.title if self.part else self.section.title


class Matcher:
    """Finds the section or part a heading names."""

    def __init__(self, file_format: UnitFormat) -> None:
        self._by_key: dict[str, list[tuple[Target, int, int]]] = {}
        self._by_parts: dict[frozenset[str], list[tuple[Target, int, int]]] = {}
        self._prefixes: list[tuple[str, Target]] = []
        for section in file_format.sections:
            self._add(Target(section), section)
            for part in section.children:
                self._add(Target(section, part), part)

    def _add(self, target: Target, field: Field) -> None:
        own = (field.title, *field.aliases)
        own_keys = {_key(title) for title in own}
        variants = [
            title
            for row in COMMON_VARIANTS
            if own_keys.intersection(_key(t) for t in row)
            for title in row
            if _key(title) not in own_keys
        ]
        for titles, quality in ((own, EXACT), (variants, VARIANT)):
            for title in titles:
                key = _key(title)
                entry = (target, quality, len(key))
                self._by_key.setdefault(key, []).append(entry)
                self._by_parts.setdefault(_unordered(title), []).append(entry)
                if " " in key:
                    self._prefixes.append((key + " ", target))

    def match(self, title: str, *, prefix: bool = False) -> Target | None:
        """The one target ``title`` names, or None (no fit, or a tie between two targets).

        With ``prefix``, a heading that starts with a known title of two words or more
        also fits ('Hạn chế, yếu kém và nguyên nhân'): for top-level headings only.
        """
        key = _key(title)
        if not key:
            return None
        best: dict[str, tuple[int, int, Target]] = {}
        found = self._by_key.get(key, []) + self._by_parts.get(_unordered(title), [])
        if prefix:
            found += [(target, PREFIX, len(form)) for form, target in self._prefixes
                      if key.startswith(form)]
        for target, quality, length in found:
            current = best.get(target.key)
            if current is None or (quality, length) > current[:2]:
                best[target.key] = (quality, length, target)
        if not best:
            return None
        ranked = sorted(best.values(), key=lambda entry: entry[:2], reverse=True)
        if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
            return None
        return ranked[0][2]
