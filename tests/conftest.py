"""Shared pytest fixtures; builders live in tests/helpers.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from hypothesis import settings

# A property test checks what is computed, not how fast: on a loaded machine hypothesis'
# 200 ms deadline failed tests at random. Speed has its own tests and benchmarks/run.py.
settings.register_profile("sokket", deadline=None)
settings.load_profile("sokket")
