"""The package skeleton from python-docx: styles, the page-number header, properties."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import Any, NamedTuple

from sokket_cli import __version__
from sokket_cli.render.docx.markup import escape, escape_attr
from sokket_cli.render.docx.styles import DocumentSettings, RunFormat

TITLE_LIMIT = 255  # characters of the title property python-docx accepts
DOCUMENT = "word/document.xml"
APP_PROPERTIES = "docProps/app.xml"
# python-docx's stock app.xml says "Microsoft Macintosh Word" and counts 0 pages and words.
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>{escape(f'sokket {__version__}')}</Application><DocSecurity>0</DocSecurity>"
    "</Properties>"
).encode()


class Skeleton(NamedTuple):
    """The package, part by part: ``document.xml`` is split where the body goes."""

    before: list[tuple[str, bytes]]  # the parts before document.xml in the zip
    document_head: bytes  # document.xml up to and including <w:body>
    document_tail: bytes  # from </w:body> on
    after: list[tuple[str, bytes]]
    header_ids: tuple[str, str] | None  # relationship ids of the default and first headers


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """``title`` cut to ``limit`` characters at the last whole word, marked with '…'."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if title[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


def _fix_fonts(styles_element: Any, font: str) -> None:
    """Every font slot names ``font`` and no theme font is left for Word to fall back to."""
    from docx.oxml.ns import qn

    theme_attrs = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme", "csTheme")]
    for rfonts in styles_element.iter(qn("w:rFonts")):
        for name in theme_attrs:
            rfonts.attrib.pop(name, None)
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(qn(f"w:{slot}"), font)


def build_skeleton(settings: DocumentSettings) -> Skeleton:
    """A python-docx package with our styles, page-number header and properties."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document()
    styles = doc.styles.element
    w = nsdecls("w")
    font = escape_attr(settings.font)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    lang = escape_attr(settings.lang)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {w}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{settings.size}"/><w:szCs w:val="{settings.size}"/>'
            f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )
    normal = doc.styles["Normal"].element
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(
        parse_xml(
            f'<w:rPr {w}><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{settings.size}"/><w:szCs w:val="{settings.size}"/>'
            f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr>'
        )
    )
    taken = {s.label for s in settings.styles.values()} | {s.style_id for s in settings.styles.values()}
    for existing in list(styles.iterchildren(qn("w:style"))):
        name = existing.find(qn("w:name"))
        if existing.get(qn("w:styleId")) in taken or (name is not None and name.get(qn("w:val")) in taken):
            styles.remove(existing)
    for style in settings.styles.values():
        styles.append(
            parse_xml(
                f'<w:style {w} w:type="paragraph" w:customStyle="1" w:styleId="{escape_attr(style.style_id)}">'
                f'<w:name w:val="{escape_attr(style.label)}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                f"<w:pPr>{style.ppr}</w:pPr><w:rPr>{style.rpr}</w:rPr></w:style>"
            )
        )
    _fix_fonts(styles, settings.font)

    section = doc.sections[0]
    header_ids: tuple[str, str] | None = None
    if settings.page_numbers != "none":
        section.different_first_page_header_footer = settings.page_numbers == "from-2"
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rpr = f"<w:rPr>{RunFormat(font=settings.font, size=settings.page_number_size).xml()}</w:rPr>"
        for inner in (
            '<w:fldChar w:fldCharType="begin"/>',
            '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>2</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        ):
            paragraph._p.append(parse_xml(f"<w:r {w}>{rpr}{inner}</w:r>"))
        section.first_page_header.is_linked_to_previous = False
        refs = {
            ref.get(qn("w:type")): ref.get(qn("r:id"))
            for ref in section._sectPr.iterchildren(qn("w:headerReference"))
        }
        header_ids = (refs["default"], refs["first"])
    props = doc.core_properties
    props.title = short_title(settings.title)
    props.created = props.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.language = settings.lang
    props.author = "sokket"
    props.last_modified_by = "sokket"
    props.comments = "Dự thảo do sokket tổng hợp từ báo cáo của các đơn vị."
    package_rels = doc.part.package.rels
    for rel_id in [k for k, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[rel_id]  # python-docx's stock thumbnail shows an empty page
    buffer = io.BytesIO()
    doc.save(buffer)
    return _split(buffer, header_ids)


def _split(buffer: io.BytesIO, header_ids: tuple[str, str] | None) -> Skeleton:
    """The saved package as parts around the body, with sokket's own app.xml."""
    with zipfile.ZipFile(buffer) as source:
        parts = [
            (name, _APP_XML if name == APP_PROPERTIES else source.read(name)) for name in source.namelist()
        ]
    at = [name for name, _ in parts].index(DOCUMENT)
    document = parts[at][1]
    body = document.index(b"<w:body>") + len(b"<w:body>")
    return Skeleton(
        parts[:at], document[:body], document[document.rindex(b"</w:body>") :], parts[at + 1 :], header_ids
    )
