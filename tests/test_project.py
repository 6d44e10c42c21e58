"""Project-level guarantees: the start-up path stays light, and the README stays true."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sokket_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("jinja2", "docx", "openpyxl", "xlsxwriter", "rich", "lxml", "pydantic")


@pytest.mark.parametrize(
    "argv",
    [["validate", "units/ba-dinh.yaml"], ["status", "units"], ["status", "units", "--format", "json"]],
)
def test_validate_and_status_start_up_without_heavy_imports(tmp_path: Path, argv: list[str]) -> None:
    """jinja2, python-docx, openpyxl and rich cost ~100 ms of start-up; only compile needs them."""
    example = ROOT / "examples" / "so-ket-nq4"
    args = [str(example / a) if a.startswith("units") else a for a in argv]
    probe = (
        "import sys\n"
        "from sokket_cli.cli import main\n"
        f"sys.argv = ['sokket', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", ["validate", "status", "compile"])
def test_every_command_has_vietnamese_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", result.output)
    assert f"sokket {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_setup_is_two_commands_that_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Cài đặt và chạy thử.*?```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    lines = block.group(1).strip().splitlines()
    assert len(lines) == 2
    assert "pip install" in lines[0] and "sokket compile examples/so-ket-nq4" in lines[0]
    assert "pytest" in lines[1]
    assert "pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_no_arguments_shows_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "validate" in result.output and "status" in result.output and "compile" in result.output


def test_readme_sample_error_output_is_what_validate_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README shows a real run on examples/.../mau-co-loi/dong-da.yaml; keep it true."""
    monkeypatch.chdir(ROOT / "examples" / "so-ket-nq4")
    result = CliRunner().invoke(app, ["validate", "mau-co-loi/dong-da.yaml"])
    assert result.exit_code == 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in result.stdout.splitlines():
        assert line in readme, line
