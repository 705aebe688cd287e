"""Custom actions, run on trackers built in fixtures, as the action server runs them."""

import pytest

from actions.actions import (
    ActionAnswerRoleTopic,
    ActionAnswerSharedTopic,
    ActionCompareRoles,
    ActionEducationGuidance,
    ActionShowHelp,
)
from careers.answers.role import brief_line
from careers.scope import covered_roles
from tests.conftest import role_entity, slot_values


def run(action, dispatcher, tracker):
    events = action.run(dispatcher, tracker, domain={})
    assert len(dispatcher.messages) == 1
    return events, dispatcher.messages[0]


def payloads(message):
    return [button["payload"] for button in message.get("buttons") or []]


def test_salary_for_a_named_role_is_sourced(dispatcher, make_tracker):
    tracker = make_tracker("ask_salary", [role_entity("hr_executive", "HR exec")], "what does an HR exec earn?")
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    text = message["text"]
    assert (
        "A 2017 article, credited to the U.S. Bureau of Labor Statistics, gave a median salary of $129,993 for HR executives."
        in text
    )
    assert "Median pay (May 2025): $149,280 a year" in text.splitlines()[1]
    # The OOH's May 2024 figure is one "More detail" button away, not in the short answer.
    assert "$140,030" not in text and message["buttons"][0]["title"] == "More detail"
    # A new conversation: only the slots that change from empty are set.
    assert slot_values(events) == {
        "role": "hr_executive",
        "topic": "salary",
        "discussed_roles": ["hr_executive"],
        "discussed_places": ["0000000"],  # the U.S.: "and in Ohio?", then "which of those?"
    }
    assert '/compare_roles{"role":["hr_executive","hr_generalist"],"topic":"salary"}' in payloads(message)


def test_follow_up_keeps_the_role(dispatcher, make_tracker):
    tracker = make_tracker(
        "ask_education",
        text="what education do they need?",
        slots={"role": "hr_executive", "topic": "salary", "discussed_roles": ["hr_executive"]},
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("HR executive, education:")
    assert "Some companies even require HR executives to hold a master's degree." in message["text"]
    assert slot_values(events)["topic"] == "education"


def test_and_the_other_role_keeps_the_topic(dispatcher, make_tracker):
    tracker = make_tracker(
        "inform_role",
        [role_entity("hr_generalist", "generalist")],
        "and the generalist?",
        slots={"role": "hr_executive", "topic": "salary", "discussed_roles": ["hr_executive"]},
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "$52,152" in message["text"] and "$129,993" not in message["text"]
    assert slot_values(events)["discussed_roles"] == ["hr_executive", "hr_generalist"]


def test_no_role_and_no_context_answers_for_both_main_roles(dispatcher, make_tracker):
    tracker = make_tracker("ask_salary", text="how much does someone in HR make?")
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "$129,993 (2017)" in message["text"] and "$52,152 (2017)" in message["text"]
    assert slot_values(events)["compared_roles"] == ["hr_executive", "hr_generalist"]


def test_after_a_comparison_a_topic_question_answers_for_both(dispatcher, make_tracker):
    tracker = make_tracker(
        "ask_education",
        text="what education do they need?",
        slots={"compared_roles": ["hr_executive", "hr_generalist"], "topic": None},
    )
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "HR executive vs HR generalist, education:" in message["text"]
    assert "master's degree" in message["text"]


def test_related_careers_then_that_one(dispatcher, make_tracker, kb):
    tracker = make_tracker("ask_related_careers", [role_entity("hr_executive")], "related careers for HR executives")
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "Labor lawyer: it focuses on the legal relationship between employers and employees." in message["text"]
    slots = slot_values(events)
    assert slots["listed_roles"] == [item.role for item in kb.role("hr_executive").related]
    assert slots["listed_roles"][0] == "labor_lawyer"  # the article's related career comes first

    # The campus recruiter's only related career is the generalist; the lawyer's is the executive.
    follow_up = make_tracker(
        "ask_overview", text="tell me more about that one", slots={**slots, "listed_roles": ["labor_lawyer"]}
    )
    dispatcher.messages.clear()
    events, message = run(ActionAnswerRoleTopic(), dispatcher, follow_up)
    assert message["text"].startswith("Labor lawyer: A labor lawyer focuses on the legal relationship")
    assert "$159,670" in message["text"] and "(May 2025)" in message["text"]
    assert slot_values(events)["role"] == "labor_lawyer"


def test_that_one_among_several_asks_which(dispatcher, make_tracker):
    tracker = make_tracker(
        "ask_overview", text="tell me more about that one", slots={"listed_roles": ["labor_lawyer", "campus_recruiter"]}
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"] == "Which one would you like to hear more about?"
    assert payloads(message) == ['/ask_overview{"role":"labor_lawyer"}', '/ask_overview{"role":"campus_recruiter"}']
    assert events == []


@pytest.mark.parametrize(
    "action_class, intent", [(ActionAnswerRoleTopic, "ask_salary"), (ActionCompareRoles, "compare_roles")]
)
def test_unknown_role_gets_no_figure(dispatcher, make_tracker, kb, action_class, intent):
    tracker = make_tracker(
        intent, [role_entity("astronaut")], "how much does an astronaut make?", slots={"role": "hr_executive"}
    )
    events, message = run(action_class(), dispatcher, tracker)
    assert 'have figures for "astronaut"' in message["text"]
    assert "$" not in message["text"]
    assert covered_roles(kb) in message["text"] and "training and development specialist" in message["text"]
    assert message["buttons"]
    assert events == []  # the earlier context stays


def test_who_earns_more_computes_difference_and_ratio(dispatcher, make_tracker):
    tracker = make_tracker("compare_roles", text="who earns more?")
    events, message = run(ActionCompareRoles(), dispatcher, tracker)
    text = message["text"]
    assert text.startswith("HR executive vs HR generalist, salary:")
    assert "the HR executive earns $77,841 more than the HR generalist (2.5x as much)" in text
    assert "the HR executive earns $67,120 more than the HR generalist (1.9x as much)" in text
    assert slot_values(events)["compared_roles"] == ["hr_executive", "hr_generalist"]
    assert slot_values(events)["topic"] == "salary"


def test_comparison_table_is_aligned(dispatcher, make_tracker):
    tracker = make_tracker(
        "compare_roles",
        [role_entity("hr_executive"), role_entity("hr_generalist")],
        "compare HR executive and HR generalist",
    )
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    lines = message["text"].splitlines()
    header = next(line for line in lines if line.startswith(" ") and "HR generalist" in line)
    table = lines[lines.index(header) : lines.index(header) + 7]
    column = header.index("HR generalist")
    assert all(line[column - 2 : column] == "  " for line in table[2:])
    assert any(line.startswith("Median salary (article)") and "$129,993 (2017)" in line for line in table)
    assert "The key difference: HR executives make the high-level decisions" in message["text"]


def test_which_one_pays_more_uses_the_two_roles_discussed(dispatcher, make_tracker):
    tracker = make_tracker(
        "compare_roles",
        text="which one pays more?",
        slots={"role": "hr_executive", "discussed_roles": ["labor_lawyer", "hr_executive"]},
    )
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    assert message["text"].startswith("Labor lawyer vs HR executive, salary:")
    assert "the labor lawyer earns $5,730 more than the HR executive (1.04x as much)" in message["text"]


def test_how_much_more_does_an_executive_make(dispatcher, make_tracker):
    tracker = make_tracker(
        "compare_roles", [role_entity("hr_executive", "executive")], "how much more does an executive make?"
    )
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    assert message["text"].startswith("HR executive vs HR generalist, salary:")
    assert "$77,841 more" in message["text"]


def test_which_grows_faster_names_both_periods(dispatcher, make_tracker):
    tracker = make_tracker("compare_roles", text="which grows faster?")
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    assert (
        "the HR executive grows faster: 9% vs 5% (note the different periods: 2016-2026 vs 2014-2024)"
        in message["text"]
    )
    assert "the HR generalist grows faster: 8% vs 6%" in message["text"]


def test_comparison_button_topic_overrides_words(dispatcher, make_tracker):
    tracker = make_tracker(
        "compare_roles",
        [role_entity("hr_executive"), role_entity("hr_generalist"), {"entity": "topic", "value": "growth"}],
        '/compare_roles{"role":["hr_executive","hr_generalist"],"topic":"growth"}',
    )
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    assert message["text"].startswith("HR executive vs HR generalist, job growth:")


MAIN_PAIR = {"compared_roles": ["hr_executive", "hr_generalist"], "discussed_roles": ["hr_executive", "hr_generalist"]}


@pytest.mark.parametrize(
    "intent, expected, slots",
    [
        # What the two main roles share or how they differ: "what do specialists make?" next is about them.
        ("ask_similarities", "Both need strong communication and interpersonal skills.", MAIN_PAIR),
        (
            "ask_differences",
            "The key difference: HR executives make the high-level decisions, while HR generalists are tasked with carrying them out.",
            MAIN_PAIR,
        ),
        ("ask_programs", "- Labor and Industrial Relations", {}),  # no role: nothing changes
    ],
)
def test_shared_topics(dispatcher, make_tracker, intent, expected, slots):
    events, message = run(ActionAnswerSharedTopic(), dispatcher, make_tracker(intent, text="..."))
    assert expected in message["text"]
    assert slot_values(events) == slots


def test_education_guidance_asks_with_the_articles_three_answers(dispatcher, make_tracker):
    _, message = run(
        ActionEducationGuidance(), dispatcher, make_tracker("ask_education_guidance", text="where do I start?")
    )
    assert message["text"].startswith("Most of the HR careers I know (7 of 10) usually need a bachelor's degree.")
    assert message["text"].endswith("\nWhat is your highest level of education?")
    assert [button["title"] for button in message["buttons"]] == [
        "Still in high school",
        "High school diploma",
        "Some college",
    ]
    assert payloads(message)[2] == '/inform_education_level{"education_level":"some_college"}'


@pytest.mark.parametrize(
    "level, advice",
    [
        ("still_in_high_school", "Earn your diploma or GED, and plan your undergraduate education."),
        ("high_school_diploma", "Explore schools that offer bachelor's and associate degrees."),
        ("some_college", "Complete your degree, or find the graduate program that's right for you."),
    ],
)
def test_education_guidance_for_each_level(dispatcher, make_tracker, level, advice):
    tracker = make_tracker("inform_education_level", [{"entity": "education_level", "value": level}], "...")
    _, message = run(ActionEducationGuidance(), dispatcher, tracker)
    assert advice in message["text"]
    assert "Organizational Behavior" in message["text"]


def test_help_lists_the_roles_of_the_knowledge_base(dispatcher, make_tracker, kb):
    _, message = run(ActionShowHelp(), dispatcher, make_tracker("help", text="help"))
    assert covered_roles(kb) in message["text"] and "training and development specialist" in message["text"]
    assert len(message["buttons"]) == 4


@pytest.mark.parametrize(
    "slots",
    [
        {
            "role": "astronaut",
            "topic": "weather",
            "compared_roles": "x",
            "listed_roles": [1, None],
            "discussed_roles": {},
        },
        {"role": 42, "compared_roles": ["hr_executive"], "discussed_roles": ["nobody", "labor_lawyer"]},
    ],
)
def test_garbage_in_slots_is_ignored(dispatcher, make_tracker, slots):
    tracker = make_tracker("ask_salary", [], "hmm", slots=slots)
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    # No usable role in context and none named: asked, never guessed.
    assert message["text"] == "Which role do you mean?"


def test_education_level_typed_without_an_entity(dispatcher, make_tracker):
    tracker = make_tracker("inform_education_level", [], "i'm still in high school")
    _, message = run(ActionEducationGuidance(), dispatcher, tracker)
    assert message["text"].startswith("Still in high school: Earn your diploma or GED")


def test_someone_in_hr_is_not_an_unknown_role(dispatcher, make_tracker):
    tracker = make_tracker("ask_salary", [role_entity("HR")], "how much does someone in HR make?")
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "$129,993 (2017)" in message["text"] and "$52,152 (2017)" in message["text"]


def test_naming_a_listed_career_asks_about_it(dispatcher, make_tracker):
    tracker = make_tracker(
        "inform_role",
        [role_entity("campus_recruiter", "campus recruiter")],
        "campus recruiter",
        slots={"role": "hr_generalist", "topic": "related", "listed_roles": ["campus_recruiter"]},
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("Campus recruiter: A campus recruiter finds and hires students")
    assert slot_values(events)["topic"] == "overview"


def test_inform_role_without_a_role_asks_which(dispatcher, make_tracker):
    tracker = make_tracker("inform_role", [], "banana", slots={"role": "hr_executive", "topic": "salary"})
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"] == "Which role do you mean?"
    assert payloads(message)[:2] == ['/ask_salary{"role":"hr_executive"}', '/ask_salary{"role":"hr_generalist"}']
    assert events == []


def test_education_level_entity_in_words_is_resolved(dispatcher, make_tracker):
    tracker = make_tracker(
        "inform_education_level", [{"entity": "education_level", "value": "Some College"}], "Some College"
    )
    _, message = run(ActionEducationGuidance(), dispatcher, tracker)
    assert message["text"].startswith("Some college: Complete your degree")


def test_a_fragment_naming_a_topic_continues_with_the_role_in_context(dispatcher, make_tracker):
    tracker = make_tracker(
        "inform_role", [], "ok and their education?", slots={"role": "hr_generalist", "topic": "salary"}
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("HR generalist, education:")
    assert slot_values(events)["topic"] == "education"


def test_web_chat_answers_use_markdown_and_others_plain_text(dispatcher, make_tracker):
    events = ActionCompareRoles().run(
        dispatcher, make_tracker("compare_roles", text="which pays more?", input_channel="webchat"), {}
    )
    web = dispatcher.messages[-1]["text"]
    assert web.startswith("**HR executive vs HR generalist, salary**:\n")
    assert "\n\n|  | HR executive | HR generalist |\n| --- | --- | --- |\n" in web
    assert "[the BLS Occupational Outlook Handbook, Human Resources Managers](https://www.bls.gov/" in web
    ActionCompareRoles().run(dispatcher, make_tracker("compare_roles", text="which pays more?"), {})
    plain = dispatcher.messages[-1]["text"]
    assert "**" not in plain and "|" not in plain and "](" not in plain
    assert events and plain.startswith("HR executive vs HR generalist, salary:\n")


def test_the_users_own_job_is_not_what_they_ask_about(dispatcher, make_tracker):
    tracker = make_tracker("ask_salary", text="im an hr generalist rn, what do hr managers make nationally")
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("HR executive, salary:") and "$75,940" not in message["text"]
    dispatcher.messages.clear()
    compared = make_tracker("compare_roles", text="I'm an HR generalist, do HR managers make more than me?")
    _, message = run(ActionCompareRoles(), dispatcher, compared)
    assert message["text"].startswith("HR generalist vs HR executive")


def test_the_manager_after_a_specialist_is_the_manager_of_that_line_of_work(dispatcher, make_tracker):
    tracker = make_tracker(
        "inform_role",
        [{"entity": "role_head", "value": "manager", "text": "manager"}],
        text="what about the manager",
        slots={"role": "training_development_specialist", "topic": "salary"},
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("Training and development manager, salary:")
    assert slot_values(events)["role"] == "training_development_manager"


def test_a_place_not_covered_keeps_the_role_for_the_next_question(dispatcher, make_tracker):
    canada = {"entity": "place", "value": "canada", "text": "canada"}  # as the learned tagger gives it
    tracker = make_tracker("ask_salary", [canada], text="what do hr managers make in canada")
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert '"canada"' in message["text"].lower() and "$" not in message["text"]
    assert slot_values(events)["role"] == "hr_executive"


def test_the_other_one_after_the_difference_of_two_roles(dispatcher, make_tracker):
    difference = make_tracker("ask_differences", text="whats the difference between an hr exec and a generalist")
    events, _ = run(ActionAnswerRoleTopic(), dispatcher, difference)
    dispatcher.messages.clear()
    slots = {**slot_values(events), "role": "hr_executive", "topic": "salary"}
    tracker = make_tracker("inform_role", [{"entity": "reference", "value": "other"}], "the other one?", slots=slots)
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("HR generalist, salary:")


def test_a_job_of_the_users_own_we_do_not_cover_is_no_question_about_it(dispatcher, make_tracker):
    counselor = {"entity": "role", "value": "guidance counselor", "text": "guidance counselor"}
    tracker = make_tracker("ask_education", [counselor], "im a guidance counselor, what degree do kids need for hr")
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert "guidance counselor" not in message["text"] and "achelor" in message["text"]
    dispatcher.messages.clear()
    own_pay = make_tracker("ask_salary", [], "I'm an HR generalist, how much do I make?")
    _, message = run(ActionAnswerRoleTopic(), dispatcher, own_pay)
    assert message["text"].startswith("HR generalist, salary:")


def test_a_bare_title_word_means_the_role_of_that_title_just_compared(dispatcher, make_tracker):
    slots = {"compared_roles": ["hr_executive", "hr_generalist"], "discussed_roles": ["hr_executive", "hr_generalist"]}
    specialists = {"entity": "role_head", "value": "specialist", "text": "specialists"}
    virginia = {"entity": "place", "value": "5100000", "text": "virginia"}
    tracker = make_tracker("ask_salary", [specialists, virginia], "what do specialists make in virginia", slots=slots)
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("HR generalist, pay in Virginia:")


def test_a_title_word_beside_a_named_role_is_the_second_role(dispatcher, make_tracker):
    manager = {"entity": "role_head", "value": "manager", "text": "manager"}
    slots = {"discussed_roles": ["labor_lawyer", "hr_generalist"], "role": "hr_generalist"}
    text = "which one needs more experience, the generalist or the manager"
    tracker = make_tracker("compare_roles", [manager], text, slots=slots)
    _, message = run(ActionCompareRoles(), dispatcher, tracker)
    assert message["text"].startswith("HR generalist vs HR executive, education:")
    assert "5 years or more" in message["text"] and "Labor lawyer" not in message["text"]


def test_a_second_question_about_education_is_answered_in_a_line_even_without_an_entry_education(kb):
    line = brief_line(kb, "hr_assistant", "education")  # no typical entry education of its own
    assert line and "high school diploma" in line and line.endswith(".")
    assert brief_line(kb, "hr_generalist", "education").startswith("Education: Bachelor's degree")
