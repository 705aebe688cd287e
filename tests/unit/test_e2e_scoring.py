"""harness.e2e: the end-to-end sets load as FORMAT.md says, and a reply is scored as it says."""

import pytest

from harness.e2e import BLIND, DEV, E2EFormatError, Turn, load, verdict

PAY = Turn("s1", "hr pay in texas", "answer", ("Texas", "$68,920"), ("$136,500",))
UNKNOWN = Turn("s2", "chief of staff pay", "dont_know", ("chief of staff",))


@pytest.mark.parametrize(
    "turn, reply, expected",
    [
        (PAY, "HR generalist, pay in Texas:\n- Median pay: $68,920 a year", "correct"),
        (PAY, "HR generalist, pay in texas: $68,920; HR executive $136,500", "wrong"),  # a forbidden figure
        (PAY, "HR generalist, pay in Ohio: $70,180", "missed"),
        (PAY, "I have no pay figures for that place.", "honest"),
        (UNKNOWN, 'Sorry, I have no information about "chief of staff".', "correct"),
        (UNKNOWN, "I don't know that one.", "missed"),  # the title is not named back
        (UNKNOWN, 'I have no information about "chief of staff"; HR managers make $149,280.', "wrong"),
        (UNKNOWN, "HR executive, salary: $149,280", "wrong"),
    ],
)
def test_verdicts(turn, reply, expected):
    assert verdict(turn, reply) == expected


def test_a_typographic_apostrophe_counts_as_one(tmp_path):
    assert verdict(Turn("s", "x", "dont_know"), "I don’t know about remote work.") == "correct"


def test_a_malformed_file_is_refused_in_one_line_naming_the_item(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("singles:\n  - id: s1\n    text: hi\n    expect: maybe\n", encoding="utf-8")
    with pytest.raises(E2EFormatError, match=r"broken.yml: s1: `expect` must be one of answer, dont_know"):
        load(path)


@pytest.mark.parametrize("path", [BLIND, DEV], ids=["blind", "dev"])
def test_the_committed_sets_load_and_have_smoke_items(path):
    dialogues = load(path)
    assert len(dialogues) > 100 and any(dialogue.smoke for dialogue in dialogues)
