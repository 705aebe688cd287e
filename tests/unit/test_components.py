"""The custom NLU components on Rasa's own messages: entities found, one role or all roles."""

import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.alias_entities import AliasEntityExtractor, entity_aliases
from components.question_entities import QuestionEntityExtractor
from components.role_scope import RoleScopeResolver

resolve = RoleScopeResolver.resolve


@pytest.mark.parametrize(
    "intent, roles, found, text, expected",
    [
        ("ask_roles_by_salary", {"labor_lawyer"}, {"amount"}, "do labor lawyers make over 100k", "ask_salary"),
        ("ask_roles_by_salary", set(), {"amount"}, "which jobs pay over 100k", "ask_roles_by_salary"),
        (
            "ask_roles_by_education",
            {"campus_recruiter"},
            set(),
            "does a campus recruiter need a masters",
            "ask_education",
        ),
        ("ask_salary", set(), {"amount"}, "which roles pay under 50k?", "ask_roles_by_salary"),
        ("ask_education", set(), {"degree"}, "which jobs need a master's?", "ask_roles_by_education"),
        ("ask_education", {"hr_generalist"}, {"degree"}, "does an hr generalist need a master's?", "ask_education"),
        ("ask_salary", set(), {"amount"}, "do they make over 100k?", "ask_salary"),  # "they": the role in context
        ("ask_salary", set(), {"topic"}, "how much do the jobs pay?", "ask_salary"),  # no amount
        ("inform_role", {"labor_lawyer", "hr_executive"}, set(), "labour lawyer and HR exec", "compare_roles"),
        (
            "ask_overview",
            {"hr_generalist", "campus_recruiter"},
            set(),
            "HR generalist or campus recruiter?",
            "compare_roles",
        ),
        (
            "inform_role",
            {"hr_generalist", "campus_recruiter"},
            set(),
            "what do generalists and recruiters have in common",
            "inform_role",
        ),
        ("inform_role", {"hr_generalist", "hr_executive"}, {"topic"}, "generalist and exec pay", "inform_role"),
        ("inform_role", {"hr_generalist"}, set(), "no, I meant the generalist", "inform_role"),
        ("greet", set(), set(), "hi", "greet"),
        (None, set(), set(), "", None),
    ],
)
def test_scope_is_decided_by_the_roles_named(intent, roles, found, text, expected):
    assert resolve(intent, roles, found, text) == expected


@pytest.fixture
def training_data():
    return TrainingData(
        entity_synonyms={"HR exec": "hr_executive", "HR executive": "hr_executive", "GED": "high_school_diploma"},
        lookup_tables=[
            {"name": "role", "elements": ["HR exec", "HR executive"]},
            {"name": "education_level", "elements": ["GED"]},
        ],
    )


def test_aliases_come_from_the_lookup_tables_through_the_synonyms(training_data):
    assert entity_aliases(training_data, "role") == {"HR exec": "hr_executive", "HR executive": "hr_executive"}
    assert entity_aliases(training_data, "education_level") == {"GED": "high_school_diploma"}


def entities_of(extractor, text, entities=()):
    message = Message(data={"text": text, "entities": list(entities)})
    extractor.process([message])
    return [
        (entity["entity"], text[entity["start"] : entity["end"]], entity["value"]) for entity in message.get("entities")
    ]


def test_alias_extractor_replaces_the_taggers_overlapping_role(training_data, tmp_path):
    extractor = AliasEntityExtractor(
        {"entities": ["role", "education_level"]},
        None,
        None,
        {
            "role": entity_aliases(training_data, "role"),
            "education_level": entity_aliases(training_data, "education_level"),
        },
    )
    tagged = [
        {"entity": "role", "start": 7, "end": 9, "value": "HR"},
        {"entity": "role", "start": 22, "end": 31, "value": "astronaut"},
    ]
    assert entities_of(extractor, "is an HR exec like an astronaut? I have a GED", tagged) == [
        ("role", "HR exec", "hr_executive"),
        ("role", "astronaut", "astronaut"),
        ("education_level", "GED", "high_school_diploma"),
    ]


def test_question_extractor_finds_topics_amounts_degrees_and_rankings():
    assert entities_of(QuestionEntityExtractor(), "which jobs pay the least without a degree, under 40k?") == [
        ("topic", "pay", "salary"),
        ("ranking", "least", "lowest"),
        ("degree", "without a degree", "High school diploma or equivalent"),
        ("topic", "degree", "education"),
        ("amount", "40k", "below 40000"),
    ]
    assert entities_of(QuestionEntityExtractor(), '/ask_salary{"role":"hr_executive"}') == []
