"""Text and JSON renderings of problems; plain strings, no terminal library."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from sokket_cli.display import display_path
from sokket_cli.problems import FileReport, Problem, Severity

_RED, _YELLOW, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def wants_color(stream: IO[str]) -> bool:
    """Colour only on a real terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.name != "nt"


def problem_line(path: Path, problem: Problem, color: bool = False) -> str:
    where = f"{display_path(path)}:{problem.line}:{problem.column}"
    label = f"{problem.severity.value}[{problem.code}]"
    if color:
        tint = _RED if problem.severity is Severity.ERROR else _YELLOW
        return f"{_BOLD}{where}{_RESET}: {tint}{_BOLD}{label}{_RESET} {problem.message}"
    return f"{where}: {label} {problem.message}"


def summary_line(reports: Sequence[FileReport], strict: bool = False) -> str:
    """One sentence a clerk can act on: is the file ready to send?"""
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    bad = sum(1 for r in reports if r.errors or (strict and r.warnings))
    files = len(reports)
    if not bad:
        tail = " (nên xem các cảnh báo ở trên)" if warnings else ""
        return f"Tệp hợp lệ, có thể gửi{tail}." if files == 1 else f"Cả {files} tệp đều hợp lệ{tail}."
    head = "Tệp chưa hợp lệ" if files == 1 else f"{bad}/{files} tệp chưa hợp lệ"
    if not errors:  # only --strict fails on warnings alone
        return f"{head} vì có {warnings} cảnh báo (--strict coi cảnh báo là lỗi). Hãy xem các cảnh báo ở trên, sửa rồi chạy lại lệnh."
    return f"{head}: {errors} lỗi, {warnings} cảnh báo. Hãy sửa các lỗi ở trên rồi chạy lại lệnh."


def problems_json(reports: Iterable[FileReport]) -> str:
    """The ``--format json`` document of SPEC.md."""
    document = {
        "files": [
            {
                "path": display_path(report.path),
                "unit": report.unit,
                "problems": [
                    {
                        "line": p.line,
                        "column": p.column,
                        "severity": p.severity.value,
                        "code": p.code,
                        "message": p.message,
                    }
                    for p in report.problems
                ],
            }
            for report in reports
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
