"""Pure parsing of what the user said: which roles, which topic, which education level."""
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

from actions.kb import KnowledgeBase, normalize_phrase

# The intent names the topic; inform_role ("and the generalist?") keeps the previous one.
INTENT_TOPICS = {
    "ask_overview": "overview",
    "ask_duties": "duties",
    "ask_salary": "salary",
    "ask_education": "education",
    "ask_job_growth": "growth",
    "ask_skills": "skills",
    "ask_related_careers": "related",
}

# Comparisons and fragments name their topic only in words ("who earns more?", "which
# grows faster?", "and their education?"). The order matters: "make more money" is salary.
TOPIC_WORD_PATTERNS = [
    ("salary", r"earn|pay|paid|salar|money|wage|income|how much (more|less)|\bmakes?\b|richer|\$"),
    ("growth", r"grow|outlook|demand|prospect|future|opening|job market|more jobs"),
    ("education", r"educat|degree|study|school|qualif|master|college|training required"),
    ("skills", r"skill|qualit|trait"),
    ("duties", r"dut|responsib|task|day[- ]to[- ]day|all day|daily"),
]


@dataclass
class RoleMentions:
    """Roles named in one message: known role ids, in order, and unknown titles as typed."""

    known: List[str] = field(default_factory=list)
    unknown: List[str] = field(default_factory=list)


def role_mentions(kb: KnowledgeBase, entities: Iterable[Dict[str, Any]], text: Optional[str] = None) -> RoleMentions:
    """Roles from the entities; a title the NLU cut short ("director" of "human resources
    director") or missed is recovered from known aliases spelled out in the text."""
    mentions = _entity_mentions(kb, entities)
    if text and text.startswith("/"):
        return mentions  # a button payload names its roles as entities
    for alias, role_id in kb.aliases_in_text(text):
        if role_id not in mentions.known:
            mentions.known.append(role_id)
        # The unknown "director" was a piece of the known "human resources director".
        mentions.unknown = [title for title in mentions.unknown if f" {normalize_phrase(title)} " not in f" {alias} "]
    return mentions


def _entity_mentions(kb: KnowledgeBase, entities: Iterable[Dict[str, Any]]) -> RoleMentions:
    mentions = RoleMentions()
    for entity in entities or []:
        if entity.get("entity") != "role":
            continue
        value = entity.get("value")
        if not isinstance(value, str) or not value.strip() or kb.is_generic_term(value):
            continue
        role_id = kb.find_role(value)
        if role_id is None:
            # The synonym mapper may have replaced the text; the typed words may still be an alias.
            typed = entity.get("text")
            role_id = kb.find_role(typed) if isinstance(typed, str) else None
        if role_id is not None:
            if role_id not in mentions.known:
                mentions.known.append(role_id)
        elif value.strip() not in mentions.unknown:
            mentions.unknown.append(value.strip()[:60])
    return mentions


def _first_match(patterns: List[Tuple[str, str]], text: Optional[str]) -> Optional[str]:
    """The label of the first (label, pattern) whose pattern occurs in the text, lower-cased."""
    lowered = (text or "").lower()
    return next((label for label, pattern in patterns if re.search(pattern, lowered)), None)


def topic_in_words(text: Optional[str]) -> Optional[str]:
    """The topic a message names in words, or None (for a comparison: an overall one)."""
    return _first_match(TOPIC_WORD_PATTERNS, text)


def education_level(kb: KnowledgeBase, entities: Iterable[Dict[str, Any]], text: Optional[str]) -> Optional[str]:
    """The level from the entity (an id, or words the synonym mapper did not map), else from the text."""
    level_ids = {level.id for level in kb.shared.education_levels}
    value = entity_value(entities, "education_level")
    if value in level_ids:
        return value
    return kb.education_level_in_text(value) or kb.education_level_in_text(text)


def entity_value(entities: Iterable[Dict[str, Any]], name: str) -> Optional[str]:
    for entity in entities or []:
        if entity.get("entity") == name and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


@dataclass(frozen=True)
class SalaryThreshold:
    """'over $100k' -> above=True, amount=100000."""

    above: bool
    amount: int


BELOW_WORDS = r"under|below|less than|lower than|at most|up to|no more than|cheaper than|<"
AMOUNT_PATTERN = re.compile(
    r"\$?\s*(?P<number>\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>k\b|thousand|grand|000\b)?"
)
SIX_FIGURES = re.compile(r"six[- ]figures?|6[- ]figures?")


def salary_threshold(text: Optional[str]) -> Optional[SalaryThreshold]:
    """The pay limit in "which jobs pay over $100k?" ('six figures' too); None without a number.

    A bare number under 1,000 is read in thousands ("over 90" means $90,000), since no
    annual salary is that small.
    """
    lowered = (text or "").lower()
    if SIX_FIGURES.search(lowered):
        return SalaryThreshold(above=not re.search(BELOW_WORDS, lowered), amount=100_000)
    match = AMOUNT_PATTERN.search(lowered)
    if not match:
        return None
    number = float(re.sub(r"[,.](?=\d{3}\b)", "", match.group("number")))
    if match.group("unit") in ("k", "thousand", "grand") or number < 1000:
        number *= 1000
    below = re.search(rf"(?:{BELOW_WORDS})\s*\$?\s*$", lowered[: match.start("number")])
    return SalaryThreshold(above=not below, amount=int(number))


# Degree words mapped to BLS's entry-education categories: "no degree" first, then the most
# advanced first, so that "a law degree" is not read as any degree.
DEGREE_PATTERNS = [
    ("High school diploma or equivalent", r"no degree|without a degree|high school|\bged\b|diploma"),
    ("Doctoral or professional degree", r"law degree|law school|\bj\.?d\b|doctor|ph\.?d|professional degree"),
    ("Master's degree", r"master|\bmba\b|\bmsc?\b|\bma\b|graduate degree|postgrad"),
    ("Associate's degree", r"associate"),
    ("Bachelor's degree", r"bachelor|\bbsc\b|\bbs\b|\bba\b|undergrad|four[- ]year degree|college degree|university degree|\bdegree\b"),
]


def degree_in_text(text: Optional[str]) -> Optional[str]:
    """The BLS entry-education category a message names ("only a bachelor's" -> "Bachelor's degree")."""
    return _first_match(DEGREE_PATTERNS, text)


LOWEST_WORDS = re.compile(r"least|lowest|slowest|worst|smallest|bottom|fewest|shrink")


def wants_lowest(text: Optional[str]) -> bool:
    """'which pays the least?' asks for the bottom of a ranking; 'which grows fastest?' for the top."""
    return bool(LOWEST_WORDS.search((text or "").lower()))
