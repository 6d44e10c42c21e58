"""Every body paragraph to a section, or to ``unplaced``: nothing is dropped.

Under a heading matched to a section, paragraphs become its items: ``-`` and ``+`` (or list
levels) nest under the item before them, a list after a paragraph ending in ':' nests under it,
and an unmatched sub-heading becomes an item whose paragraphs are its sub-items. What no
matched heading covers goes to ``unplaced`` with where it was, for a person to move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sokket_cli.check.unit import MAX_DEPTH, Item
from sokket_cli.intake.word.matching import Matcher, Target
from sokket_cli.intake.word.outline import Line, Node, Role, TableRow

_CONTEXT_LENGTH = 80


@dataclass(slots=True)
class Draft:
    """An item being built; ``where`` says where its text was in the Word file."""

    text: str
    where: str
    is_row: bool = False
    children: list[Draft] = field(default_factory=list)


class _ListBuilder:
    """Nests list paragraphs under the item before them, by the order their markers appear."""

    def __init__(self, sink: list[Draft]) -> None:
        self.sink = sink
        self.opener: Draft | None = None  # a paragraph ending in ':' announces a list
        self.levels: list[tuple[str, Draft | None, Draft]] = []  # (kind, parent, last item)

    def paragraph(self, draft: Draft) -> None:
        self.sink.append(draft)
        self.levels.clear()
        self.opener = draft if draft.text.rstrip().endswith(":") else None

    def bullet(self, kind: str, draft: Draft) -> None:
        kinds = [k for k, _, _ in self.levels]
        if kind in kinds:
            index = kinds.index(kind)
            parent = self.levels[index][1]
            del self.levels[index:]
        else:
            parent = self.levels[-1][2] if self.levels else self.opener
        (parent.children if parent is not None else self.sink).append(draft)
        self.levels.append((kind, parent, draft))

    def block(self, draft: Draft) -> None:
        self.sink.append(draft)
        self.close()

    def close(self) -> None:
        """A heading ends any list: what follows starts at the top again."""
        self.levels.clear()
        self.opener = None


def _short(text: str) -> str:
    return text if len(text) <= _CONTEXT_LENGTH else text[: _CONTEXT_LENGTH - 1] + "…"


class Placer:
    """Walks the heading tree once; ``content`` and ``unplaced`` hold the result."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.content: dict[str, list[Draft]] = {}
        self.unplaced: list[Draft] = []
        self.headings = 0  # headings that named a section (the section holds their place)
        self.last_heading = ""  # the heading above, in document order: what a reader looks for
        self._matches: dict[int, bool] = {}

    def place_document(self, root: Node) -> None:
        self._place(root.content, None, self.unplaced)

    def _sink(self, target: Target | None) -> list[Draft]:
        if target is None or not target.takes_items:
            return self.unplaced
        return self.content.setdefault(target.key, [])

    def _where(self, entry: Line | TableRow, target: Target | None) -> str:
        if isinstance(entry, Line):
            place = f"Đoạn {entry.number} của tệp Word"
        else:
            place = f"Bảng {entry.table}, dòng {entry.row} (sau đoạn {entry.after})"
        above = self.last_heading
        under = f"dưới tiêu đề '{_short(above)}'" if above else "trước tiêu đề đầu tiên"
        if target is not None and not target.takes_items:
            parts = ", ".join(f"'{p.title}'" for p in target.section.children)
            under += f", thuộc mục '{target.section.key}' nhưng không nằm trong phần nào ({parts})"
        if isinstance(entry, TableRow) and entry.reason:
            under += f"; {entry.reason}"
        return f"{place}, {under}."

    def _place(
        self,
        content: list[Line | TableRow | Node],
        target: Target | None,
        sink: list[Draft],
    ) -> None:
        builder = _ListBuilder(sink)
        with_parts = target if target is not None and not target.takes_items else None
        for entry in content:
            if isinstance(entry, Line) and with_parts is not None:
                labelled = self._part_label(entry.text, with_parts)
                if labelled is not None:  # '- Nguyên nhân khách quan: ...' names the part
                    target, rest = labelled
                    builder = _ListBuilder(self._sink(target))
                    self.last_heading = entry.shown
                    if rest:
                        builder.paragraph(Draft(rest, self._where(entry, target)))
                    else:
                        self.headings += 1
                    continue
            if isinstance(entry, Node):
                self._heading(entry, target, builder)
            elif isinstance(entry, TableRow):
                draft = Draft(entry.text, self._where(entry, target), is_row=True)
                if entry.reason:
                    self.unplaced.append(draft)
                else:
                    builder.block(draft)
            else:
                draft = Draft(entry.text, self._where(entry, target))
                if entry.role is Role.BULLET:
                    builder.bullet(entry.kind, draft)
                else:
                    builder.paragraph(draft)

    def _part_label(self, text: str, target: Target) -> tuple[Target, str] | None:
        """(the part, the text after the label) for a paragraph that opens with a part's title
        and a colon, inside a section with parts; None otherwise."""
        label, colon, rest = text.partition(":")
        if not colon or len(label) > _CONTEXT_LENGTH:
            return None
        found = self.matcher.match(label)
        if found is None or found.part is None or found.section.key != target.section.key:
            return None
        return found, rest.strip()

    def _heading(self, node: Node, target: Target | None, builder: _ListBuilder) -> None:
        heading = node.heading
        assert heading is not None
        found = self.matcher.match(heading.text, prefix=target is None)
        if found is not None:
            self.last_heading = heading.shown
            self.headings += 1
            if target is not None and found.key == target.key:  # the section named again
                self._place(node.content, target, builder.sink)
            else:
                self._place(node.content, found, self._sink(found))
            builder.close()
            return
        draft = Draft(heading.text, self._where(heading, target))
        builder.block(draft)
        self.last_heading = heading.shown
        if builder.sink is self.unplaced and self._holds_match(node):
            # a container such as 'PHẦN I' around matched sections: only its title is left over
            self._place(node.content, target, builder.sink)
        else:
            self._place(node.content, target, draft.children)

    def _holds_match(self, node: Node) -> bool:
        cached = self._matches.get(id(node))
        if cached is None:
            cached = any(
                isinstance(child, Node)
                and child.heading is not None
                and (
                    self.matcher.match(child.heading.text, prefix=True) is not None
                    or self._holds_match(child)
                )
                for child in node.content
            )
            self._matches[id(node)] = cached
        return cached


def freeze(drafts: list[Draft], depth: int = 0) -> list[Item]:
    """Drafts as items; below the deepest level validate accepts, sub-items line up instead."""
    items: list[Item] = []
    for draft in drafts:
        if depth >= MAX_DEPTH:
            items.append(Item(draft.text))
            items.extend(freeze(draft.children, depth))
        else:
            items.append(Item(draft.text, tuple(freeze(draft.children, depth + 1))))
    return items


def count(drafts: list[Draft]) -> tuple[int, int]:
    """(paragraphs, table rows) held by ``drafts`` and their sub-items."""
    paragraphs = rows = 0
    stack = list(drafts)
    while stack:
        draft = stack.pop()
        if draft.is_row:
            rows += 1
        else:
            paragraphs += 1
        stack.extend(draft.children)
    return paragraphs, rows
