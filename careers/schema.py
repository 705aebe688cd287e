"""Schema of the role knowledge base (knowledge_base/roles.yml).

Strict types on purpose: a figure written as text ("129,993") or a year written
as a number must fail at start-up, not render oddly in an answer later.
"""

from typing import Dict, List, Optional, Union

from pydantic import BaseModel, StrictInt, conlist, constr, root_validator
from typing_extensions import Literal

RoleId = constr(strict=True, regex=r"^[a-z][a-z0-9_]*$")
NonEmptyText = constr(strict=True, strip_whitespace=True, min_length=1)


class StrictModel(BaseModel):
    class Config:
        extra = "forbid"
        allow_mutation = False


class Source(StrictModel):
    name: NonEmptyText
    title: Optional[NonEmptyText] = None
    credit: Optional[NonEmptyText] = None
    url: Optional[NonEmptyText] = None


class SalaryFigure(StrictModel):
    """A median annual salary in US dollars, for one year and occupation group."""

    value: StrictInt
    year: NonEmptyText
    occupation: NonEmptyText
    source: RoleId


class GrowthFigure(StrictModel):
    """Projected employment growth over a period, in percent."""

    percent: Union[StrictInt, float]
    period: NonEmptyText
    occupation: NonEmptyText
    source: RoleId
    note: Optional[NonEmptyText] = None


class FigureGroup(StrictModel):
    """The figures of one kind for a role: the article's, newer ones, or both; never none."""

    @root_validator(skip_on_failure=True)
    def has_a_figure(cls, values):
        if not (values.get("article") or values.get("newer")):
            raise ValueError("needs an 'article' or a 'newer' figure")
        return values


class Salary(FigureGroup):
    article: Optional[SalaryFigure] = None
    bls_same_year: Optional[SalaryFigure] = None
    newer: Optional[SalaryFigure] = None


class Growth(StrictModel):
    article: Optional[GrowthFigure] = None
    newer: Optional[GrowthFigure] = None  # the newest projection whose period has not ended
    # The newest official projection found when its period has ended (a 2014-2024 one): history,
    # never presented as the outlook.
    ended: Optional[GrowthFigure] = None

    @root_validator(skip_on_failure=True)
    def has_a_figure(cls, values):
        if not (values.get("article") or values.get("newer") or values.get("ended")):
            raise ValueError("needs an 'article', a 'newer' or an 'ended' figure")
        return values

    @property
    def outlook(self) -> Optional[GrowthFigure]:
        """The projection an answer leads with: the newest, else the article's; None when only an
        ended one is known."""
        return self.newer or self.article


# BLS's categories of typical entry-level education, from least to most. A role's
# education.minimum is one of them, so roles can be filtered and ordered by it.
ENTRY_EDUCATION_LEVELS = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Postsecondary nondegree award",
    "Some college, no degree",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
EntryEducation = Literal[ENTRY_EDUCATION_LEVELS]  # type: ignore[valid-type]


class SourcedFact(StrictModel):
    """A fact in words, with the year (or edition) and the source it comes from."""

    summary: NonEmptyText
    year: NonEmptyText
    source: RoleId


# BLS's categories of work experience in a related occupation, the OOH's own field.
EXPERIENCE_LEVELS = ("none", "less than 5 years", "5 years or more")


class Experience(SourcedFact):
    level: Literal[EXPERIENCE_LEVELS]  # type: ignore[valid-type]


class Education(StrictModel):
    # None where the official sources state no typical entry education for the occupation.
    minimum: Optional[EntryEducation] = None
    details: conlist(NonEmptyText, min_items=1)
    newer: Optional[SourcedFact] = None
    experience: Optional[Experience] = None


class Certification(StrictModel):
    """A certification or licence, as the body that grants it describes it (in our words)."""

    name: NonEmptyText  # "SHRM-CP"
    full_name: NonEmptyText  # "SHRM Certified Professional"
    granted_by: NonEmptyText
    brief: NonEmptyText  # what it takes, in a few words (the default reply)
    requirements: NonEmptyText  # what it takes, at a high level ("More detail")
    source: RoleId


class CareerPath(StrictModel):
    """How people get into a role, beyond its entry education (knowledge_base/README: issue 16)."""

    training: Optional[SourcedFact] = None  # typical on-the-job training
    advanced_degree: Optional[SourcedFact] = None  # what the sources say of a master's or MBA
    licence: Optional[SourcedFact] = None  # a licence the role needs (lawyers: the bar)
    # Certifications for the role, the one to take first first (ids of the file's certifications);
    # `certifications_note` says how they relate to the role when the sources name none of its own.
    certifications: List[RoleId] = []
    certifications_note: Optional[NonEmptyText] = None


class RelatedCareer(StrictModel):
    role: RoleId
    reason: NonEmptyText


SocCode = constr(strict=True, regex=r"^\d{2}-\d{4}$")


class Occupation(StrictModel):
    """The BLS occupation (SOC) whose wage estimates (OEWS) a role answers with."""

    soc: SocCode
    # How answers name it when it is wider than the role ("HR specialists, which include campus recruiters").
    note: Optional[NonEmptyText] = None


class Role(StrictModel):
    id: RoleId
    name: NonEmptyText
    occupation: Optional[Occupation] = None
    aliases: conlist(NonEmptyText, min_items=1)
    summary: NonEmptyText
    duties: conlist(NonEmptyText, min_items=1)
    education: Education
    skills: List[NonEmptyText] = []  # empty where the sources name no qualities
    salary: Optional[Salary] = None  # figures beside the wage data (the article's, the OOH's)
    growth: Optional[Growth] = None  # some occupations have no projection in our sources
    path: Optional[CareerPath] = None
    related: List[RelatedCareer] = []


class EducationLevel(StrictModel):
    id: RoleId
    label: NonEmptyText
    advice: NonEmptyText
    phrases: List[NonEmptyText] = []


class SharedFacts(StrictModel):
    main_roles: conlist(RoleId, min_items=2, max_items=2)
    generic_terms: List[NonEmptyText] = []
    about_hr: NonEmptyText  # what HR is, for "what is HR anyway?"
    similarities: conlist(NonEmptyText, min_items=1)
    key_difference: NonEmptyText
    differences: conlist(NonEmptyText, min_items=1)
    programs: conlist(NonEmptyText, min_items=1)
    education_levels: conlist(EducationLevel, min_items=1)
    # How long each entry education usually takes, for "how long does it take?" (said as such).
    study_time: Dict[EntryEducation, NonEmptyText] = {}


class KnowledgeBaseFile(StrictModel):
    # Files beside this one (paths relative to it): the OEWS wage estimates and the names of places.
    wage_data: NonEmptyText
    place_names: NonEmptyText
    sources: Dict[RoleId, Source]
    certifications: Dict[RoleId, Certification] = {}
    roles: conlist(Role, min_items=1)
    shared: SharedFacts
