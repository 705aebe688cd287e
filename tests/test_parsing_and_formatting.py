"""Pure helpers: reading roles, topics and education levels from a message; formatting figures."""
import pytest

from actions.formatting import MARKDOWN, PLAIN, aligned_table, markdown_table, markup_for_channel, money, percent, ratio
from actions.scope import quoted_title
from actions.parsing import role_mentions, topic_in_words
from tests.conftest import role_entity


@pytest.mark.parametrize(
    "text, topic",
    [
        ("who earns more?", "salary"),
        ("which one pays more?", "salary"),
        ("how much more does an executive make?", "salary"),
        ("which grows faster?", "growth"),
        ("which has the better job outlook", "growth"),
        ("which job needs more education", "education"),
        ("which needs a master's", "education"),
        ("who needs better people skills", "skills"),
        ("whose duties are harder", "duties"),
        ("compare them", None),
        ("", None),
        (None, None),
    ],
)
def test_topic_in_words(text, topic):
    assert topic_in_words(text) == topic


def test_role_mentions_resolves_aliases_typos_and_keeps_unknown_titles(kb):
    entities = [
        role_entity("hr_executive", "HR exec"),
        role_entity("HR genralist"),
        role_entity("executive"),  # the same role again: listed once
        role_entity("astronaut"),
        {"entity": "education_level", "value": "some_college"},
        {"entity": "role", "value": None},
        {"entity": "role", "value": 7},
    ]
    mentions = role_mentions(kb, entities)
    assert mentions.known == ["hr_executive", "hr_generalist"]
    assert mentions.unknown == ["astronaut"]


def test_generic_hr_words_name_no_role(kb):
    mentions = role_mentions(kb, [role_entity("HR"), role_entity("someone in HR")])
    assert mentions.known == [] and mentions.unknown == []


def test_unknown_title_is_cut_to_a_sane_length(kb):
    assert len(role_mentions(kb, [role_entity("x" * 5000)]).unknown[0]) == 60


@pytest.mark.parametrize(
    "text, level",
    [
        ("I'm still in high school", "still_in_high_school"),
        ("i haven't finished high school yet", "still_in_high_school"),
        ("I finished high school last year", "high_school_diploma"),
        ("I have my GED", "high_school_diploma"),
        ("I did two years of college", "some_college"),
        ("some college", "some_college"),
        ("what should I study?", None),
        ("", None),
    ],
)
def test_education_level_from_text(kb, text, level):
    assert kb.education_level_in_text(text) == level


def test_money_percent_ratio():
    assert money(129993) == "$129,993"
    assert percent(9) == "9%" and percent(5.5) == "5.5%"
    assert ratio(129993, 52152) == "2.5x"
    assert ratio(145760, 140030) == "1.04x"


def test_aligned_table_pads_columns_and_marks_missing_cells():
    table = aligned_table(["", "A", "Bee"], [["Salary", "$1", None], ["Growth (newer)", "5%", "10%"]])
    lines = table.splitlines()
    assert lines[0] == "                A   Bee"
    assert lines[1] == "--------------  --  ---"
    assert lines[2] == "Salary          $1  n/a"
    assert lines[3] == "Growth (newer)  5%  10%"


def test_markdown_table_is_set_off_by_blank_lines_and_keeps_cells_whole():
    table = markdown_table(["", "A"], [["Salary", "$1 | $2"], ["Growth", None]])
    assert table == "\n|  | A |\n| --- | --- |\n| Salary | $1 / $2 |\n| Growth | n/a |\n"


def test_markup_is_markdown_only_for_the_web_chat():
    assert markup_for_channel("webchat") is MARKDOWN
    assert markup_for_channel("rest") is PLAIN and markup_for_channel("cmdline") is PLAIN and markup_for_channel(None) is PLAIN
    assert MARKDOWN.heading("HR executive") == "**HR executive**" and PLAIN.heading("HR executive") == "HR executive"
    assert MARKDOWN.link("BLS", "https://www.bls.gov/") == "[BLS](https://www.bls.gov/)"
    assert MARKDOWN.link("the article", None) == "the article" and PLAIN.link("BLS", "https://www.bls.gov/") == "BLS"


def test_a_title_quoted_back_carries_no_markup():
    assert quoted_title("astronaut") == '"astronaut"'
    assert quoted_title("[click](javascript:alert(1))") == '"click javascript alert 1"'
    assert quoted_title("<img src=x onerror=alert(1)>") == '"img src x onerror alert 1"'
    assert quoted_title("x" * 100) == '"' + "x" * 40 + '"'
    assert quoted_title("**") == "that role"


def test_titles_the_nlu_cut_short_or_missed_are_read_from_the_text(kb):
    mentions = role_mentions(kb, [role_entity("director")], "what's the salary of a human resources director")
    assert mentions.known == ["hr_executive"] and mentions.unknown == []
    mentions = role_mentions(kb, [role_entity("hr_generalist", "generalist")], "the exec or the generalist?")
    assert mentions.known == ["hr_generalist", "hr_executive"]


def test_unknown_titles_beside_known_ones_stay_unknown(kb):
    mentions = role_mentions(kb, [role_entity("astronaut")], "compare an astronaut and an HR executive")
    assert mentions.known == ["hr_executive"] and mentions.unknown == ["astronaut"]


def test_button_payloads_are_not_read_as_text(kb):
    mentions = role_mentions(kb, [role_entity("hr_executive")], '/ask_salary{"role":"hr_executive"}')
    assert mentions.known == ["hr_executive"]
