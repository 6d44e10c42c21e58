"""``sokket fix``: a converted copy of a unit file, every other byte kept, never the original."""

from __future__ import annotations

import time
from pathlib import Path

from helpers import write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()

LEGACY = (
    "\ufeff# Ghi chú giữ nguyên: B¸o c¸o\r\n"
    "unit: ba-dinh   # mã đơn vị\r\n"
    "submitted: 2021-06-30\r\n"
    "achievements:\r\n"
    '  - "B¸o c¸o tæng kÕt c«ng t¸c x©y dùng §¶ng: Ban Th\u00adêng vô HuyÖn ñy"\r\n'
    "  - text: 'Coâng taùc kieåm tra, giaùm saùt ñöôïc taêng cöôøng:'\r\n"
    "    items: [Kiểm tra 12 tổ chức đảng.]\r\n"
    "shortcomings:\r\n"
    "  - Mét sè cÊp ñy ch\u00ada s©u s¸t.\r\n"
    "causes:\r\n"
    '  objective: ["Dịch Covid-19 kéo dài."]\r\n'
    '  subjective: ["Nhận thức chưa đầy đủ."]\r\n'
)
UNICODE = (
    "\ufeff# Ghi chú giữ nguyên: B¸o c¸o\r\n"
    "unit: ba-dinh   # mã đơn vị\r\n"
    "submitted: 2021-06-30\r\n"
    "achievements:\r\n"
    '  - "Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ Huyện ủy"\r\n'
    "  - text: 'Công tác kiểm tra, giám sát được tăng cường:'\r\n"
    "    items: [Kiểm tra 12 tổ chức đảng.]\r\n"
    "shortcomings:\r\n"
    "  - Một số cấp ủy chưa sâu sát.\r\n"
    "causes:\r\n"
    '  objective: ["Dịch Covid-19 kéo dài."]\r\n'
    '  subjective: ["Nhận thức chưa đầy đủ."]\r\n'
)


def review(tmp_path: Path, content: str | bytes = LEGACY) -> Path:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    return write_review(tmp_path, {"ba-dinh.yaml": data}) / "ba-dinh.yaml"


def test_fix_writes_a_converted_copy_keeping_every_other_byte(tmp_path: Path) -> None:
    source = review(tmp_path)
    target = tmp_path / "ba-dinh-moi.yaml"
    result = runner.invoke(app, ["fix", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == UNICODE.encode("utf-8")
    assert source.read_bytes() == LEGACY.encode("utf-8")
    assert f"Đã chuyển 3 đoạn văn bản sang Unicode, ghi vào tệp {target}" in result.stdout
    assert "  dòng 5 (TCVN3): Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ Huyện ủy" in result.stdout
    assert "  dòng 6 (VNI): Công tác kiểm tra, giám sát được tăng cường:" in result.stdout
    assert "  dòng 9 (TCVN3): Một số cấp ủy chưa sâu sát." in result.stdout
    # the copy is a valid report; the original is refused as legacy text
    target.rename(source.with_name("copy.yaml"))
    source.rename(tmp_path / "old.yaml")
    assert runner.invoke(app, ["validate", str(tmp_path / "units")]).exit_code == 0
    old = runner.invoke(app, ["validate", "--plan", str(tmp_path / "plan.yaml"), str(tmp_path / "old.yaml")])
    assert old.exit_code == 1
    assert "Có phải là: 'Báo cáo tổng kết công tác xây dựng Đảng: Ban Thường vụ...'?" in old.stdout


def test_fix_never_writes_over_the_original(tmp_path: Path) -> None:
    source = review(tmp_path)
    link = tmp_path / "link.yaml"
    link.symlink_to(source)
    for target in (source, tmp_path / "units" / ".." / "units" / "ba-dinh.yaml", link):
        result = runner.invoke(app, ["fix", str(source), "-o", str(target), "--force"])
        assert result.exit_code == 2, result.output
        assert "trùng với tệp gốc; sokket fix không bao giờ ghi đè tệp gốc" in result.output
    assert source.read_bytes() == LEGACY.encode("utf-8")


def test_default_name_and_no_overwrite_without_force(tmp_path: Path) -> None:
    source = review(tmp_path)
    default = source.with_name("ba-dinh-unicode.yaml")
    first = runner.invoke(app, ["fix", str(source)])
    assert first.exit_code == 0, first.output
    assert default.read_bytes() == UNICODE.encode("utf-8")
    default.write_bytes(b"do not lose me")
    again = runner.invoke(app, ["fix", str(source)])
    assert again.exit_code == 2
    assert "Tệp kết quả đã có" in again.output and "--force" in again.output
    assert default.read_bytes() == b"do not lose me"
    forced = runner.invoke(app, ["fix", str(source), "--force"])
    assert forced.exit_code == 0
    assert default.read_bytes() == UNICODE.encode("utf-8")


def test_nothing_to_convert_writes_nothing(tmp_path: Path) -> None:
    source = review(tmp_path, UNICODE)
    result = runner.invoke(app, ["fix", str(source)])
    assert result.exit_code == 0
    assert "Không thấy đoạn văn bản nào gõ bằng phông TCVN3 hoặc VNI; không ghi tệp nào." in result.stdout
    assert [p.name for p in source.parent.iterdir()] == ["ba-dinh.yaml"]


def test_utf16_file_stays_utf16(tmp_path: Path) -> None:
    body = LEGACY.removeprefix("\ufeff")
    source = review(tmp_path, b"\xff\xfe" + body.encode("utf-16-le"))
    target = tmp_path / "out.yaml"
    assert runner.invoke(app, ["fix", str(source), "-o", str(target)]).exit_code == 0
    assert target.read_bytes() == b"\xff\xfe" + UNICODE.removeprefix("\ufeff").encode("utf-16-le")


def test_a_file_yaml_cannot_read_is_reported_not_written(tmp_path: Path) -> None:
    source = review(tmp_path, 'unit: ba-dinh\nachievements:\n  - "B¸o c¸o tæng kÕt\n')
    target = tmp_path / "out.yaml"
    result = runner.invoke(app, ["fix", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert "ba-dinh.yaml:3:5: error[yaml-syntax]" in result.stdout
    assert not target.exists()


def test_an_alias_bomb_is_refused_not_expanded(tmp_path: Path) -> None:
    bomb = "a0: &a0 [B¸o c¸o tæng kÕt]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
    )
    source = review(tmp_path, bomb)
    started = time.perf_counter()
    result = runner.invoke(app, ["fix", str(source), "-o", str(tmp_path / "out.yaml")])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 1, result.output
    assert "ba-dinh.yaml:2:10: error[yaml-syntax] Không dùng bí danh YAML (*a0)" in result.stdout
    assert not (tmp_path / "out.yaml").exists()


def test_line_separators_and_lone_carriage_returns_keep_positions(tmp_path: Path) -> None:
    text = 'unit: ba-dinh\rnote: "a\u2028b"\nachievements:\r\n  - B¸o c¸o tæng kÕt\n'
    source = review(tmp_path, text)
    assert runner.invoke(app, ["fix", str(source), "-o", str(tmp_path / "out.yaml")]).exit_code == 0
    assert (tmp_path / "out.yaml").read_bytes() == text.replace("B¸o c¸o tæng kÕt", "Báo cáo tổng kết").encode("utf-8")
