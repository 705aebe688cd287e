"""What one message asks (Request) and what the dialogue resolver decides (the decisions):
plain frozen records, the resolver's input and output (careers/dialogue.py)."""

from dataclasses import dataclass
from typing import Optional, Tuple, Union

from careers import topics
from careers.matching import PayLimit

RANKINGS = ("pay", "employment", "concentration")  # what a ranking of places orders by


@dataclass(frozen=True)
class Request:
    """What one message asks: the intent and the entities, as role ids and topic ids."""

    intent: Optional[str]
    roles: Tuple[str, ...] = ()  # known roles named, in order
    unknown_titles: Tuple[str, ...] = ()  # job titles named that the knowledge base does not cover
    topics: Tuple[str, ...] = ()  # topics named in words (or by a button)
    pay_limit: Optional[PayLimit] = None
    degree: Optional[str] = None  # a BLS entry-education category
    lowest: bool = False  # "which pays the least?"
    highest: bool = False  # "which pays best?"
    count: Optional[int] = None  # how many places a ranking lists ("the top 10 states")
    education_level: Optional[str] = None  # an education level id of the knowledge base
    places: Tuple[str, ...] = ()  # place keys (careers.places), in order
    unknown_places: Tuple[str, ...] = ()  # places named that the wage data does not cover
    measure: Optional[str] = None  # starting, top, hourly, mean, employment, concentration
    metro: bool = False  # the question asks for cities or metro areas
    beyond: Tuple[str, ...] = ()  # subjects no source covers (careers.not_covered.BEYOND_KNOWLEDGE)
    beyond_words: Tuple[str, ...] = ()  # what the message called them ("Google", "2040"): named back
    asked_apart: bool = False  # a topic is asked in a clause apart from those subjects ("...? and the pay?")
    generic: bool = False  # words for HR in general ("someone in HR", "HR people")
    detail: bool = False  # the "More detail" button: the long form of the answer
    other: bool = False  # "the other one": the option or role not chosen last time
    both: bool = False  # "for both": the two roles just talked about
    those: bool = False  # "how much do those make?": the roles just listed
    first: bool = False  # "go back to the first one": the earliest role still remembered
    ordinal: Optional[int] = None  # "the second one" after a ranking of places: its rank (-1: the last)
    there: bool = False  # "top pay there?": the place of the conversation
    article: bool = False  # "the article", "the same year": the source article's year
    compare: bool = False  # words that compare outright ("compared to", "vs", "than")
    follow_up: bool = False  # it opens as a follow-up ("what about X, ...?", "and X?")
    ranked_by: bool = False  # "and by number of jobs?": a ranking by what the measure says
    own_place: bool = False  # "where I live", "in my area": the user's place
    own_role: bool = False  # "my job", "compared to me": the role the user said they are in
    users_place: Optional[str] = None  # a place key: where the user says they live or work ("I'm in Tampa")
    whole_state: bool = False  # "and for the whole state?": the state of the metro area just answered
    years: Tuple[int, ...] = ()  # years of the knowledge base named ("in may 2024"): their figures too
    role_heads: Tuple[str, ...] = ()  # bare title words with no role of their own ("the manager")
    from_role: Optional[str] = None  # the covered role the user is in or moves from ("I'm a generalist", "from X to Y")
    certifications: Tuple[str, ...] = ()  # certifications named ("is the SHRM-CP or the PHR worth it?")

    @property
    def topic(self) -> Optional[str]:
        """The topic the words name, if any (the registry's order settles two)."""
        return next((topic_id for topic_id in topics.TOPIC_IDS if topic_id in self.topics), None)


# --- decisions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerRole:
    role: str
    topic: str
    place: Optional[str] = None  # an area code: pay there (salary only); None: national
    measure: Optional[str] = None
    other_place: Optional[str] = None  # the other area the place's name may mean ("New York")
    also: Tuple[str, ...] = ()  # other topics the message asked about: offered first
    detail: bool = False  # the long form of the topic (topics.Topic.detailed)


@dataclass(frozen=True)
class AnswerPair:
    """Two roles side by side; `topic` None compares them overall."""

    first: str
    second: str
    topic: Optional[str]
    place: Optional[str] = None
    measure: Optional[str] = None


@dataclass(frozen=True)
class AnswerMove:
    """What moving from one role to another takes ("how do I go from generalist to manager?")."""

    start: str
    goal: str


@dataclass(frozen=True)
class AnswerCertifications:
    """The certifications named, whatever role is in focus ("SHRM-CP or PHR?")."""

    certifications: Tuple[str, ...]
    role: Optional[str] = None  # the role in focus, whose path lists not all of them: its own said too


@dataclass(frozen=True)
class ComparePlaces:
    role: str
    places: Tuple[str, ...]  # area codes
    measure: Optional[str] = None  # hourly, starting, top: those figures side by side


@dataclass(frozen=True)
class RankPlaces:
    role: str
    ranking: str  # pay, employment or concentration
    metro: bool = False
    lowest: bool = False
    within: Optional[str] = None  # a state's area code: its metro areas only
    count: Optional[int] = None  # how many to list ("top 10"); None: the usual few
    for_hr: bool = False  # asked of HR in general ("which state has the most HR jobs?"): said so

    @property
    def slot_value(self) -> str:
        return ":".join([self.ranking] + ["metro"] * self.metro + ["lowest"] * self.lowest)

    @classmethod
    def from_slot_value(cls, role: str, value: str) -> Optional["RankPlaces"]:
        ranking, *flags = value.split(":")
        if ranking not in RANKINGS or not set(flags) <= {"metro", "lowest"}:
            return None
        return cls(role, ranking, metro="metro" in flags, lowest="lowest" in flags)


@dataclass(frozen=True)
class AskWhichPlace:
    places: Tuple[str, ...]  # the areas a name may mean
    role: Optional[str]
    topic: str


@dataclass(frozen=True)
class AskWhereTheyLive:
    """ "and where I live?" with no place in the conversation: asked, never the U.S. figure instead."""

    role: Optional[str]


@dataclass(frozen=True)
class SayPlaceNotCovered:
    names: Tuple[str, ...]
    role: Optional[str] = None  # the role asked about, which stays in focus ("... in Canada?", "the US then?")


@dataclass(frozen=True)
class AskWhichRole:
    question: str
    roles: Tuple[str, ...]
    topic: str  # what the chosen role's button asks


@dataclass(frozen=True)
class SayNotCovered:
    """Job titles the knowledge base does not cover: named back, with no figure."""

    titles: Tuple[str, ...]
    topic: Optional[str] = None  # what was asked of them: what the closest roles' buttons ask
    roles: Tuple[str, ...] = ()  # covered roles the same message named: offered first


@dataclass(frozen=True)
class SayBeyondKnowledge:
    """Subjects no source covers: said honestly, with what can be told about the role instead."""

    subjects: Tuple[str, ...]  # labels of careers.not_covered.BEYOND_KNOWLEDGE
    role: Optional[str] = None
    words: Tuple[str, ...] = ()  # as the message named them


@dataclass(frozen=True)
class SayOutOfScope:
    pass


@dataclass(frozen=True)
class AskToRephrase:
    pass


@dataclass(frozen=True)
class SayFixed:
    """A fixed response of the domain (a greeting, a goodbye)."""

    response: str


@dataclass(frozen=True)
class AnswerAcrossRoles:
    kind: str  # list, by_salary, by_education, ranking, ways_in
    topic: str  # what follow-ups about the listed roles continue
    pay_limit: Optional[PayLimit] = None
    degree: Optional[str] = None
    lowest: bool = False
    among: Tuple[str, ...] = ()  # a ranking of these roles only (the ones just listed); empty: all
    place: Optional[str] = None  # an area code: pay there (salary rankings and filters); None: national


@dataclass(frozen=True)
class AnswerSharedTopic:
    kind: str  # similarities, differences, programs, about_hr, worth_it, sources
    roles: Tuple[str, ...] = ()  # worth_it: the roles named or in context (none: the main roles)


@dataclass(frozen=True)
class GiveGuidance:
    level: Optional[str]  # None: ask for it
    roles: Tuple[str, ...] = ()  # the roles its next steps lead to: "what would she study after?" is of these


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class AnswerBesideUnknown:
    """The answer to what a message asks that the sources cover, with an honest line on the
    subject beside it that none covers ("an easy switch? what's the pay?"): both questions
    answered, neither guessed."""

    answer: "Decision"
    subjects: Tuple[str, ...]  # labels of careers.not_covered.BEYOND_KNOWLEDGE


Decision = Union[
    AnswerRole,
    AnswerPair,
    AnswerMove,
    AnswerCertifications,
    AskWhichRole,
    SayNotCovered,
    AnswerAcrossRoles,
    AnswerSharedTopic,
    GiveGuidance,
    ShowHelp,
    ComparePlaces,
    RankPlaces,
    AskWhichPlace,
    AskWhereTheyLive,
    SayPlaceNotCovered,
    SayBeyondKnowledge,
    SayOutOfScope,
    AskToRephrase,
    SayFixed,
    AnswerBesideUnknown,
]
