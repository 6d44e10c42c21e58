"""A compile run writes all its outputs or none, and leaves no temporary file behind even
when it is terminated (SIGTERM, SIGHUP) as it already did for Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.cli import app

runner = CliRunner()


def test_xlsx_failing_leaves_no_docx_and_the_old_ones_untouched(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    out = tmp_path / "o.docx"
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(out), "--xlsx", str(tmp_path / "khong-co" / "so-lieu.xlsx")]
    )
    assert result.exit_code == 2, result.output
    assert "Không ghi được tệp kết quả" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "units"]

    out.write_bytes(b"yesterday")
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(out), "--xlsx", str(tmp_path / "khong-co" / "so-lieu.xlsx")]
    )
    assert result.exit_code == 2
    assert out.read_bytes() == b"yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "plan.yaml", "units"]


def test_both_outputs_are_written_when_all_goes_well(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    result = runner.invoke(
        app, ["compile", str(units), "-o", str(tmp_path / "o.docx"), "--xlsx", str(tmp_path / "s.xlsx")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "plan.yaml", "s.xlsx", "units"]


# A template that writes its first lines, then spins: the run is caught mid-write.
SLOW = (
    '<document><p>Bắt đầu</p>{% for i in range(100000) %}{% for j in range(100000) %}'
    "{% endfor %}{% endfor %}</document>"
)


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_compile_removes_its_temporary_files(tmp_path: Path, signum: int) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT})
    template = tmp_path / "cham.xml.j2"
    template.write_text(SLOW, encoding="utf-8")
    out_dir = tmp_path / "ket-qua"
    out_dir.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "sokket_cli", "compile", str(units), "--template", str(template),
         "-o", str(out_dir / "o.docx"), "--xlsx", str(out_dir / "s.xlsx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not any(p.name.endswith(".tmp") for p in out_dir.iterdir()):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.05)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum
    assert "Đã dừng theo yêu cầu." in stderr.decode("utf-8")
    assert list(out_dir.iterdir()) == []
