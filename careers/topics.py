"""The topic registry: every topic of a role, in one table.

A topic is what a question asks about one role (its pay, its education, ...). Each row says
which intent asks it, how answers and buttons name it, which words name it in a question
(what the NLU's `topic` entity finds) and which function answers it. The rows are in the
order follow-up buttons offer them; the same order settles a question that names two
topics in words ("make more money with a degree?" is about pay).

A new topic is one row here and its answer function in careers/answers/. A topic without
an intent of its own (career path, certifications) is asked with its parent's intent and
named by its words, or by the `topic` entity of a button: few intents, the topic an entity.
"""

from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Pattern, Tuple

from careers.answers import path as path_answers
from careers.answers import role as answers
from careers.formatting import PLAIN, Markup
from careers.knowledge_base import KnowledgeBase
from careers.matching import Span, compile_words, first_label, pattern_mentions

Renderer = Callable[[KnowledgeBase, str, Markup], str]


@dataclass(frozen=True)
class Topic:
    id: str
    intent: str  # the intent that asks this topic about a role
    label: str  # in answers: "HR executive, job growth"
    button_title: str  # on follow-up buttons: "Job growth"
    render: Renderer
    words: Optional[Pattern[str]] = None  # words that name the topic in a question
    compared_in_table: bool = False  # two roles' figures side by side (else two answers)
    detailed: Optional[Renderer] = None  # the long form, one "More detail" button away
    own_intent: bool = True  # False: asked with `intent` (its parent's) plus the topic entity
    next_topic: Optional[str] = None  # offered first after this topic's answer

    @property
    def entities(self) -> Dict[str, str]:
        """What a button asking this topic carries besides the role."""
        return {} if self.own_intent else {"topic": self.id}

    def has_more(self, kb: KnowledgeBase, role_id: str) -> bool:
        """Whether the long form says more than the short one for this role."""
        return self.detailed is not None and self.detailed(kb, role_id, PLAIN) != self.render(kb, role_id, PLAIN)


# How people get into a role, and its certifications: asked as education questions (ask_education)
# and told apart by their words. Certifications before education ("what certification do I need?"),
# the path after it: "what degree do I need to become one" is education, "how do I become one" a path.
CERTIFICATIONS = Topic(
    "certifications",
    "ask_education",
    "certifications",
    "Certifications",
    path_answers.certifications_answer,
    compile_words(
        r"certif\w*|\bcerts?\b|\bshrm(?:-cp|-scp)?\b|\bhrci\b|\ba?phr\b|\bsphr\b|\bcredentials?\b|\bcpp\b|\bfpc\b|"
        r"\ba?ptd\b|\bcptd\b|\bcebs\b|\bccp\b|\bcbp\b|\bbar exam\b|\bpass(?:ing)? the bar\b|\blicen[cs](?:e|ed|ing)\b"
    ),
    detailed=path_answers.certifications_detail,
    own_intent=False,
    next_topic="path",
)
PATH = Topic(
    "path",
    "ask_education",
    "how to get there",
    "How to get there",
    path_answers.path_answer,
    compile_words(
        r"how long (?:does it|will it|would it|til|until|to become|before|(?:does|will|would|did) (?:that|this) take|(?:is|was) (?:that|this|it)\b)|"
        r"\bbecom(?:e|ing)\b|how many years|promot(?:ed|ion)|move up|moving up|career (?:path|ladder)|"
        r"\bpath (?:to|into)\b|\bbreak into\b|\bwork (?:my|your|their|our) way up\b|\badvance(?:ment)?\b|"
        r"\b(?:go|going|get|getting|move|moving|switch|switching|transition|transitioning) from\b|"
        r"make the (?:jump|switch|move|leap)\b|\b(?<!do )(?<!they )(?<!managers )get there\b|\bget into\b|\bget (?:a job|hired|work) as\b|"
        r"\bswitch(?:ing)? (?:to|into|over)\b|\bmov(?:e|ing) (?:in)?to\b|the gap between\b|"
        r"\bwhat (?:do|would|will|does|did) (?:i|you|they|he|she|someone) need to (?:get|become|be|switch|move|go)\b|"
        r"\bwithout (?:going to )?law school\b"
    ),
    own_intent=False,
    next_topic="certifications",
)

TOPICS: Tuple[Topic, ...] = (
    Topic(
        "salary",
        "ask_salary",
        "salary",
        "Salary",
        answers.salary_answer,
        compile_words(
            r"\bearn|pay(?!roll)|paid|salar|money|wage|income|how much (more|less)|richer|\$|^\W*(?:and )?how much\W*$|"
            # "make" of pay, not "make a difference", "make decisions", "make it as a lawyer"
            r"\bma(?:kes?|de|king)\b(?! (?:a |the |any |good |big |tough |hard |)(?:differen|decision|sense|"
            r"mistake|change|friend|call|choice|progress|impact|happen|sure)|(?: it)? (?:as|happen|of|up|out|sure)\b|"
            r" an? (?:good|great|bad|better) (?!money|pay|salary|living|wage|income|buck))|"
            r"\brange\b|percentile|\bmedian\b"
        ),
        compared_in_table=True,
        detailed=answers.salary_detail,
    ),
    Topic(
        "duties",
        "ask_duties",
        "duties",
        "Duties",
        answers.duties_answer,
        compile_words(
            r"\bdut|responsib|task|day[- ]to[- ]day|all day|daily|"
            r"what(?: (?:does|do)|'?s| is) (?:an? |the )?(?!i |you |we )(?:\w+ ){1,4}(?:do|actually do)\b"
        ),
        detailed=answers.duties_detail,
    ),
    CERTIFICATIONS,
    Topic(
        "education",
        "ask_education",
        "education",
        "Education",
        answers.education_answer,
        compile_words(
            r"educat|degree|study|school|qualif|master|college|training required|experience|"
            r"on[- ]the[- ]job|learn (?:it )?on the job|\bmajor in\b"
        ),
        compared_in_table=True,
        next_topic="path",
    ),
    PATH,
    Topic(
        "growth",
        "ask_job_growth",
        "job growth",
        "Job growth",
        answers.growth_answer,
        compile_words(
            r"grow|outlook|demand|prospect|future|opening|open(?:s|ing)? up|job market|"
            r"(?:\bbe|\bgrow|\bgain|\badd) more jobs|more jobs (?:in (?:the )?(?:future|coming|next)|later|coming)"
        ),
        compared_in_table=True,
        detailed=answers.growth_detail,
    ),
    Topic(
        "related",
        "ask_related_careers",
        "related careers",
        "Related careers",
        answers.related_answer,
        compile_words(r"\brelated\b|alternatives?\b|\b(?:jobs?|careers?|roles?|things|fields?) (?:like|similar to)\b"),
    ),
    Topic(
        "skills",
        "ask_skills",
        "skills",
        "Skills",
        answers.skills_answer,
        compile_words(r"skill|qualit|trait|personality"),
    ),
    Topic("overview", "ask_overview", "overview", "Overview", answers.overview_answer),
)

BY_ID: Dict[str, Topic] = {topic.id: topic for topic in TOPICS}
BY_INTENT: Dict[str, Topic] = {topic.intent: topic for topic in TOPICS if topic.own_intent}
TOPIC_IDS = tuple(BY_ID)
# Topics asked with a parent's intent and told apart by their words (career path, certifications).
RIDING_TOPICS = tuple(topic.id for topic in TOPICS if not topic.own_intent)
DEFAULT_TOPIC = "overview"


def topic(topic_id: str) -> Topic:
    return BY_ID[topic_id]


def topic_of_intent(intent: Optional[str]) -> Optional[str]:
    found = BY_INTENT.get(intent or "")
    return found.id if found else None


def topic_mentions(text: str) -> List[Span]:
    """(start, end, topic id) of each word that names a topic: the NLU's `topic` entities."""
    return pattern_mentions([(topic.id, topic.words) for topic in TOPICS if topic.words], text)


def main_topic(spans: Iterable[Span]) -> Optional[str]:
    """The topic a question is about, of those its words name (the registry's order decides)."""
    return first_label(spans, TOPIC_IDS)


def render(kb: KnowledgeBase, role_id: str, topic_id: str, markup: Markup, detail: bool = False) -> str:
    topic = BY_ID[topic_id]
    return (topic.detailed if detail and topic.detailed else topic.render)(kb, role_id, markup)
