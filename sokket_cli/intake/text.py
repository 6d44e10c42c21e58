"""Vietnamese text hygiene for untrusted input: encodings, control characters, NFC, legacy fonts.

Everything here is pure and works on ``str``/``bytes``; positions are 1-based.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sokket_cli.intake.legacy import LegacyGuess, guess_legacy
from sokket_cli.problems import Problem, error, warning

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")

SAVE_AS_UTF8 = (
    "Hãy lưu lại tệp theo bảng mã UTF-8: trong Notepad chọn File > Save As, mục Encoding "
    "chọn UTF-8 rồi bấm Save (trong Word: Save As > Plain Text > Unicode (UTF-8))."
)

# Characters XML 1.0 (and so Word) cannot store, plus invisible C1 controls and DEL that a
# paste from old software leaves behind. Tab, line feed and carriage return are fine.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

ETH_LOOKALIKES = {"\u00d0": "Đ", "\u00f0": "đ"}

# What YAML counts as a line break, and so as a new line in a node's position: a CR alone
# (old Mac editors) and the Unicode line and paragraph separators (a paste from a web page
# or PDF) too. NEL is one as well, but was made a space with the control characters.
_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The lines of a text as YAML numbers them: ``yaml_lines(t)[node.start_mark.line]``
    (a line may keep the CR of a CRLF)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text or (
        "\r" in text and text.count("\r") != text.count("\r\n")
    ):
        return _YAML_LINE_BREAK.split(text)
    # Nearly every file, Windows' CRLF included (a line then ends with its CR, which no
    # column reaches): ten times faster than the pattern.
    return text.split("\n")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, or the problem that stopped decoding."""

    text: str | None
    problem: Problem | None = None


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    head = data[:offset]
    line = head.count(b"\n") + 1
    line_start = head.rfind(b"\n") + 1
    column = len(head[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an ``encoding`` error."""
    if data.startswith(_UTF32_BOMS):
        return Decoded(None, error(1, 1, "encoding", "Tệp dùng bảng mã UTF-32. " + SAVE_AS_UTF8))
    if data.startswith(_UTF16_BOMS):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            return Decoded(
                None,
                error(
                    1,
                    1,
                    "encoding",
                    f"Tệp UTF-16 bị hỏng ở byte thứ {exc.start} (tính từ 0). " + SAVE_AS_UTF8,
                ),
            )
    body = data[3:] if data.startswith(_UTF8_BOM) else data
    try:
        return Decoded(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line, column = _position_of_byte(body, exc.start)
        if b"\x00" in data[:200]:
            hint = "Tệp có vẻ là UTF-16 nhưng không có BOM. "
        else:
            hint = (
                "Tệp có vẻ được lưu theo bảng mã cũ (ANSI, Windows-1258, TCVN3 hoặc VNI), "
                "không phải UTF-8. "
            )
        return Decoded(
            None,
            error(
                line,
                column,
                "encoding",
                f"Byte 0x{data[offset]:02X} ở vị trí {offset} (tính từ 0) không hợp lệ trong "
                f"UTF-8. {hint}{SAVE_AS_UTF8}",
            ),
        )


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def control_char_message(char: str) -> str:
    return (
        f"Văn bản có ký tự điều khiển vô hình {describe_char(char)} mà Word không lưu được "
        "(thường do dán từ Word hoặc PDF). Hãy xóa ký tự này, hoặc gõ lại đoạn văn bản."
    )


def strip_control_chars(text: str) -> tuple[str, list[Problem]]:
    """Replace raw control characters with spaces so parsing goes on, and report them.

    One problem per line that holds any, so a file full of them does not drown the user.
    After a hit the search goes on from the next line: linear however many there are.
    """
    match = CONTROL_CHARS.search(text)
    if match is None:
        return text, []
    problems: list[Problem] = []
    line, line_start = 1, 0
    while match is not None:
        at = match.start()
        line += text.count("\n", line_start, at)  # lines skipped since the last hit
        line_start = text.rfind("\n", line_start, at) + 1 or line_start
        problems.append(error(line, at - line_start + 1, "control-char", control_char_message(match.group())))
        next_line = text.find("\n", at)
        if next_line < 0:
            break
        line, line_start = line + 1, next_line + 1
        match = CONTROL_CHARS.search(text, line_start)
    return CONTROL_CHARS.sub(" ", text), problems


def to_nfc(text: str) -> tuple[str, Problem | None]:
    """Normalise to NFC; warn once, at the first place that was not NFC."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    lines = text.split("\n")
    bad = [i for i, line in enumerate(lines) if not unicodedata.is_normalized("NFC", line)]
    first = bad[0]
    line_text = lines[first]
    column = next(
        (i for i, ch in enumerate(line_text) if unicodedata.combining(ch)), 1
    )  # the mark sits right after the letter it belongs to
    more = f" và {len(bad) - 1} dòng khác" if len(bad) > 1 else ""
    problem = warning(
        first + 1,
        max(column, 1),
        "not-nfc",
        f"Văn bản ở dòng này{more} được gõ theo kiểu Unicode tổ hợp (dấu tách rời chữ), "
        "sokket đã chuyển sang Unicode dựng sẵn (NFC). Nên đặt bộ gõ (Unikey) ở bảng mã "
        "'Unicode dựng sẵn' để tránh lỗi tìm kiếm và sắp xếp.",
    )
    return unicodedata.normalize("NFC", text), problem


def looks_legacy(text: str) -> LegacyGuess | None:
    """The Unicode reading of text typed in TCVN3 (.VnTime) or VNI fonts and pasted as
    Unicode, or None for ordinary text (see :func:`sokket_cli.intake.legacy.guess_legacy`)."""
    return guess_legacy(text)


_FONT_NAMES = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}
_UNIKEY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows"}
_SHOWN = 60  # characters of the sentence quoted in the message


LEGACY_MESSAGE = (
    "Văn bản có vẻ được gõ bằng phông chữ cũ TCVN3 (.VnTime) hoặc VNI nên hiện thành ký tự "
    "lạ (ví dụ 'B¸o c¸o' thay cho 'Báo cáo'). Hãy chuyển sang Unicode: sao chép đoạn văn bản, "
    "mở Unikey > Công cụ (Ctrl+Shift+F6), chọn bảng mã nguồn TCVN3 hoặc VNI Windows, bảng mã "
    "đích Unicode, bấm 'Chuyển mã', rồi dán lại."
)


def legacy_message(text: str) -> str:
    """What to tell a clerk about ``text``: the font, what it says in Unicode, how to fix it."""
    guess = guess_legacy(text)
    if guess is None:
        return LEGACY_MESSAGE
    return (
        f"Văn bản '{_shorten(text)}' được gõ bằng phông chữ cũ {_FONT_NAMES[guess.encoding]} nên "
        f"hiện thành ký tự lạ. Có phải là: '{_shorten(guess.converted)}'? Hãy chuyển cả tệp sang "
        "Unicode bằng lệnh 'sokket fix <tệp>' (ghi ra một tệp mới), hoặc sao chép đoạn văn bản, "
        "mở Unikey > Công cụ (Ctrl+Shift+F6), chọn bảng mã nguồn "
        f"{_UNIKEY_NAMES[guess.encoding]}, bảng mã đích Unicode, bấm 'Chuyển mã', rồi dán lại."
    )


def _shorten(text: str) -> str:
    """A long sentence cut at a word boundary, with '...'."""
    text = " ".join(text.split())
    if len(text) <= _SHOWN:
        return text
    cut = text.rfind(" ", 0, _SHOWN)
    return text[: cut if cut > _SHOWN // 2 else _SHOWN].rstrip(" ,.;:") + "..."


def eth_message(char: str) -> str:
    right = ETH_LOOKALIKES[char]
    return (
        f"Chữ '{char}' ({describe_char(char)}, chữ của tiếng Iceland) được dùng thay cho "
        f"'{right}' ({describe_char(right)}). Hai chữ trông giống nhau nhưng máy tính coi là "
        f"khác nhau (tìm kiếm, sắp xếp sẽ sai). Hãy gõ lại chữ '{right}'."
    )


def fold(text: str) -> str:
    """Lowercase ASCII for matching and ids: diacritics dropped, đ (and look-alike ð) -> d."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and not unicodedata.combining(c)).lower()
