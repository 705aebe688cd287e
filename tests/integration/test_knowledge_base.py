"""The role knowledge base: schema errors, look-ups, and every fact of the source article."""

import copy
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from careers import dialogue
from careers.answers.comparison import compare_roles
from careers.answers.shared import differences_answer, education_level_answer, programs_answer, similarities_answer
from careers.formatting import PLAIN
from careers.knowledge_base import DEFAULT_PATH, KnowledgeBaseError, load_knowledge_base
from careers.topics import TOPIC_IDS as TOPICS
from careers.topics import render
from harness import action_server_command

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def raw_kb():
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def write_kb(tmp_path: Path, data) -> Path:
    path = tmp_path / "roles.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def role_index(data, role_id):
    return next(i for i, role in enumerate(data["roles"]) if role["id"] == role_id)


# One broken copy of the real file per fault: (how to break it, role and field the error names).
def drop_salary_year(data):
    del data["roles"][role_index(data, "hr_executive")]["salary"]["article"]["year"]


def salary_as_text(data):
    data["roles"][role_index(data, "hr_generalist")]["salary"]["article"]["value"] = "52,152"


def year_as_number(data):
    data["roles"][role_index(data, "hr_generalist")]["growth"]["article"]["period"] = 2014


def unknown_related_role(data):
    data["roles"][role_index(data, "hr_executive")]["related"][0]["role"] = "astronaut"


# The index of an alias appended to the campus recruiter's (duplicate_alias).
APPENDED_ALIAS = next(
    len(role["aliases"])
    for role in yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))["roles"]
    if role["id"] == "campus_recruiter"
)


def duplicate_alias(data):
    data["roles"][role_index(data, "campus_recruiter")]["aliases"].append("HR exec")


def duplicate_role(data):
    data["roles"].append(copy.deepcopy(data["roles"][role_index(data, "labor_lawyer")]))


def unknown_field(data):
    data["roles"][role_index(data, "labor_lawyer")]["salry"] = {}


def empty_duties(data):
    data["roles"][role_index(data, "hr_generalist")]["duties"] = []


def unknown_source(data):
    data["roles"][role_index(data, "labor_lawyer")]["salary"]["newer"]["source"] = "wikipedia"


def no_salary_figure(data):
    data["roles"][role_index(data, "campus_recruiter")]["salary"] = {}


FAULTS = [
    (drop_salary_year, "hr_executive", "salary.article.year", "field required"),
    (salary_as_text, "hr_generalist", "salary.article.value", "not a valid integer"),
    (year_as_number, "hr_generalist", "growth.article.period", "str type expected"),
    (unknown_related_role, "hr_executive", "related[0].role", "unknown related role 'astronaut'"),
    (duplicate_alias, "campus_recruiter", f"aliases[{APPENDED_ALIAS}]", "already belongs to role 'hr_executive'"),
    (duplicate_role, "labor_lawyer", "id", "duplicate role id"),
    (unknown_field, "labor_lawyer", "salry", "extra fields not permitted"),
    (empty_duties, "hr_generalist", "duties", "at least 1"),
    (unknown_source, "labor_lawyer", "salary.newer.source", "unknown source 'wikipedia'"),
    (no_salary_figure, "campus_recruiter", "salary", "needs an 'article' or a 'newer' figure"),
]


@pytest.mark.parametrize("break_it, role, field, problem", FAULTS, ids=[f[0].__name__ for f in FAULTS])
def test_schema_error_names_file_role_and_field(tmp_path, raw_kb, break_it, role, field, problem):
    data = copy.deepcopy(raw_kb)
    break_it(data)
    path = write_kb(tmp_path, data)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: role '{role}': field '{field}': ")
    assert problem in message
    assert "\n" not in message


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "roles.yml"
    path.write_text("roles:\n  - id: hr_executive\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"roles\.yml: YAML syntax error at line \d+"):
        load_knowledge_base(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="missing.yml: cannot read the file"):
        load_knowledge_base(tmp_path / "missing.yml")


def test_bytes_that_are_not_utf8_are_one_line_naming_the_file(tmp_path):
    path = tmp_path / "roles.yml"
    path.write_bytes((PROJECT / "knowledge_base" / "roles.yml").read_bytes() + b"\n# caf\xe9\n")
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base(path)
    assert str(error.value).startswith(f"{path}: not UTF-8 text (byte ") and "\n" not in str(error.value)


def test_action_server_refuses_to_start_on_a_broken_file(tmp_path, raw_kb):
    data = copy.deepcopy(raw_kb)
    salary_as_text(data)
    path = write_kb(tmp_path, data)
    environment = {**os.environ, "HR_CAREERS_KB": str(path)}
    result = subprocess.run(
        action_server_command(0),
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"Knowledge base error: {path}: role 'hr_generalist': field 'salary.article.value'")


def test_the_project_file_is_found_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HR_CAREERS_KB", raising=False)
    assert {"hr_executive", "hr_generalist", "labor_lawyer", "campus_recruiter"} <= set(load_knowledge_base().roles)


@pytest.mark.parametrize(
    "text, role_id",
    [
        ("HR exec", "hr_executive"),
        ("human resources executive", "hr_executive"),
        ("The HR Director", "hr_executive"),
        ("generalist", "hr_generalist"),
        ("HR generalists", "hr_generalist"),
        ("HR genralist", "hr_generalist"),
        ("labour lawyers", "labor_lawyer"),
        ("employment lawyer", "labor_lawyer"),
        ("university recruiter", "campus_recruiter"),
        ("campus_recruiter", "campus_recruiter"),
    ],
)
def test_alias_lookup(kb, text, role_id):
    assert kb.find_role(text) == role_id


@pytest.mark.parametrize("text", ["astronaut", "pilot", "nurse", "software engineer", "", None])
def test_unknown_roles_are_not_guessed(kb, text):
    assert kb.find_role(text) is None


# Every fact of ../shared/reference/source-article.txt, as it must appear in some answer.
ARTICLE_FACTS = [
    # The comparison table and its sources
    "$129,993",
    "$52,152",
    "(2017)",
    "9%",
    "2016-2026",
    "HR managers",
    "5%",
    "2014-2024",
    "HR specialists",
    "U.S. Bureau of Labor Statistics",
    "Bachelor's degree",
    # Both roles, and the key difference
    "communication and interpersonal skills",
    "human resources department",
    "employee-related issues",
    "link between company management and workers",
    "share many of the same goals",
    "make the high-level decisions",
    "carrying them out",
    # Programs
    "Human Resources Development",
    "Labor and Industrial Relations",
    "Labor Studies",
    "Organizational Behavior",
    # HR executive
    "in charge of the department as a whole",
    "recruitment procedures and training programs",
    "trains and supervises",
    "strategic planning",
    "employee benefit programs",
    "payroll budgeting",
    "local, state and federal employment regulations",
    "several years of human resources experience",
    "master's degree",
    "organizational",
    "Leadership",
    "Confidence in decision-making",
    "Public speaking",
    "sexual harassment",
    "employees with disabilities",
    "equal employment opportunities",
    "performance evaluations",
    "hiring and firing",
    "point of contact between employees and company management",
    "resolve disputes",
    "compensation and benefits offerings",
    "competitive within the company's industry",
    # HR generalist
    "wide variety of administrative tasks",
    "recruits candidates for open positions",
    "interviews potential new hires",
    "resume information and references",
    "hiring recommendations",
    "develop training programs",
    "presentations to employees",
    "training sessions",
    "interviewing job candidates",
    "payroll and compensation data",
    "personnel files",
    "performance reviews",
    "background checks",
    "disciplinary reports",
    "Discretion and trustworthiness",
    "orientation sessions",
    "exit interviews",
    "employee handbooks",
    "staff directories",
    "working conditions",
    "opportunities for advancement",
    "HR policies and laws",
    # Related careers
    "Labor lawyer",
    "legal relationship between employers and employees",
    "Campus recruiter",
    "passion for building relationships",
    # "What is your highest level of education?"
    "Some college",
    "Complete your degree",
    "graduate program",
    "High school diploma",
    "bachelor's and associate degrees",
    "Still in high school",
    "diploma or GED",
    "undergraduate education",
]


def all_answers(kb) -> str:
    """Every answer, each in its short form and behind its "More detail" button."""
    texts = [render(kb, role_id, topic, PLAIN, detail) for role_id in kb.roles for topic in TOPICS for detail in (0, 1)]
    texts += [compare_roles(kb, *kb.main_roles, topic) for topic in (None, "salary", "growth", "education")]
    texts += [similarities_answer(kb), differences_answer(kb), programs_answer(kb)]
    texts += [education_level_answer(kb, level.id) for level in kb.shared.education_levels]
    return "\n".join(texts).lower()


@pytest.mark.parametrize("fact", ARTICLE_FACTS)
def test_every_article_fact_is_answered(kb, fact):
    assert fact.lower() in all_answers(kb)


def test_newer_bls_figures_carry_their_year(kb):
    answers = all_answers(kb)
    for figure in [
        "$140,030 for human resources managers",
        "$72,910 for human resources specialists",
        "$145,760 for lawyers",
        "$110,120",
        "$60,350",
    ]:
        assert figure.lower() in answers
    assert "(may 2024)" in answers and "(may 2023)" in answers and "(may 2017)" in answers


def test_generic_term_that_is_an_alias_is_refused(tmp_path, raw_kb):
    data = copy.deepcopy(raw_kb)
    data["shared"]["generic_terms"].append("HR exec")
    path = write_kb(tmp_path, data)
    with pytest.raises(
        KnowledgeBaseError, match=r"field 'shared.generic_terms\[\d+\]': 'HR exec' is an alias of role 'hr_executive'"
    ):
        load_knowledge_base(path)


@pytest.mark.parametrize(
    "role_id, partner",
    [
        ("hr_executive", "hr_generalist"),
        ("hr_generalist", "hr_executive"),
        ("campus_recruiter", "hr_generalist"),
        ("labor_lawyer", "hr_executive"),
    ],
)
def test_counterpart_is_the_other_main_role_or_the_related_one(kb, role_id, partner):
    assert kb.counterpart(role_id) == partner


MAKE_VALIDATE_FAULTS = [
    ("yaml_syntax_error", None, "YAML syntax error at line"),
    ("drop_salary_year", drop_salary_year, "role 'hr_executive': field 'salary.article.year': field required"),
    (
        "salary_as_text",
        salary_as_text,
        "role 'hr_generalist': field 'salary.article.value': value is not a valid integer",
    ),
    ("duplicate_alias", duplicate_alias, f"role 'campus_recruiter': field 'aliases[{APPENDED_ALIAS}]'"),
    ("duplicate_role", duplicate_role, "role 'labor_lawyer': field 'id': duplicate role id"),
    (
        "unknown_related_role",
        unknown_related_role,
        "role 'hr_executive': field 'related[0].role': unknown related role",
    ),
]


@pytest.mark.parametrize("name, break_it, problem", MAKE_VALIDATE_FAULTS, ids=[f[0] for f in MAKE_VALIDATE_FAULTS])
def test_make_validate_refuses_a_broken_knowledge_base_in_one_line(tmp_path, raw_kb, name, break_it, problem):
    if break_it is None:
        path = tmp_path / "roles.yml"
        path.write_text("roles:\n  - id: hr_executive\n    name: [unclosed\n", encoding="utf-8")
    else:
        data = copy.deepcopy(raw_kb)
        break_it(data)
        path = write_kb(tmp_path, data)
    result = subprocess.run(
        ["make", "-s", "validate"],
        cwd=PROJECT,
        env={**os.environ, "HR_CAREERS_KB": str(path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Knowledge base error:")]
    assert len(error_lines) == 1 and f"{path}: " in error_lines[0] and problem in error_lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_title_word_beside_a_named_role_is_the_one_in_its_line_of_work(kb):
    request = dialogue.Request("ask_differences", roles=("training_development_specialist",), role_heads=("manager",))
    decision = dialogue.resolve(kb, dialogue.SHARED_TOPIC, request, dialogue.Context())
    assert decision == dialogue.AnswerPair("training_development_specialist", "training_development_manager", None)


def test_a_name_of_several_areas_after_a_state_is_the_one_in_that_state(kb):
    oregon, portland_or, portland_me = "4100000", "0038900", "0038860"
    request = dialogue.Request("inform_role", places=(f"{portland_or}|{portland_me}",))
    after_oregon = dialogue.Context(role="hr_generalist", topic="salary", place=oregon)
    assert dialogue.resolve(kb, dialogue.ROLE_TOPIC, request, after_oregon) == dialogue.AnswerRole(
        "hr_generalist", "salary", portland_or
    )
    anywhere = dialogue.Context(role="hr_generalist", topic="salary")
    assert isinstance(dialogue.resolve(kb, dialogue.ROLE_TOPIC, request, anywhere), dialogue.AskWhichPlace)


def test_a_growth_comparison_gives_each_role_s_openings(kb):
    text = compare_roles(kb, "hr_executive", "hr_generalist", "growth", PLAIN)
    assert "- HR executive: about 17,400 openings a year; 208,900 jobs in 2023 (2023-2033 projections)." in text


def test_the_number_of_jobs_in_a_projection_s_year_is_the_projection(kb):
    request = dialogue.Request("ask_salary", roles=("hr_executive",), measure="employment", years=(2023,))
    assert dialogue.resolve(kb, dialogue.ROLE_TOPIC, request, dialogue.Context()) == dialogue.AnswerRole(
        "hr_executive", "growth"
    )


def test_every_role_says_how_to_get_there_with_sourced_facts(kb):
    """Issue 16: each role's related work experience, path and certifications, each sourced."""
    for role_id, role in kb.roles.items():
        assert role.education.experience is not None, role_id
        assert role.path is not None and (role.path.training or role.path.licence), role_id
        certifications = kb.role_certifications(role_id)
        assert certifications or role.path.certifications_note, role_id
        for certification in certifications:
            assert kb.source(certification.source).url, (role_id, certification.name)


def test_every_role_has_an_outlook_or_its_ended_projection_and_no_outlook_has_ended(kb):
    """A role whose newest official projection has ended gets no figure as its outlook; one whose
    `newer` period is over fails here, so that the data is brought up to date (or moved to `ended`)."""
    this_year = date.today().year
    for role_id, role in kb.roles.items():
        growth = role.growth
        assert growth is not None and (growth.newer or growth.ended), role_id
        if growth.newer:
            assert int(growth.newer.period.split("-")[-1]) > this_year, (role_id, growth.newer.period)
        if growth.ended:
            assert int(growth.ended.period.split("-")[-1]) <= this_year, (role_id, growth.ended.period)
