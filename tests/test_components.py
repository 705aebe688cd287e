"""The custom NLU component: one role or all roles, decided by the known roles named."""
import pytest

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
