"""Streaming the markup into the .docx zip, block by block."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs; used through Any

from sokket_cli.render.docx.body import NO_EXTRA, BodyWriter
from sokket_cli.render.docx.markup import BLOCKS, MarkupError, check_attrs, fail
from sokket_cli.render.docx.skeleton import DOCUMENT, build_skeleton
from sokket_cli.render.docx.styles import (
    PLAIN,
    DocumentSettings,
    Page,
    Style,
    read_page,
    read_settings,
    read_style,
)

_CHUNK = 20_000  # body fragments encoded and compressed at a time
_BATCH = 2048  # rendered pieces handed to the parser at a time (~60 KB of markup)


def _pieces(chunks: Iterable[str]) -> Iterator[bytes]:
    """The rendered markup in UTF-8 batches for the parser.

    Jinja yields hundreds of thousands of tiny strings; ``islice`` gathers them in C rather
    than one Python step each (a third of a second for 3,000 units).
    """
    iterator = iter(chunks)
    while batch := list(islice(iterator, _BATCH)):
        yield "".join(batch).encode("utf-8")


class _Package:
    """Streams the markup through lxml into the zip: each top-level block (or block of a
    ``<section>``) is written at its end tag and then dropped, so neither the markup tree nor
    the WordprocessingML body is ever held whole.

    Word sections: the blocks before, between and after ``<section>`` elements are groups
    of their own; each group that has content ends with its section properties, carried
    by an empty paragraph except for the last group's, which closes the body. An empty
    group makes no section (an empty one before a leading ``<section>`` would be a blank
    first page). Since only the end of the document tells which group is last, a finished
    group's properties wait in ``pending`` until more content arrives.
    """

    def __init__(self, sink: Any, stack: ExitStack) -> None:
        self.sink = sink
        self.stack = stack
        self.root: Any = None
        self.settings: DocumentSettings | None = None
        self.styles: dict[str, Style] = {}
        self.writer: BodyWriter | None = None
        self.stream: Any = None
        self.after: list[tuple[str, bytes]] = []
        self.suffix = b""
        self.target: zipfile.ZipFile | None = None
        self.done: Any = None  # the last finished top-level element, still in the tree
        self.section: Any = None  # the open <section>, its last finished block, its page
        self.section_done: Any = None
        self.page: Page | None = None
        self.first_section = True  # no section emitted yet: the next one holds page 1
        self.group_started = False
        self.pending: str | None = None

    # markup events ---------------------------------------------------------------------------
    def run(self, chunks: Iterable[str]) -> None:
        parser = etree.XMLPullParser(
            events=("end",),
            tag=("document", "style", *BLOCKS),
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            remove_blank_text=False,
        )
        try:
            for piece in _pieces(chunks):
                parser.feed(piece)
                self.events(parser.read_events())
            root = parser.close()
            self.events(parser.read_events())
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else None
            raise MarkupError(f"Kết quả dựng mẫu không phải XML hợp lệ: {exc.msg}", line) from None
        if self.root is None:  # no element the writer reacts to: an empty document
            self.start(root)
        self.finish()

    def events(self, events: Iterable[tuple[str, Any]]) -> None:
        root = self.root
        for _, element in events:
            parent = element.getparent()
            if parent is root and root is not None:
                # The hot path: a paragraph right after the last block, in a started group.
                previous = element.getprevious()
                if previous is self.done and previous is not None and self.group_started and element.tag == "p":
                    root.remove(previous)  # the previous block, finished and written
                    writer = self.writer
                    assert writer is not None
                    writer.paragraph(element, PLAIN, NO_EXTRA)
                    self.done = element
                    if len(writer.out) >= _CHUNK:
                        self.flush()
                else:
                    self.top_level(element)
                continue
            if parent is None:
                if root is None:
                    root = element
                    self.start(root)
                continue  # the end of <document>: see finish()
            if root is None:
                root = element.getroottree().getroot()
                self.start(root)
                if parent is root:
                    self.top_level(element)
                    continue
            if parent is self.section:
                self.section_block(element)
            elif parent.tag == "section" and parent.getparent() is self.root:
                self.open_section(parent)
                self.section_block(element)
            # anything deeper is handled with the block that holds it

    def start(self, root: Any) -> None:
        self.root = root
        self.settings = read_settings(root)
        self.page = self.settings.page

    def _earlier(self, element: Any, done: Any, in_section: bool) -> None:
        """Deal with what precedes ``element`` and was not an event: comments, processing
        instructions and unknown tags; then remove it and ``done`` from the tree."""
        parent = element.getparent()
        for sibling in list(element.itersiblings(preceding=True))[::-1]:
            if sibling is not done:
                self.stray(sibling, in_section)
            parent.remove(sibling)

    def stray(self, element: Any, in_section: bool) -> None:
        tag = element.tag
        if tag is etree.Comment or tag is etree.PI:
            if in_section:
                self.begin_group()  # an old-style member of the section: keeps it
            return
        if in_section:
            self.block(element)  # raises: not a block
        raise fail(element, f"Thẻ <{tag}> không có trong bộ thẻ của mẫu (xem templates/README.md).")

    def top_level(self, element: Any) -> None:
        self._earlier(element, self.done, in_section=False)
        tag = element.tag
        if tag == "style":
            if self.writer is not None:
                raise fail(
                    element,
                    "Các khai báo <style> phải đặt ngay sau thẻ <document>, trước mọi đoạn văn, "
                    "bảng và phần (section) của văn bản.",
                )
            style = read_style(element)
            self.styles[style.name] = style
        elif tag == "section":
            if self.section is not element:
                self.open_section(element)
            self.close_section(element)
        elif tag in BLOCKS:
            self.block(element)
        else:
            raise fail(element, f"Thẻ <{tag}> không có trong bộ thẻ của mẫu (xem templates/README.md).")
        element.clear(keep_tail=True)
        self.done = element
        self.flush()

    def open_section(self, section: Any) -> None:
        self._earlier(section, self.done, in_section=False)
        self.done = None
        self.begin_content()
        check_attrs(section)
        assert self.settings is not None
        page = read_page(dict(section.attrib), section, self.settings.page)
        self.end_group()
        self.page = page
        self.section = section
        self.section_done = None

    def section_block(self, element: Any) -> None:
        self._earlier(element, self.section_done, in_section=True)
        self.block(element)
        element.clear(keep_tail=True)
        self.section_done = element
        self.flush()

    def close_section(self, section: Any) -> None:
        for child in list(section):
            if child is not self.section_done:
                self.stray(child, in_section=True)
        section.clear(keep_tail=True)
        self.end_group()
        assert self.settings is not None
        self.page = self.settings.page
        self.section = self.section_done = None

    # groups and blocks -------------------------------------------------------------------
    def begin_group(self) -> None:
        if not self.group_started:
            self.group_started = True
            if self.pending is not None:
                assert self.writer is not None
                self.writer.out.append(
                    f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{self.pending}</w:pPr></w:p>'
                )
                self.pending = None

    def end_group(self) -> None:
        if self.group_started:
            assert self.writer is not None and self.page is not None
            self.pending = self.writer.sect_pr(self.page, first=self.first_section)
            self.first_section = False
        self.group_started = False

    def block(self, element: Any) -> None:
        self.begin_content()
        self.begin_group()
        assert self.writer is not None and self.page is not None
        self.writer.block(element, self.page)

    # the package ---------------------------------------------------------------------------
    def begin_content(self) -> None:
        """At the first content: the skeleton package, and the zip up to the body."""
        if self.writer is not None:
            return
        assert self.settings is not None
        self.settings.styles = self.styles
        skeleton = build_skeleton(self.settings)
        self.writer = BodyWriter(self.settings, skeleton.header_ids)
        self.target = self.stack.enter_context(
            zipfile.ZipFile(self.sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        )
        for name, data in skeleton.before:
            self.target.writestr(name, data)
        self.after = skeleton.after
        self.suffix = skeleton.document_tail
        self.stream = self.stack.enter_context(self.target.open(DOCUMENT, "w", force_zip64=True))
        self.stream.write(skeleton.document_head)

    def flush(self, everything: bool = False) -> None:
        writer = self.writer
        if writer is not None and (everything or len(writer.out) >= _CHUNK):
            self.stream.write("".join(writer.out).encode("utf-8"))
            writer.out.clear()

    def finish(self) -> None:
        assert self.root is not None
        for child in list(self.root):
            if child is not self.done:
                self.stray(child, in_section=False)
        self.begin_content()
        self.end_group()
        assert self.writer is not None and self.page is not None and self.target is not None
        if self.pending is None:  # no content at all: the document's own page
            self.pending = self.writer.sect_pr(self.page, first=True)
        self.writer.out.append(self.pending)
        self.flush(everything=True)
        self.stream.write(self.suffix)
        self.stream.close()
        for name, data in self.after:
            self.target.writestr(name, data)


def build_package(markup: str | Iterable[str], sink: Any) -> None:
    """Write the .docx for ``markup`` (a string, or the pieces of one) into ``sink``.

    The markup is parsed as it comes and the body streamed into the zip block by block,
    to keep the memory of a 75,000-paragraph report low.
    """
    with ExitStack() as stack:
        _Package(sink, stack).run((markup,) if isinstance(markup, str) else markup)
