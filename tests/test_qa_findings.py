"""Findings of the pre-release QA pass, each pinned by the command a user typed."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner
from word_reports import WordReport

from sokket_cli.cli import app

runner = CliRunner()
LONG_NAME = "a" * 300  # longer than any file system allows (255 bytes)


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def _word_file(tmp_path: Path) -> Path:
    report = WordReport()
    report.para("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True)
    report.para("Đã tổ chức 45 hội nghị quán triệt.")
    return report.save(tmp_path / "bao-cao-ba-dinh.docx")


@pytest.mark.parametrize(
    "command",
    [
        ["schema", "{root}", "-o", "{long}.json"],
        ["forms", "{root}", "-o", "{long}"],
        ["forms", "{root}", "--html", "-o", "{long}.html"],
        ["compile", "{root}/units", "-o", "{long}.docx"],
        ["fix", "{root}/units/ba-dinh.yaml", "-o", "{long}.yaml"],
        ["import", "{root}/bao-cao-ba-dinh.docx", "--don-vi", "ba-dinh", "-o", "{long}.yaml"],
    ],
    ids=["schema", "forms", "forms-html", "compile", "fix", "import"],
)
def test_an_output_name_too_long_is_a_usage_error_not_an_internal_one(
    tmp_path: Path, command: list[str]
) -> None:
    write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    _word_file(tmp_path)
    args = [part.format(root=tmp_path, long=tmp_path / LONG_NAME) for part in command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Lỗi nội bộ" not in result.output
    assert "ngắn hơn" in result.output


def _quick_start_commands() -> list[list[str]]:
    """The 'Bắt đầu nhanh' block of the README, one argument list per command."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Bắt đầu nhanh", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].split()[1:] for line in block.splitlines() if line.strip()]


def test_the_readme_quick_start_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    monkeypatch.chdir(tmp_path)
    book = openpyxl.Workbook()
    for row in (["STT", "Tên đơn vị"], [1, "Đảng ủy phường Ba Đình"], [2, "Đảng ủy xã Sóc Sơn"]):
        book.active.append(row)
    book.save(tmp_path / "danh-sach.xlsx")
    outcomes = {}
    for args in _quick_start_commands():
        result = run(*args)
        outcomes[args[0]] = result
        assert "Lỗi nội bộ" not in result.output
    # the blank form only lacks its content; the plan is found and nothing is missing
    assert outcomes["validate"].exit_code == 1, outcomes["validate"].output
    assert "chưa có nội dung" in outcomes["validate"].output
    assert "Không tìm thấy tệp kế hoạch" not in outcomes["validate"].output
    assert outcomes["status"].exit_code == 0, outcomes["status"].output


def test_a_folder_given_to_fix_is_explained_in_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / "ba-dinh.yaml"
    folder.mkdir()
    result = run("fix", folder)
    assert result.exit_code == 2, result.output
    assert "đây là một thư mục, không phải tệp" in result.output
    assert "Is a directory" not in result.output


def test_a_special_file_given_to_import_is_not_called_a_folder(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    write_review(tmp_path, {})
    pipe = tmp_path / "bao-cao.docx"
    os.mkfifo(pipe)
    result = run("import", pipe, "--don-vi", "ba-dinh", "--plan", tmp_path / "plan.yaml")
    assert result.exit_code == 2, result.output
    assert "không phải tệp thông thường" in result.output
    assert "Not a directory" not in result.output
    assert "Không đọc được thư mục" not in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["init", "{long}"],
        ["init", "{root}/new", "--don-vi", "{long}.csv"],
        ["validate", "{long}.yaml"],
        ["status", "{long}"],
        ["import", "{long}.docx"],
    ],
    ids=["init", "init-list", "validate", "status", "import"],
)
def test_an_input_name_too_long_is_a_usage_error_not_an_internal_one(
    tmp_path: Path, command: list[str]
) -> None:
    args = [part.format(root=tmp_path, long=tmp_path / LONG_NAME) for part in command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Lỗi nội bộ" not in result.output
    assert "quá dài" in result.output
    assert LONG_NAME not in result.output  # the name is shortened, not printed whole


def test_a_word_file_with_an_embedded_chunk_is_refused_not_half_imported(tmp_path: Path) -> None:
    """Web systems export .docx whose text sits in an altChunk (an embedded HTML part) that
    only Word expands; importing the rest would drop that text without a word."""
    write_review(tmp_path, {})
    source = _word_file(tmp_path)
    with zipfile.ZipFile(source) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    chunk = b'<w:altChunk r:id="rIdChunk"/><w:sectPr'
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:sectPr", chunk, 1)
    assert chunk in parts["word/document.xml"]
    with zipfile.ZipFile(source, "w") as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)
    result = run("import", source, "--don-vi", "ba-dinh", "--plan", tmp_path / "plan.yaml")
    assert result.exit_code == 2, result.output
    assert f"{source.name}: Tệp Word có phần nội dung được nhúng" in result.output
    assert "altChunk" in result.output
    assert "Ctrl+A" in result.output
    assert not (tmp_path / "units" / "ba-dinh.yaml").exists()


def test_fix_never_writes_over_a_plan_even_with_force(tmp_path: Path) -> None:
    """Found in QA: 'fix -o plan.yaml --force' replaced the review's plan."""
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT.replace(
        "Một số cấp ủy chưa sâu sát.", "B¸o c¸o tæng kÕt c«ng t¸c x©y dùng §¶ng")})
    plan = tmp_path / "plan.yaml"
    before = plan.read_bytes()
    result = run("fix", units / "ba-dinh.yaml", "-o", plan, "--force")
    assert result.exit_code == 2, result.output
    assert "dành cho tệp kế hoạch" in result.output
    assert plan.read_bytes() == before
