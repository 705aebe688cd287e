"""Sends the end-to-end evaluation sets through the real servers and scores every reply.

    python scripts/evaluate_e2e.py                 # both sets, writes docs/reports/e2e.md
    python scripts/evaluate_e2e.py --set dev --show wrong,missed   # the dev set's misses, to tune

The format and the scoring are in evaluation/e2e/FORMAT.md. For the blind set the report
gives figures and item ids only, never texts or replies, so that tuning stays blind to it.
Exits 1 when a target (>= 97% correct, 0 wrong, on each set) is missed.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Sequence

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from harness.e2e import BLIND, DEV_FILES, Score, evaluate, load_all  # noqa: E402
from harness.servers import start_assistant  # noqa: E402

REPORT = PROJECT / "docs" / "reports" / "e2e.md"
TARGET_CORRECT = 0.97
SETS = {"blind": [BLIND], "dev": DEV_FILES}


def summary_rows(name: str, score: Score) -> List[str]:
    counts, total = score.counts, len(score.scored)
    met = score.share("correct") >= TARGET_CORRECT and counts["wrong"] == 0
    return [
        f"| {name} | {total} | {counts['correct']} ({score.share('correct'):.1%}) | {counts['honest']} | "
        f"{counts['missed']} | {counts['wrong']} | {score.share('correct', 'answer'):.1%} | "
        f"{score.share('correct', 'dont_know'):.1%} | {'met' if met else 'NOT met'} |"
    ]


def item_lines(name: str, score: Score, show: Sequence[str]) -> List[str]:
    chosen = [s for s in score.scored if s.verdict in show]
    if name == "blind":  # ids only: nobody tuning reads the blind items
        return [
            f"- {verdict}: " + (", ".join(s.turn.id for s in chosen if s.verdict == verdict) or "none")
            for verdict in show
        ]
    lines = []
    for s in chosen:
        reply = " / ".join(line for line in s.reply.splitlines() if line.strip())[:300]
        lines.append(f"- **{s.verdict}** `{s.turn.id}` ({s.turn.expect}) {s.turn.text!r}")
        lines.append(f"  - needs {list(s.turn.must_contain)}, forbids {list(s.turn.must_not_contain)}")
        lines.append(f"  - reply: {reply}")
    return lines


def write_report(scores: Dict[str, Score], seconds: float) -> None:
    lines = [
        "# End-to-end evaluation",
        "",
        "Written by `make evaluate` (scripts/evaluate_e2e.py): every message of `evaluation/e2e/blind.yml`",
        "(written by someone who had not read `data/`, the tests or the code, and read by nobody who",
        "tunes) and `evaluation/e2e/dev*.yml` (written the same way, read while tuning), sent through",
        "the real servers over REST; each reply scored as FORMAT.md says. Targets: at least "
        f"{TARGET_CORRECT:.0%} correct and 0 wrong on each set.",
        "",
        "| set | replies | correct | honest | missed | wrong | correct (answers) | correct (don't know) | targets |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, score in scores.items():
        lines += summary_rows(name, score)
    lines += ["", f"Run in {seconds:.0f} s."]
    for name, score in scores.items():
        lines += ["", f"## {name}: what was not correct", ""]
        lines += item_lines(name, score, ("wrong", "missed", "honest")) or ["(nothing)"]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["both", *SETS], default="both")
    parser.add_argument("--show", default="", help="print these verdicts of the dev set, e.g. wrong,missed")
    parser.add_argument("--no-report", action="store_true", help="print only; leave docs/reports/e2e.md")
    arguments = parser.parse_args()
    names = list(SETS) if arguments.set == "both" else [arguments.set]
    started = time.monotonic()
    assistant = start_assistant(Path(tempfile.mkdtemp(prefix="hr-e2e-")))
    try:
        scores = {name: evaluate(assistant.webhook, load_all(SETS[name])) for name in names}
    finally:
        assistant.stop()
    seconds = time.monotonic() - started
    for name, score in scores.items():
        print(summary_rows(name, score)[0])
        if arguments.show and name == "dev":
            print("\n".join(item_lines(name, score, arguments.show.split(","))))
    if not arguments.no_report:
        write_report(scores, seconds)
        print(f"Report: {REPORT.relative_to(PROJECT)}")
    met = all(s.share("correct") >= TARGET_CORRECT and s.counts["wrong"] == 0 for s in scores.values())
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
