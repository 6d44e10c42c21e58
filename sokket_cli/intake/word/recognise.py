"""Which unit a Word report belongs to: from its file name, or the organ named in its header.

Both are compared without diacritics or case against the plan's unit ids and names
('Bao cao Ba Dinh.docx', 'bao-cao-ba-dinh.docx', 'QUẬN ỦY BA ĐÌNH'). A file that names two
units, or whose name and header disagree, is not guessed: the clerk says with --don-vi.
"""

from __future__ import annotations

from dataclasses import dataclass

from sokket_cli.intake.word.matching import fold


@dataclass(frozen=True, slots=True)
class Recognised:
    unit_id: str | None
    problem: str | None = None  # why not, in Vietnamese


def _words(text: str) -> str:
    return f" {fold(text)} "


def _found(haystack: str, units: tuple[tuple[str, str], ...], *, by_name: bool) -> list[str]:
    hits: list[tuple[str, str]] = []
    for unit_id, name in units:
        needle = _words(name if by_name else unit_id.replace("-", " ").replace("_", " "))
        if needle.strip() and needle in haystack:
            hits.append((unit_id, needle))
    # 'ba dinh' inside 'quan ba dinh moi' is one unit, not two: keep only the longest
    return [u for u, n in hits if not any(n != other and n in other for _, other in hits)]


def in_text(text: str, units: tuple[tuple[str, str], ...]) -> list[str]:
    """The units ``text`` names: by full name first, then by id."""
    haystack = _words(text)
    return _found(haystack, units, by_name=True) or _found(haystack, units, by_name=False)


def recognise(file_stem: str, header_text: str, units: tuple[tuple[str, str], ...]) -> Recognised:
    from_name = in_text(file_stem, units)
    from_header = in_text(header_text, units)
    if len(from_name) > 1:
        return Recognised(None, f"tên tệp khớp nhiều đơn vị ({', '.join(from_name)})")
    if len(from_header) > 1 and not from_name:
        return Recognised(None, f"phần đầu văn bản nhắc nhiều đơn vị ({', '.join(from_header)})")
    if from_name and from_header and from_header != from_name and len(from_header) == 1:
        return Recognised(
            None,
            f"tên tệp chỉ đơn vị '{from_name[0]}' nhưng phần đầu văn bản ghi đơn vị "
            f"'{from_header[0]}'",
        )
    if from_name:
        return Recognised(from_name[0])
    if from_header:
        return Recognised(from_header[0])
    return Recognised(None, "tên tệp và phần đầu văn bản không khớp đơn vị nào của kế hoạch")
