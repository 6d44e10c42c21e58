"""The decision to stop a compile, taken in the core: no file is written when it stops."""

from __future__ import annotations

from pathlib import Path

from helpers import VALID_UNIT, write_review
from typer.testing import CliRunner

from sokket_cli.check.plan import PlanUnit
from sokket_cli.check.readiness import refuse_incomplete, refuse_invalid
from sokket_cli.cli import app

runner = CliRunner()
BA_DINH, SOC_SON = PlanUnit("ba-dinh", "Quận ủy Ba Đình"), PlanUnit("soc-son", "Huyện ủy Sóc Sơn")


def test_broken_files_stop_the_compile_unless_skipped() -> None:
    assert refuse_invalid([], 3, skip_invalid=False) is None
    refusal = refuse_invalid(["broken"], 3, skip_invalid=False)  # type: ignore[list-item]
    assert refusal is not None and refusal.files == ("broken",)
    assert refusal.reasons[0].startswith("Chưa tạo dự thảo: 1/3 tệp báo cáo có lỗi")
    assert refuse_invalid(["broken"], 3, skip_invalid=True) is None  # type: ignore[list-item]


def test_require_all_names_who_is_missing_and_who_was_skipped() -> None:
    assert refuse_incomplete([BA_DINH], [SOC_SON], require_all=False) is None
    assert refuse_incomplete([], [], require_all=True) is None
    refusal = refuse_incomplete([BA_DINH], [SOC_SON], require_all=True)
    assert refusal is not None and refusal.files == ()
    assert refusal.reasons == (
        "Còn 1 đơn vị chưa gửi báo cáo: Quận ủy Ba Đình.",
        "1 đơn vị có báo cáo lỗi, bị bỏ qua: Huyện ủy Sóc Sơn.",
        "Chưa tạo dự thảo vì có --require-all: cần đủ báo cáo hợp lệ của mọi đơn vị.",
    )


def test_a_refused_compile_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    units = write_review(tmp_path, {"ba-dinh.yaml": VALID_UNIT, "bad.yaml": "unit: ba-dinh\n  x: [\n"})
    out = tmp_path / "o.docx"
    result = runner.invoke(app, ["compile", str(units), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "Chưa tạo dự thảo: 1/2 tệp báo cáo có lỗi" in result.output
    assert "bad.yaml:" in result.output  # the file's own problem is listed first
    assert not out.exists()
