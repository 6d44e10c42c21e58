"""Report markup (what the templates render) to a .docx file.

The markup is a small XML vocabulary described in templates/README.md: a ``<document>`` with
page settings, named ``<style>`` declarations, and ``<p>``, ``<table>``, ``<section>`` and
``<page-break>`` blocks. It is parsed as the template renders it, and each top-level block is
turned into WordprocessingML (as strings) and written into the zip at its end tag, then
dropped: a large report is never held whole, as markup, tree or body. python-docx only builds
the package skeleton (styles, header with the page number, properties), because a loop of
``add_paragraph`` is quadratic on large reports.

Modules, one job each: ``markup`` (the vocabulary and its attribute values), ``styles``
(document settings, pages, ``<style>`` declarations, paragraph and run properties), ``body``
(WordprocessingML of paragraphs, tables and sections), ``skeleton`` (the python-docx package
around the body) and ``package`` (streaming the markup into the zip).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sokket_cli.render.docx.markup import MarkupError
from sokket_cli.render.docx.package import build_package
from sokket_cli.write.atomic import write_atomic

__all__ = ["MarkupError", "build_package", "write_docx"]


def write_docx(markup: str | Iterable[str], output: Path) -> None:
    """Render ``markup`` into ``output`` (.docx), whole or not at all."""
    write_atomic(output, lambda stream: build_package(markup, stream))
