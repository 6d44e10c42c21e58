"""Problems found in an input file: what, where, how bad, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    """Errors block a file; warnings are shown but do not (unless ``--strict``)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at a 1-based line and column; ``code`` is stable, ``message`` may improve."""

    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(line: int, column: int, code: str, message: str) -> Problem:
    return Problem(line, column, Severity.ERROR, code, message)


def warning(line: int, column: int, code: str, message: str) -> Problem:
    return Problem(line, column, Severity.WARNING, code, message)


@dataclass(slots=True)
class FileReport:
    """Everything validation found in one file, sorted into file order."""

    path: Path
    unit: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)

    def sort(self) -> None:
        self.problems.sort(key=lambda p: (p.line, p.column))
