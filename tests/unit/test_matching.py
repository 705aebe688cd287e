"""careers.matching and careers.topics: what the words of a message name (pure)."""

import pytest

from careers import matching, not_covered, topics
from careers.entities import question_entities, replace_overlapping
from careers.matching import AliasMatcher, PayLimit, phrase_of, title_phrase

# Aliases as the training data's synonyms give them.
ALIASES = {
    "HR generalist": "hr_generalist",
    "HR exec": "hr_executive",
    "HR executive": "hr_executive",
    "executive": "hr_executive",
    "campus recruiter": "campus_recruiter",
    "labor lawyer": "labor_lawyer",
    "labour lawyer": "labor_lawyer",
    "lawyer": "labor_lawyer",
    "C&B manager": "compensation_benefits_manager",
    "T&D manager": "training_development_manager",
    "human resources director": "hr_executive",
}


def mentioned(text):
    return [(text[start:end], role) for start, end, role in AliasMatcher(ALIASES).mentions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how much does an HR generalist make?", [("HR generalist", "hr_generalist")]),
        ("HR executives vs labour lawyers", [("HR executives", "hr_executive"), ("labour lawyers", "labor_lawyer")]),
        ("what do HR genralists earn", [("HR genralists", "hr_generalist")]),
        ("campus recuiter skills", [("campus recuiter", "campus_recruiter")]),
        ("pay of C&B managers", [("C&B managers", "compensation_benefits_manager")]),
        ("HR-Executive duties", [("HR-Executive", "hr_executive")]),
        ("salary of a human resources director", [("human resources director", "hr_executive")]),
    ],
)
def test_known_roles_are_found_by_alias_plural_or_typo(text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize("text", ["IT manager salary", "a layer of pay", "astronaut", "someone in HR", ""])
def test_other_jobs_and_words_are_not_roles(text):
    assert mentioned(text) == []


def test_the_longest_alias_wins():
    assert mentioned("the HR executive") == [("HR executive", "hr_executive")]


def test_phrases():
    assert phrase_of("HR-Exec!") == "hr exec"
    assert title_phrase("The HR-Exec!") == "hr exec"


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
        ("and their related careers?", "related"),
        ("make more money with a degree?", "salary"),  # two topics: the registry's order decides
        ("compare them", None),
        ("", None),
    ],
)
def test_the_topic_a_question_names(text, topic):
    assert topics.main_topic(topics.topic_mentions(text)) == topic


def test_topic_entities_cover_whole_words():
    text = "what are the salaries and the responsibilities?"
    assert [(text[start:end], value) for start, end, value in topics.topic_mentions(text)] == [
        ("salaries", "salary"),
        ("responsibilities", "duties"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which HR jobs pay over $100k?", PayLimit(True, 100_000)),
        ("any roles under 70 grand?", PayLimit(False, 70_000)),
        ("jobs paying more than 120,000 a year", PayLimit(True, 120_000)),
        ("less than $80,000", PayLimit(False, 80_000)),
        ("which pay six figures", PayLimit(True, 100_000)),
        ("over 90", PayLimit(True, 90_000)),
        ("what pays under $75.5k", PayLimit(False, 75_500)),
        ("jobs over 1,000,000", PayLimit(True, 1_000_000)),
        ("which roles pay well?", None),
        ("the top 5 jobs", None),
        ("grew 8% over 10 years", None),
    ],
)
def test_pay_limits(text, expected):
    limits = [PayLimit.parse(value) for _, _, value in matching.pay_limits(text)]
    assert (limits[0] if limits else None) == expected


def test_a_pay_limit_survives_its_entity_value():
    assert PayLimit.parse(PayLimit(False, 70_000).text()) == PayLimit(False, 70_000)
    assert PayLimit.parse("a lot") is None and PayLimit.parse(None) is None


DEGREE_ORDER = [label for label, _ in matching.DEGREE_PATTERNS]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which roles need only a bachelor's degree?", "Bachelor's degree"),
        ("which jobs need a law degree", "Doctoral or professional degree"),
        ("what can I do with an MBA", "Master's degree"),
        ("what jobs can I get without a degree", "High school diploma or equivalent"),
        ("jobs for an associate degree", "Associate's degree"),
        ("which roles are easiest to get into", None),
    ],
)
def test_degrees(text, expected):
    assert matching.first_label(matching.degrees(text), DEGREE_ORDER) == expected


def test_rankings():
    assert [label for _, _, label in matching.rankings("which pays the least?")] == ["lowest"]
    assert [label for _, _, label in matching.rankings("slowest growing job")] == ["lowest"]
    assert [label for _, _, label in matching.rankings("which grows fastest?")] == ["highest"]


def test_question_entities_name_each_entity_once_per_span():
    found = {(entity, value) for entity, (_, _, value) in question_entities("which jobs pay the least under $50k?")}
    assert found == {("topic", "salary"), ("ranking", "lowest"), ("amount", "below 50000")}


def test_an_alias_replaces_what_a_tagger_found_at_the_same_place():
    tagged = [
        {"entity": "role", "start": 24, "end": 32, "value": "director"},
        {"entity": "topic", "start": 0, "end": 3},
    ]
    merged = replace_overlapping(tagged, "role", [(7, 32, "hr_executive")])
    assert [(entity["entity"], entity.get("value")) for entity in merged] == [("topic", None), ("role", "hr_executive")]


def roles_and_titles(text):
    known, titles = not_covered.roles_and_titles(AliasMatcher(ALIASES), text)
    return [role for _, _, role in known], [title for _, _, title in titles]


@pytest.mark.parametrize(
    "text, known, titles",
    [
        ("how about chief of staff salary", [], ["chief of staff"]),
        ("do marketing managers make more", [], ["marketing managers"]),
        ("how much does a marketing executive make", [], ["marketing executive"]),  # not the HR executive
        ("immigration lawyer salary", [], ["immigration lawyer"]),
        ("compare the HR generalist and a software engineer", ["hr_generalist"], ["software engineer"]),
        ("what does an HR exec make", ["hr_executive"], []),
        ("the executive?", ["hr_executive"], []),  # a small word before a one-word alias
        ("how do i become a manager", [], []),  # a bare title word is left to the NLU
        ("im a nurse wanting to be an HR generalist", ["hr_generalist"], []),
        ("will AI replace lawyers", ["labor_lawyer"], []),  # a verb is no qualifier
        ("will AI replace payroll jobs", [], []),
        ("executive assistant salary", [], ["executive assistant"]),  # a title word after an alias
        ("how much does an executive recruiter make", [], ["executive recruiter"]),  # found once
        ("compare the HR generalist, executive", ["hr_generalist", "hr_executive"], []),  # a list
        ("how much does a ceo make", [], ["ceo"]),
        ("was the 2017 generalist salary right", [], []),  # a year is no qualifier
        ("is there such a thing as an hr ombudsman, what does it pay", [], ["hr ombudsman"]),  # not HR in general
        ("hr investigator salary", [], ["hr investigator"]),
    ],
)
def test_titles_the_aliases_do_not_cover_are_found_as_typed(text, known, titles):
    assert roles_and_titles(text) == (known, titles)


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("is HR stressful", ["stress"]),
        ("whats the unemployment rate for hr", ["unemployment"]),
        ("are there scholarships for hr majors", ["school_cost"]),
        ("do i need to be good at math", ["school_subjects"]),
        ("how hard is the shrm exam", ["difficulty"]),
        ("is the shrm exam hard", ["difficulty"]),
        ("I'm a veteran in Virginia, what do HR managers make", []),  # who asks, not a question of credit
        ("how much will hr managers make in 10 years", ["future_pay"]),
        ("how much bonus do hr managers get", ["pay_extras"]),
        ("compensation and benefits manager salary", []),  # the role's name, no benefits question
        ("how hard is it to get an hr job", ["hiring_difficulty"]),
        ("how do i break into hr", []),  # how to get into HR: answered
        ("is hr good for introverts", ["personality"]),
        ("will there be hr generalist jobs in 10 years", []),  # the projections answer that
        ("why is it so much more there than other places", ["pay_reasons"]),
        ("can i do it from home", ["remote_work"]),
        ("does my military time count as hr experience", ["experience_credit", "experience_credit"]),
        ("can hr generalists work from home", ["remote_work"]),
        ("will AI replace hr jobs", ["automation", "automation"]),
        ("how much does google pay hr people", ["company_pay"]),
        ("does my company pay hr well", ["company_pay"]),
        ("what is a good target salary", []),  # "target" is no company here
        ("hr manager salary 2019", ["other_year"]),
        ("do you have 2019 numbers", ["other_year"]),
        ("growth from 2023 to 2033", []),  # a projection period
        ("what did they make in 2017", []),  # the article's year
        ("visa sponsorship for hr jobs", ["visas", "visas"]),
        ("jobs over $2020", []),  # a sum, not a year
        ("how much do hr managers make in healthcare", ["industry_pay"]),
        ("what does an hr manager do in the tech industry", []),  # not about pay: the duties
        ("hr manager pay with an mba", ["degree_pay"]),
        ("what will i make after 5 years as a generalist", ["experience_pay"]),
        ("do hr managers need 5 years of experience", []),
        ("do women in hr earn less", ["pay_gap"]),
        ("can i do hr part time", ["part_time"]),
        ("take home pay after taxes for an hr manager", ["after_tax", "after_tax"]),  # pay by itself
        ("are hr managers happy", ["job_feelings"]),
        ("which is easier, hr manager or generalist", ["difficulty"]),
        ("is it easy to get an hr job", ["hiring_difficulty"]),
        ("am i too old to become an hr manager", ["age"]),
        ("what percent of hr managers are women", ["demographics"]),
        ("what software do hr managers use", ["tools"]),
        ("do hr managers get fired a lot", ["job_security"]),
        ("how long is law school", ["law_school"]),
        ("best colleges for hr", ["school_rankings"]),
        ("best major for hr", []),  # what to study: the article's programs
        ("how much does his hospital pay", ["company_pay"]),
        ("how many job openings for lawyers per year", []),  # the projections' openings a year
        ("where can i find job openings", ["job_listings"]),
    ],
)
def test_subjects_no_source_covers(text, subjects):
    assert [label for _, _, label in not_covered.beyond_knowledge(text)] == subjects


@pytest.mark.parametrize(
    "text, measure",
    [
        ("how many hr generalist jobs are there in texas", "employment"),
        ("how many lawyers work there", "employment"),
        ("which metro area has the most lawyers", "employment"),
        ("which city has the biggest number of lawyers", "employment"),
        ("where do most t&d specialists work", "employment"),
        ("top 10 percent there?", "top"),
        ("whats the most an hr manager makes", "top"),
        ("what do new hr assistants make", "starting"),
        ("what's the lowest hr generalists get paid in louisiana", "starting"),
    ],
)
def test_measures_in_longer_questions(text, measure):
    assert matching.first_label(matching.measures(text), [measure]) == measure


def test_payroll_is_no_word_for_pay():
    assert topics.main_topic(topics.topic_mentions("growth outlook for payroll clerks")) == "growth"
    assert topics.main_topic(topics.topic_mentions("whats the range")) == "salary"


def test_a_short_word_s_final_s_is_no_plural():
    matcher = AliasMatcher({"WA": "washington", "GA": "georgia", "lawyer": "labor_lawyer"})
    assert matcher.mentions("what was the median, gas included") == []  # not "WA", not "GA"
    assert [value for _, _, value in matcher.mentions("lawyers")] == ["labor_lawyer"]


@pytest.mark.parametrize(
    "text", ["what do most hr managers make", "what do hr managers in new york make", "employment lawyer pay"]
)
def test_words_that_name_no_end_of_the_range(text):
    assert matching.measures(text) == []


@pytest.mark.parametrize(
    "text, topic",
    [
        ("what do hr managers make", "salary"),
        ("do they make good money", "salary"),
        ("is it a job that makes a difference", None),
        ("how do hr generalists make decisions", None),
        ("what does it take to make it as a labor lawyer", None),
        ("what makes a good hr manager", None),
        ("how long does that take", "path"),  # after "do I need a master's?": no goodbye
        ("best hr certification, shrm or hrci", "certifications"),
        ("how do i become an hr manager", "path"),
        ("what degree do i need to become an hr manager", "education"),
        ("how much?", "salary"),
        ("how much do you think it costs", None),
    ],
)
def test_the_topic_words_name(text, topic):
    assert topics.main_topic(topics.topic_mentions(text)) == topic


def test_short_forms_of_title_words_are_read_as_the_words():
    matcher = AliasMatcher({"HR manager": "hr_executive", "HR assistant": "hr_assistant"})
    assert [value for _, _, value in matcher.mentions("hr mgr hourly pay, hr asst too")] == [
        "hr_executive",
        "hr_assistant",
    ]


@pytest.mark.parametrize(
    "text, title",
    [
        ("what does a diversity and inclusion manager do", "diversity and inclusion manager"),
        ("research and development manager salary", "research and development manager"),
    ],
)
def test_a_title_with_and_is_named_back_whole(text, title):
    assert [found for _, _, found in not_covered.title_mentions(text)] == [title]


def test_two_titles_joined_by_and_stay_two():
    assert not_covered.title_mentions("marketing managers and generalists") == [(0, 18, "marketing managers")]


@pytest.mark.parametrize(
    "text",
    [
        "what did BLS itself say for that year",
        "and for the same year?",
        "what did the 2017 article say",
        "the article's figure",
    ],
)
def test_words_for_the_article_s_year(text):
    assert "article" in [value for _, _, value in matching.references(text)]


def test_a_year_named_is_no_reference_to_the_article():
    assert "article" not in [value for _, _, value in matching.references("what did they make in 2023")]


@pytest.mark.parametrize(
    "text",
    [
        "same for my job",
        "how much do they make compared to me",
        "do they earn more than me",
        "what do people like me make",
    ],
)
def test_words_for_the_user_s_own_role(text):
    assert "own_role" in [value for _, _, value in matching.references(text)]


@pytest.mark.parametrize("text", ["is my degree enough", "what should i do for my career", "tell me more"])
def test_words_that_name_no_role_of_the_user(text):
    assert "own_role" not in [value for _, _, value in matching.references(text)]


@pytest.mark.parametrize(
    "text, count",
    [
        ("top 10 states for hr manager pay", "10"),
        ("which 3 cities pay labor lawyers the most", "3"),
        ("the five best paying states", "5"),
        ("top 100 cities", "100"),
        ("which state pays most", None),
        ("what do the top 10% make", None),  # a percentile, not a number of places
        ("i have 3 kids, which states pay best", None),
    ],
)
def test_how_many_places_a_ranking_lists(text, count):
    assert [value for _, _, value in matching.ranking_counts(text)][:1] == ([count] if count else [])


@pytest.mark.parametrize(
    "text, rank",
    [
        ("and the second one?", "2"),
        ("and lawyers in the first one?", "1"),
        ("what about the 3rd state", "3"),
        ("and the last one", "-1"),
        ("the first year on the job", None),  # no place of a list
        ("and the top one?", "1"),
        ("and the top?", None),  # the top of the pay range
    ],
)
def test_a_place_of_a_ranking_by_its_rank(text, rank):
    assert [value for _, _, value in matching.ordinals(text)] == ([rank] if rank else [])


@pytest.mark.parametrize(
    "text, follow_up",
    [
        ("what about a labor relations specialist, thats kind of in between right?", True),
        ("ok and what about generalists", True),
        ("and campus recruiters?", True),
        ("tell me about campus recruiters", False),
        ("what is a campus recruiter and what about their pay", False),
    ],
)
def test_a_message_that_opens_as_a_follow_up(text, follow_up):
    assert ("follow_up" in [value for _, _, value in matching.references(text)]) == follow_up


def test_which_of_them_means_the_roles_just_listed():
    assert "those" in [value for _, _, value in matching.references("which of them pays best")]
