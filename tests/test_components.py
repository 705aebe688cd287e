"""The custom NLU components: the roles a message names, and one role or all roles."""
import pytest

from components.role_matching import RoleMatcher, phrase_of
from components.role_scope import RoleScopeResolver

resolve = RoleScopeResolver.resolve


@pytest.mark.parametrize(
    "intent, roles, text, expected",
    [
        ("ask_roles_by_salary", {"labor_lawyer"}, "do labor lawyers make over 100k", "ask_salary"),
        ("ask_roles_by_salary", set(), "which jobs pay over 100k", "ask_roles_by_salary"),
        ("ask_roles_by_education", {"campus_recruiter"}, "does a campus recruiter need a masters", "ask_education"),
        ("ask_salary", set(), "which roles pay under 50k?", "ask_roles_by_salary"),
        ("ask_salary", set(), "do they make over 100k?", "ask_salary"),  # "they": the role in context
        ("ask_salary", set(), "how much do the jobs pay?", "ask_salary"),  # no amount
        ("inform_role", {"labor_lawyer", "hr_executive"}, "labour lawyer and HR exec", "compare_roles"),
        ("ask_overview", {"hr_generalist", "campus_recruiter"}, "HR generalist or campus recruiter?", "compare_roles"),
        ("inform_role", {"hr_generalist", "campus_recruiter"}, "what do generalists and recruiters have in common",
         "inform_role"),
        ("inform_role", {"hr_generalist"}, "no, I meant the generalist", "inform_role"),
        ("greet", set(), "hi", "greet"),
        (None, set(), "", None),
    ],
)
def test_scope_is_decided_by_the_roles_named(intent, roles, text, expected):
    assert resolve(intent, roles, text) == expected


# RoleMentionExtractor's matching, on a few aliases as the training data's synonyms give them.
ALIASES = {phrase_of(alias): role for alias, role in {
    "HR generalist": "hr_generalist", "HR exec": "hr_executive", "HR executive": "hr_executive",
    "executive": "hr_executive", "campus recruiter": "campus_recruiter", "labor lawyer": "labor_lawyer",
    "labour lawyer": "labor_lawyer", "lawyer": "labor_lawyer", "C&B manager": "compensation_benefits_manager",
    "T&D manager": "training_development_manager",
}.items()}


def mentioned(text):
    return [(text[start:end], role) for start, end, role in RoleMatcher(ALIASES).mentions(text)]


@pytest.mark.parametrize("text, expected", [
    ("how much does an HR generalist make?", [("HR generalist", "hr_generalist")]),
    ("HR executives vs labour lawyers", [("HR executives", "hr_executive"), ("labour lawyers", "labor_lawyer")]),
    ("what do HR genralists earn", [("HR genralists", "hr_generalist")]),
    ("campus recuiter skills", [("campus recuiter", "campus_recruiter")]),
    ("pay of C&B managers", [("C&B managers", "compensation_benefits_manager")]),
    ("HR-Executive duties", [("HR-Executive", "hr_executive")]),
])
def test_known_roles_are_found_by_alias_plural_or_typo(text, expected):
    assert mentioned(text) == expected


@pytest.mark.parametrize("text", ["IT manager salary", "a layer of pay", "astronaut", "someone in HR", ""])
def test_other_jobs_and_words_are_not_roles(text):
    assert mentioned(text) == []


def test_the_longest_alias_wins():
    assert mentioned("the HR executive") == [("HR executive", "hr_executive")]
