"""The .docx container: refused early when it is not one, read within fixed size bounds.

A Word file arrives by e-mail; it may be an old .doc, a PDF renamed, a password-protected file
(an OLE container, like .doc), a damaged download or a zip bomb. Each gets its own message, and
only the three XML parts the import needs are ever decompressed, each up to a fixed size.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs; used through Any

from sokket_cli.errors import InputError, os_reason

DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
NUMBERING_PART = "word/numbering.xml"
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # a 600-page report is ~10 MB of XML
MAX_OTHER_PART_BYTES = 8 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 20_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

RESAVE = (
    "Hãy mở tệp bằng Word, chọn File > Save As, ở mục 'Save as type' chọn 'Word Document "
    "(*.docx)', lưu lại rồi chạy lại lệnh với tệp .docx."
)
OLD_WORD = "Đây là tệp Word cũ (.doc, Word 97-2003); sokket chỉ đọc được tệp .docx. " + RESAVE
PASSWORD = (
    "Tệp Word này được đặt mật khẩu nên không đọc được. Hãy mở bằng Word, vào File > Info > "
    "Protect Document > Encrypt with Password, xóa mật khẩu, lưu lại rồi chạy lại lệnh."
)
PDF = (
    "Đây là tệp PDF, không phải tệp Word. Hãy xin đơn vị gửi bản Word (.docx), hoặc mở tệp PDF "
    "bằng Word (File > Open), kiểm tra lại nội dung rồi lưu thành .docx."
)
RTF = "Đây là tệp RTF, không phải tệp .docx. " + RESAVE
DAMAGED = (
    "Tệp Word bị hỏng hoặc không phải tệp .docx (có thể do tải về chưa hết hoặc gửi qua thư bị "
    "lỗi). Hãy xin đơn vị gửi lại, hoặc mở bằng Word rồi lưu lại thành .docx."
)


@dataclass(frozen=True)
class DocxParts:
    """The parsed XML parts the import reads; styles and numbering may be absent."""

    document: Any
    styles: Any | None
    numbering: Any | None


def open_docx(path: Path) -> DocxParts:
    """Read the three parts of ``path``, or raise :class:`InputError` saying what to do."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
            if head.startswith(_OLE_MAGIC):
                body = stream.read(MAX_FILE_BYTES)
                raise InputError(PASSWORD if _ENCRYPTION_STREAM in body else OLD_WORD, path=path)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp: {os_reason(exc)}.", path=path) from exc
    if head.startswith(b"%PDF"):
        raise InputError(PDF, path=path)
    if head.startswith(b"{\\rtf"):
        raise InputError(RTF, path=path)
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"Tệp quá lớn ({size // (1024 * 1024)} MB) để là một báo cáo; sokket chỉ đọc tệp "
            f"đến {MAX_FILE_BYTES // (1024 * 1024)} MB. Hãy xóa bớt ảnh trong tệp rồi lưu lại.",
            path=path,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_parts(archive, path)
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, KeyError,
        NotImplementedError,  # an unsupported compression method
    ) as exc:
        raise InputError(DAMAGED, path=path) from exc
    except RuntimeError as exc:  # zipfile: 'File ... is encrypted, password required'
        raise InputError(PASSWORD, path=path) from exc
    except OSError as exc:
        raise InputError(f"Không đọc được tệp: {os_reason(exc)}.", path=path) from exc


def _read_parts(archive: zipfile.ZipFile, path: Path) -> DocxParts:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise InputError(DAMAGED, path=path)
    by_name = {entry.filename: entry for entry in entries}
    if DOCUMENT_PART not in by_name:
        raise InputError(
            "Tệp này không phải tệp Word (.docx): không có phần nội dung văn bản (có thể là tệp "
            "Excel hay PowerPoint đổi tên). " + RESAVE,
            path=path,
        )
    document = _parse(archive, by_name[DOCUMENT_PART], MAX_DOCUMENT_BYTES, path)
    styles = numbering = None
    if STYLES_PART in by_name:
        styles = _parse(archive, by_name[STYLES_PART], MAX_OTHER_PART_BYTES, path)
    if NUMBERING_PART in by_name:
        numbering = _parse(archive, by_name[NUMBERING_PART], MAX_OTHER_PART_BYTES, path)
    return DocxParts(document, styles, numbering)


def _parse(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int, path: Path) -> Any:
    """One part, its declared size checked first; zipfile never inflates past that size."""
    if entry.file_size > limit:
        raise InputError(
            f"Phần '{entry.filename}' của tệp Word quá lớn ({entry.file_size // (1024 * 1024)} "
            "MB khi giải nén); tệp có thể bị hỏng hoặc được tạo để phá máy. Hãy xin đơn vị gửi "
            "lại tệp.",
            path=path,
        )
    with archive.open(entry) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit or b"<!DOCTYPE" in data[:4096]:
        raise InputError(DAMAGED, path=path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(DAMAGED, path=path) from exc
