"""Text pasted from .VnTime (TCVN3) or VNI-Times documents is found and read back; ordinary
Unicode text never is. The corpus is in tests/legacy_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from legacy_corpus import REPORT_SENTENCES, UNICODE_TEXTS
from typer.testing import CliRunner

from sokket_cli.cli import app
from sokket_cli.intake.legacy import from_unicode, guess_legacy
from sokket_cli.intake.text import legacy_message

runner = CliRunner()


def test_corpus_sizes() -> None:
    assert len(REPORT_SENTENCES) >= 30
    assert len(UNICODE_TEXTS) >= 40


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_report_sentence_typed_in_a_legacy_font_is_found_and_read_back(encoding: str) -> None:
    found = 0
    for sentence in REPORT_SENTENCES:
        guess = guess_legacy(from_unicode(sentence, encoding))  # type: ignore[arg-type]
        assert guess is not None, sentence
        assert guess.encoding == encoding
        # TCVN3 has no toned capitals (.VnTimeH used the lower-case codes)
        assert guess.converted.casefold() == sentence.casefold()
        found += 1
    assert found == len(REPORT_SENTENCES)  # recall 1.0


def test_ordinary_unicode_text_is_never_flagged() -> None:
    flagged = [text for text in UNICODE_TEXTS + REPORT_SENTENCES if guess_legacy(text)]
    assert flagged == []  # precision 1.0 on this corpus


def test_message_shows_the_converted_sentence_cut_and_the_unikey_steps() -> None:
    message = legacy_message("B¸o c¸o tæng kÕt c«ng t¸c x©y dùng §¶ng: Ban Th\u00adêng vô HuyÖn ñy")
    assert "phông chữ cũ TCVN3 (.VnTime)" in message
    assert "Có phải là: 'Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ...'?" in message
    assert "chọn bảng mã nguồn TCVN3 (ABC), bảng mã đích Unicode" in message
    assert "sokket fix" in message


@pytest.mark.parametrize(
    ("legacy", "converted", "font"),
    [
        ("Coâng taùc kieåm tra, giaùm saùt ñöôïc taêng cöôøng", "Công tác kiểm tra, giám sát được tăng cường", "VNI (VNI-Times)"),
        ("B¸o c¸o tæng kÕt c«ng t¸c x©y dùng §¶ng: Ban Th\u00adêng vô HuyÖn ñy", "Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ...", "TCVN3 (.VnTime)"),
    ],
)
def test_validate_reports_the_issue_sentences_with_their_unicode_reading(tmp_path: Path, legacy: str, converted: str, font: str) -> None:
    text = VALID_UNIT.replace("Một số cấp ủy chưa sâu sát.", legacy)
    units = write_review(tmp_path, {"ba-dinh.yaml": text})
    result = runner.invoke(app, ["validate", str(units / "ba-dinh.yaml")])
    assert result.exit_code == 1, result.output
    assert "ba-dinh.yaml:9:5: error[legacy-encoding]" in result.stdout
    assert f"phông chữ cũ {font}" in result.stdout
    assert f"Có phải là: '{converted}'?" in result.stdout


def test_a_letter_repeated_is_not_a_legacy_sentence() -> None:
    """Found by the forms round-trip property: 'â0â' was taken for TCVN3 ('õ0õ')."""
    from sokket_cli.intake.legacy import guess_legacy

    assert guess_legacy("â0â") is None
    assert guess_legacy("ê ê ê") is None
