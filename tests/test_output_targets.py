"""No output ever replaces an input, a device or a folder; names that do not fit are refused
clearly; a name without the right suffix gets it, one with a wrong suffix is refused."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import docx
import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app
from sokket_cli.errors import OutputError
from sokket_cli.write.targets import check_targets, with_suffix

runner = CliRunner()
posix_only = pytest.mark.skipif(os.name == "nt", reason="symlinks, FIFOs and devices")


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- outputs over inputs --------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["units/ba-dinh.yaml", "plan.yaml"])
def test_status_refuses_to_write_over_a_unit_file_or_the_plan(tmp_path: Path, target: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    before = digest(tmp_path)
    result = run("status", units, "-o", tmp_path / target)
    assert result.exit_code == 2, result.output
    assert "chính là tệp đầu vào" in result.output
    assert digest(tmp_path) == before


@posix_only
def test_status_refuses_an_input_reached_through_a_symlink_or_a_hard_link(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "link.csv").symlink_to(units / "ba-dinh.yaml")
    os.link(tmp_path / "plan.yaml", tmp_path / "hard.csv")
    before = digest(tmp_path)
    for name in ("link.csv", "hard.csv"):
        result = run("status", units, "--format", "csv", "-o", tmp_path / name)
        assert result.exit_code == 2, result.output
        assert "chính là tệp đầu vào" in result.output
    assert digest(tmp_path) == before


def test_compile_refuses_to_write_over_its_template(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.docx"  # a template may have any name
    template.write_text("<document><p>x</p></document>", encoding="utf-8")
    before = digest(tmp_path)
    result = run("compile", units, "--template", template, "-o", template)
    assert result.exit_code == 2, result.output
    assert "chính là tệp đầu vào" in result.output
    assert digest(tmp_path) == before


def test_compile_refuses_a_template_name_as_output_for_its_suffix(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "mau.xml.j2"
    template.write_text("<document><p>x</p></document>", encoding="utf-8")
    before = digest(tmp_path)
    result = run("compile", units, "--template", template, "-o", template)
    assert result.exit_code == 2, result.output
    assert "phải có đuôi .docx, không phải '.j2'" in result.output
    assert digest(tmp_path) == before


@posix_only
def test_compile_refuses_a_docx_link_to_a_piece_its_template_includes(tmp_path: Path) -> None:
    """The pieces a template includes are read only while it renders, so they are not among
    the inputs checked first: a .docx link to one would have been overwritten."""
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    pieces = tmp_path / "mau"
    pieces.mkdir()
    (pieces / "_phan.xml.j2").write_text("<p>phần chung</p>", encoding="utf-8")
    template = pieces / "mau.xml.j2"
    template.write_text("<document>{% include '_phan.xml.j2' %}</document>", encoding="utf-8")
    (tmp_path / "du-thao.docx").symlink_to(pieces / "_phan.xml.j2")
    before = digest(tmp_path)
    result = run("compile", units, "--template", template, "-o", tmp_path / "du-thao.docx")
    assert result.exit_code == 2, result.output
    assert "trỏ tới tệp mẫu báo cáo '_phan.xml.j2'" in result.output
    assert digest(tmp_path) == before


@posix_only
def test_compile_xlsx_over_the_plan_through_a_symlink_is_refused(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "bang.xlsx").symlink_to(tmp_path / "plan.yaml")
    before = digest(tmp_path)
    result = run("compile", units, "-o", tmp_path / "o.docx", "--xlsx", tmp_path / "bang.xlsx")
    assert result.exit_code == 2, result.output
    assert "chính là tệp đầu vào" in result.output
    assert digest(tmp_path) == before
    assert not (tmp_path / "o.docx").exists()


def test_compile_xlsx_named_like_the_plan_is_refused_by_its_suffix(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    before = digest(tmp_path)
    result = run("compile", units, "-o", tmp_path / "o.docx", "--xlsx", tmp_path / "plan.yaml")
    assert result.exit_code == 2, result.output
    assert "--xlsx phải có đuôi .xlsx" in result.output
    assert digest(tmp_path) == before


# --- not a regular file ---------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", ["status", "compile"])
def test_a_fifo_is_refused_not_replaced(tmp_path: Path, command: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    fifo = tmp_path / "ong.docx"
    os.mkfifo(fifo)
    result = run(command, units, "-o", fifo)
    assert result.exit_code == 2, result.output
    assert "không phải là một tệp thường" in result.output
    assert fifo.is_fifo()


@posix_only
def test_dev_full_and_dev_null_are_refused_not_replaced() -> None:
    for device in (Path("/dev/full"), Path("/dev/null")):
        if not device.exists():
            continue
        with pytest.raises(OutputError, match="không phải là một tệp thường"):
            check_targets([device], [])
        assert device.is_char_device()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="là một thư mục"):
        check_targets([tmp_path], [])


@posix_only
def test_output_at_a_symlink_writes_the_file_it_points_to_and_keeps_the_link(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    (tmp_path / "drafts").mkdir()
    real = tmp_path / "drafts" / "ban-that.docx"
    real.write_bytes(b"old")
    link = tmp_path / "moi-nhat.docx"
    link.symlink_to(real)
    result = run("compile", units, "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert any("Kết quả đạt được".upper() in p.text for p in docx.Document(str(real)).paragraphs)
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == ["ban-that.docx"]  # no temporaries


def test_two_outputs_that_are_one_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="trùng"):
        check_targets([tmp_path / "a.docx", tmp_path / "." / "a.docx"], [])


# --- name lengths ---------------------------------------------------------------------------------


def test_a_250_byte_output_name_works(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    out = tmp_path / ("b" * 245 + ".docx")
    result = run("compile", units, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.is_file()
    csv = tmp_path / ("c" * 246 + ".csv")
    assert run("status", units, "--format", "csv", "-o", csv).exit_code == 0
    assert csv.is_file()


def test_an_output_name_over_255_bytes_gets_a_clear_message(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    out = tmp_path / ("bá" * 100 + ".docx")  # 305 bytes: 'á' is two
    result = run("compile", units, "-o", out)
    assert result.exit_code == 2, result.output
    assert "dài 305 byte, quá giới hạn 255 byte" in result.output
    assert "Lỗi nội bộ" not in result.output


# --- suffixes (issue 9) ---------------------------------------------------------------------------


def test_an_output_without_suffix_gets_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    monkeypatch.chdir(tmp_path)
    result = run("compile", units, "-o", "du-thao", "--xlsx", "so-lieu")
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo vào du-thao.docx" in result.output
    assert "Đã ghi bảng số liệu vào so-lieu.xlsx" in result.output
    assert (tmp_path / "du-thao.docx").is_file() and (tmp_path / "so-lieu.xlsx").is_file()
    assert not (tmp_path / "du-thao").exists()


@pytest.mark.parametrize("name", ["x.pdf", "x.doc", "bao-cao.txt"])
def test_an_output_with_another_suffix_is_refused(tmp_path: Path, name: str) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    before = digest(tmp_path)
    result = run("compile", units, "-o", tmp_path / name)
    assert result.exit_code == 2, result.output
    assert f"không phải '{Path(name).suffix}'" in result.output
    assert f"-o {Path(name).stem}.docx" in result.output
    assert digest(tmp_path) == before


def test_suffix_rules() -> None:
    assert with_suffix(Path("du-thao"), ".docx", "-o") == Path("du-thao.docx")
    assert with_suffix(Path("a/B.DOCX"), ".docx", "-o") == Path("a/B.DOCX")
    assert with_suffix(Path("bao-cao-30.6"), ".docx", "-o") == Path("bao-cao-30.6.docx")
    with pytest.raises(OutputError, match=r"--xlsx phải có đuôi \.xlsx"):
        with_suffix(Path("so-lieu.csv"), ".xlsx", "--xlsx")


@posix_only
def test_schema_and_fix_refuse_a_fifo_even_with_force(tmp_path: Path) -> None:
    write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    fifo = tmp_path / "ong.json"
    os.mkfifo(fifo)
    result = run("schema", tmp_path, "-o", fifo, "--force")
    assert result.exit_code == 2, result.output
    assert "không phải là một tệp thường" in result.output
    legacy = tmp_path / "cu.yaml"
    legacy.write_text(VALID_UNIT.replace("Đã tổ chức 45 hội nghị quán triệt.", "§· tæ chøc 45 héi nghÞ qu¸n triÖt."), encoding="utf-8")
    fifo_yaml = tmp_path / "ong.yaml"
    os.mkfifo(fifo_yaml)
    result = run("fix", legacy, "-o", fifo_yaml, "--force")
    assert result.exit_code == 2, result.output
    assert "không phải là một tệp thường" in result.output
    assert fifo.is_fifo() and fifo_yaml.is_fifo()


def test_a_name_too_long_is_worded_the_same_wherever_it_is_found(tmp_path: Path) -> None:
    """check_targets finds a long name before writing; the writer meets ENAMETOOLONG for a
    name (or a whole path) the checks let through. The clerk reads one wording."""
    import errno as errno_codes

    from sokket_cli.write.atomic import output_error

    long_name = tmp_path / ("bá" * 100 + ".docx")
    with pytest.raises(OutputError) as checked:
        check_targets([long_name], [])
    met = output_error(long_name, OSError(errno_codes.ENAMETOOLONG, "File name too long"))
    assert met.message == checked.value.message
    assert "dài 305 byte, quá giới hạn 255 byte" in met.message
    deep = tmp_path.joinpath(*["a" * 200] * 30, "du-thao.docx")
    said = output_error(deep, OSError(errno_codes.ENAMETOOLONG, "File name too long")).message
    assert "đường dẫn tới tệp quá dài" in said
