"""The load and soak run (bench/soak.py) as a test: 100 conversations, 20 messages each.

About two and a half minutes. It writes its report to a temporary folder; `make soak`
writes it to docs/reports/soak.md.
"""

import subprocess
import sys

import pytest

from harness import PROJECT

pytestmark = pytest.mark.slow


def test_100_conversations_for_two_minutes_without_errors_cross_talk_or_memory_growth(tmp_path):
    report = tmp_path / "soak.md"
    result = subprocess.run(
        [sys.executable, "bench/soak.py", "--report", str(report)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    section = report.read_text(encoding="utf-8")
    assert "| errors (no reply, HTTP error, timeout) | 0 | 0 |" in section
    assert "| cross-talk (a reply about another conversation's role) | 0 | 0 |" in section
    assert "all checks passed" in section
