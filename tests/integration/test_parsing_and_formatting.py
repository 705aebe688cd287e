"""Reading the roles of a message from its entities (production aliases); formatting figures."""

from actions.tracker import request_from
from careers.formatting import MARKDOWN, PLAIN, aligned_table, markdown_table, markup_for_channel, money, percent, ratio
from careers.scope import quoted_title
from tests.conftest import role_entity


def role_mentions(kb, make_tracker, entities, text=""):
    """The request's roles, from entities as the NLU gives them for `text`."""
    return request_from(make_tracker("ask_salary", entities, text), kb)


def test_role_mentions_resolves_aliases_typos_and_keeps_unknown_titles(kb, make_tracker):
    entities = [
        role_entity("hr_executive", "HR exec"),
        role_entity("HR genralist"),
        role_entity("executive"),  # the same role again: listed once
        role_entity("astronaut"),
        {"entity": "education_level", "value": "some_college"},
        {"entity": "role", "value": None},
        {"entity": "role", "value": 7},
    ]
    mentions = role_mentions(kb, make_tracker, entities)
    assert list(mentions.roles) == ["hr_executive", "hr_generalist"]
    assert list(mentions.unknown_titles) == ["astronaut"]


def test_generic_hr_words_name_no_role(kb, make_tracker):
    mentions = role_mentions(kb, make_tracker, [role_entity("HR"), role_entity("someone in HR")])
    assert list(mentions.roles) == [] and list(mentions.unknown_titles) == []


def test_unknown_title_is_cut_to_a_sane_length(kb, make_tracker):
    assert len(role_mentions(kb, make_tracker, [role_entity("x" * 5000)]).unknown_titles[0]) == 60


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
    assert (
        markup_for_channel("rest") is PLAIN
        and markup_for_channel("cmdline") is PLAIN
        and markup_for_channel(None) is PLAIN
    )
    assert MARKDOWN.heading("HR executive") == "**HR executive**" and PLAIN.heading("HR executive") == "HR executive"
    assert MARKDOWN.link("BLS", "https://www.bls.gov/") == "[BLS](https://www.bls.gov/)"
    assert MARKDOWN.link("the article", None) == "the article" and PLAIN.link("BLS", "https://www.bls.gov/") == "BLS"


def test_a_title_quoted_back_carries_no_markup():
    assert quoted_title("astronaut") == '"astronaut"'
    assert quoted_title("[click](javascript:alert(1))") == '"click javascript alert 1"'
    assert quoted_title("<img src=x onerror=alert(1)>") == '"img src x onerror alert 1"'
    assert quoted_title("x" * 100) == '"' + "x" * 40 + '"'
    assert quoted_title("**") == "that role"


def test_titles_the_nlu_cut_short_or_missed_are_read_from_the_text(kb, make_tracker):
    mentions = role_mentions(
        kb, make_tracker, [role_entity("director")], "what's the salary of a human resources director"
    )
    assert list(mentions.roles) == ["hr_executive"] and list(mentions.unknown_titles) == []
    mentions = role_mentions(
        kb, make_tracker, [role_entity("hr_generalist", "generalist")], "the exec or the generalist?"
    )
    assert list(mentions.roles) == ["hr_executive", "hr_generalist"]  # in the order of the text


def test_unknown_titles_beside_known_ones_stay_unknown(kb, make_tracker):
    mentions = role_mentions(kb, make_tracker, [role_entity("astronaut")], "compare an astronaut and an HR executive")
    assert list(mentions.roles) == ["hr_executive"] and list(mentions.unknown_titles) == ["astronaut"]


def test_button_payloads_are_not_read_as_text(kb, make_tracker):
    mentions = role_mentions(kb, make_tracker, [role_entity("hr_executive")], '/ask_salary{"role":"hr_executive"}')
    assert list(mentions.roles) == ["hr_executive"]


def test_a_job_we_do_not_cover_that_describes_the_user_is_dropped(kb, make_tracker):
    for text in (
        "im a teacher thinking of switching, what does an hr generalist make",
        "retired teacher here, what does an hr generalist make",
    ):
        mentions = role_mentions(kb, make_tracker, [role_entity("teacher")], text)
        assert list(mentions.roles) == ["hr_generalist"] and list(mentions.unknown_titles) == []
    asked = role_mentions(kb, make_tracker, [role_entity("teacher")], "what does a teacher make")
    assert list(asked.unknown_titles) == ["teacher"]  # asked about, not self-described: named back
    such_a_thing = "is there such a thing as an hr ombudsman, what does it pay"
    such = role_mentions(kb, make_tracker, [role_entity("hr ombudsman")], such_a_thing)
    assert list(such.unknown_titles) == ["hr ombudsman"]  # "such a thing as" describes no one: named back


def test_the_users_own_role_is_read_from_how_they_describe_themselves(kb, make_tracker):
    def own(text):
        return request_from(make_tracker("ask_salary", [], text), kb)

    told = own("i work as an hr generalist in georgia. what do hr managers make here?")
    assert told.from_role == "hr_generalist" and told.roles == ("hr_executive",)
    assert own("same for my job").own_role and own("how much do they make compared to me").compare


def test_a_role_set_aside_is_not_the_one_asked_about(kb, make_tracker):
    text = "im thinking about labor relations specialist instead of law school, what is it"
    assert list(role_mentions(kb, make_tracker, [], text).roles) == ["labor_relations_specialist"]


def test_a_topic_asked_apart_from_a_subject_no_source_covers(kb, make_tracker):
    def apart(text):
        return request_from(make_tracker("ask_salary", [], text), kb).asked_apart

    assert apart("would payroll clerk be an easy switch? whats the pay")
    assert apart("my mom says hr is boring but does it at least pay good")
    assert not apart("is it hard to get paid well in hr")


def test_a_correction_sets_the_place_and_the_role_after_not_aside(kb, make_tracker):
    texas, ohio = "4800000", "3900000"
    places = [{"entity": "place", "value": ohio, "text": "ohio"}, {"entity": "place", "value": texas, "text": "texas"}]
    request = request_from(make_tracker("inform_role", places, "sorry, ohio not texas"), kb)
    assert request.places == (ohio,)
    corrected = role_mentions(kb, make_tracker, [], "i meant labor relations specialists not lawyers")
    assert list(corrected.roles) == ["labor_relations_specialist"]
    weighed = role_mentions(kb, make_tracker, [], "weighing law school against HR. What's the HR manager median?")
    assert list(weighed.roles) == ["hr_executive"]


def test_a_topic_word_inside_a_role_is_no_topic_but_one_around_it_is(kb, make_tracker):
    def named(text):
        return request_from(make_tracker("ask_salary", [], text), kb).topics

    assert "education" not in named("labor relations specialist instead of law school, what pays more")
    assert "duties" in named("what does an hr generalist do and how much do they make")


def test_a_button_s_topic_stays_though_rasa_gives_its_entities_one_span(kb, make_tracker):
    payload = '/compare_roles{"role":["hr_generalist","hr_executive"],"topic":"growth"}'
    span = {"start": 14, "end": len(payload)}  # what Rasa's payload parser sets on each entity
    entities = [{"entity": "role", "value": "hr_generalist", **span}, {"entity": "topic", "value": "growth", **span}]
    assert request_from(make_tracker("compare_roles", entities, payload), kb).topics == ("growth",)


def test_the_role_a_user_moves_from_is_theirs_or_follows_from(kb, make_tracker):
    def asked(text):
        request = request_from(make_tracker("ask_education", [], text), kb)
        return request.roles, request.from_role, request.topics

    roles, start, named = asked("im an hr generalist, how do i become an hr director")
    assert (roles, start) == (("hr_executive",), "hr_generalist") and "path" in named
    roles, start, named = asked("how do I go from recruiter to training and development specialist")
    assert start == "campus_recruiter" and roles[-1] == "training_development_specialist" and "path" in named
    assert asked("how do i become an hr director")[1] is None
    assert asked("what do hr managers make, not lawyers")[1] is None  # set aside is no starting point


def test_where_the_user_lives_or_works_is_read_from_how_they_say_it(kb, make_tracker):
    tampa, michigan, seattle, texas = "0045300", "2600000", "0042660", "4800000"

    def home(text, code, typed):
        place = {"entity": "place", "value": code, "text": typed}
        return request_from(make_tracker("ask_salary", [place], text), kb).users_place

    assert home("im an hr specialist in tampa fl, how does pay for my job here compare", tampa, "tampa fl") == tampa
    assert home("we live in Michigan, what's the starting pay there?", michigan, "Michigan") == michigan
    assert home("HR business partner in Seattle here. my pay?", seattle, "Seattle") == seattle
    assert home("what about where my sister lives, seattle", seattle, "seattle") is None  # not theirs
    assert home("how much do hr managers make in texas", texas, "texas") is None


def test_the_top_one_of_a_ranking_is_no_question_of_top_pay(kb, make_tracker):
    top_one = request_from(make_tracker("ask_salary", [], "and the pay in the top one?"), kb)
    assert top_one.ordinal == 1 and top_one.measure is None
    top_pay = request_from(make_tracker("ask_salary", [], "and the top 10% there?"), kb)
    assert top_pay.measure == "top" and top_pay.ordinal is None
