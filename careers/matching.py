"""What a text says, found by matching (pure: no Rasa, no knowledge base file).

The one place where the words of the domain are matched: role aliases and their typos,
topic words, pay amounts, degree words and ranking words. The NLU components use it to
turn a message into entities; the actions read those entities and never scan the text
again. `kb_sync` writes the regex features of the training data from the patterns here.
"""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Pattern, Sequence, Text, Tuple

WORD = re.compile(r"[\w&]+")
# A typo must be this close to an alias, and each of its words to the alias's words:
# "HR genralist" is the generalist, "IT manager" is not the T&D manager.
TYPO_CUTOFF = 0.85
WORD_CUTOFF = 0.75
# Single words shorter than this are matched exactly only ("layer" is not "lawyer").
SHORTEST_TYPO_WORD = 7
LEADING_WORDS = ("the", "a", "an", "our", "my")

Span = Tuple[int, int, Text]  # (start, end, value) of a mention in the text


# Short forms of title words, read as the words: "hr mgr" is the HR manager.
ABBREVIATIONS = {
    "mgr": "manager",
    "mgrs": "managers",
    "asst": "assistant",
    "assts": "assistants",
    "coord": "coordinator",
    "spec": "specialist",
    "specs": "specialists",
}


def words_with_spans(text: Text) -> List[Tuple[Text, int, int]]:
    found = [(match.group(0).lower(), match.start(), match.end()) for match in WORD.finditer(text)]
    return [(ABBREVIATIONS.get(word, word), start, end) for word, start, end in found]


def phrase_of(text: Text) -> Text:
    """The words of an alias or a piece of text, lower-cased: 'HR-Exec!' -> 'hr exec'."""
    return " ".join(word for word, _, _ in words_with_spans(text))


def title_phrase(text: Text) -> Text:
    """A title as typed, without a leading article: 'The HR-Exec!' -> 'hr exec'."""
    words = phrase_of(text).split()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def each_word_alike(typed: Text, alias: Text) -> bool:
    """Word by word, a typo and its alias are close: "IT manager" shares "manager" with
    "T&D manager" but is another job, while "HR generalst" is a typo of "HR generalist"."""
    typed_words, alias_words = typed.split(), alias.split()
    return len(typed_words) == len(alias_words) and all(
        difflib.SequenceMatcher(None, a, b).ratio() >= WORD_CUTOFF for a, b in zip(typed_words, alias_words)
    )


class AliasMatcher:
    """Mentions of the values of one entity in a text, from a table of alias phrase -> value."""

    def __init__(self, aliases: Dict[Text, Text], shortest_typo_word: int = SHORTEST_TYPO_WORD) -> None:
        self.aliases = {phrase_of(alias): value for alias, value in aliases.items() if phrase_of(alias)}
        self.shortest_typo_word = shortest_typo_word
        self.longest = max((len(alias.split()) for alias in self.aliases), default=0)
        # A typo has as many words as its alias (each_word_alike) and, nearly always, its first
        # letter, so each phrase is compared with the aliases of its length and first letter
        # only; and the same phrases come back in message after message ("how much do", "do
        # they make"), so each is looked at once.
        self._candidates: Dict[Tuple[int, Text], List[Text]] = {}
        for alias in self.aliases:
            self._candidates.setdefault((len(alias.split()), alias[:1]), []).append(alias)
        self.close = lru_cache(maxsize=50_000)(self._close)  # type: ignore[assignment]

    def exact(self, phrase: Text) -> Optional[Text]:
        if phrase in self.aliases:
            return self.aliases[phrase]
        # "labour lawyers"; not a short word, whose "s" is its own: "was" is not "WA", nor "gas" "GA"
        if phrase.endswith("s") and len(phrase) >= 5 and phrase[:-1] in self.aliases:
            return self.aliases[phrase[:-1]]
        return None

    def _close(self, phrase: Text) -> Optional[Text]:
        """The value whose alias `phrase` is a typo of, or None."""
        if " " not in phrase and len(phrase) < self.shortest_typo_word:
            return None
        candidates = self._candidates.get((phrase.count(" ") + 1, phrase[:1]), [])
        for candidate in difflib.get_close_matches(phrase, candidates, n=3, cutoff=TYPO_CUTOFF):
            if each_word_alike(phrase, candidate):
                return self.aliases[candidate]
        return None

    def find(self, phrase: Text) -> Optional[Text]:
        """The value a whole phrase names, exactly or by a typo."""
        return self.exact(phrase) or self.close(phrase)

    def mentions(self, text: Text) -> List[Span]:
        """(start, end, value) of each mention, left to right; the longest alias wins."""
        words = words_with_spans(text)
        found: List[Span] = []
        taken = [False] * len(words)
        for match in (self.exact, self.close):  # every exact alias first, then typos between them
            start = 0
            while start < len(words):
                for size in range(min(self.longest, len(words) - start), 0, -1):
                    if any(taken[start : start + size]):
                        continue
                    value = match(" ".join(word for word, _, _ in words[start : start + size]))
                    if value:
                        found.append((words[start][1], words[start + size - 1][2], value))
                        taken[start : start + size] = [True] * size
                        start += size - 1
                        break
                start += 1
        return sorted(found)


def _whole_words(text: Text, start: int, end: int) -> Tuple[int, int]:
    """A match widened to whole words ("salar" in "salaries" -> "salaries"), so that an
    entity covers whole tokens."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
        end += 1
    return start, end


def pattern_mentions(patterns: Sequence[Tuple[Text, Pattern[Text]]], text: Text) -> List[Span]:
    """(start, end, label) of every match of each (label, pattern), widened to whole words,
    left to right; overlapping matches keep the first pattern's label."""
    found: List[Span] = []
    for label, pattern in patterns:
        for match in pattern.finditer(text):
            start, end = _whole_words(text, *match.span())
            if start < end and not any(start < other_end and other_start < end for other_start, other_end, _ in found):
                found.append((start, end, label))
    return sorted(found)


def compile_words(words: Text) -> Pattern[Text]:
    return re.compile(words, re.IGNORECASE)


# --- pay amounts ("over $100k", "under 60 grand", "six figures") ---------------------------

BELOW_WORDS = r"under|below|less than|lower than|at most|up to|no more than|cheaper than|<"
ABOVE_WORDS = r"over|above|more than|greater than|higher than|at least|upwards of|exceeding|>"
NUMBER = r"\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?"
UNIT = r"k\b|thousand\b|grand\b"
SIX_FIGURES = r"six[- ]figures?|6[- ]figures?"
# Money for sure: a currency sign, a unit, thousands separators, a number of 5 or 6 digits,
# or "six figures". Each shape is also a regex feature of its own (REGEX_FEATURES).
MONEY_SHAPES = [
    rf"[$£]\s?(?:{NUMBER})(?:\s?(?:{UNIT}))?",
    rf"\b(?:{NUMBER})\s?(?:{UNIT})",
    r"\b\d{1,3}(?:,\d{3})+\b",
    r"\b\d{2,3}[,.]?\d{3}\b",
    rf"\b(?:{SIX_FIGURES})",
]
MONEY = re.compile("|".join(f"(?:{shape})" for shape in MONEY_SHAPES), re.IGNORECASE)
# A bare number after a bound word is a pay limit too: "which jobs pay over 90?".
BOUNDED_NUMBER = re.compile(
    rf"\b(?:{BELOW_WORDS}|{ABOVE_WORDS})\s+(?P<number>\d{{2,3}})\b"
    r"(?![.,]?\d|\s?(?:%|percent|years?|months?|weeks?|days?|hours?|people|employees|jobs?|roles?))",
    re.IGNORECASE,
)
BOUND_BEFORE = re.compile(rf"(?:{BELOW_WORDS})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PayLimit:
    """'over $100k' -> above=True, amount=100000; an `amount` entity's value is its text()."""

    above: bool
    amount: int

    def text(self) -> Text:
        return f"{'above' if self.above else 'below'} {self.amount}"

    @classmethod
    def parse(cls, value: object) -> Optional["PayLimit"]:
        """The limit an `amount` entity's value states, or None for anything else."""
        match = re.fullmatch(r"(above|below) (\d{1,9})", value) if isinstance(value, str) else None
        return cls(above=match.group(1) == "above", amount=int(match.group(2))) if match else None


def _dollars(text: Text) -> int:
    """'$100k' -> 100000, '90' -> 90000 (no annual salary is under $1,000), 'six figures' -> 100000."""
    if re.search(SIX_FIGURES, text, re.IGNORECASE):
        return 100_000
    number_text = re.search(NUMBER, text).group(0)  # type: ignore[union-attr]
    number = float(re.sub(r"[,.](?=\d{3}\b)", "", number_text))
    if re.search(UNIT, text, re.IGNORECASE) or number < 1000:
        number *= 1000
    return int(number)


def pay_limits(text: Text) -> List[Span]:
    """(start, end, PayLimit.text()) for each pay amount in the text."""
    found: List[Span] = []
    spans = [match.span() for match in MONEY.finditer(text)]
    spans += [match.span("number") for match in BOUNDED_NUMBER.finditer(text)]
    for start, end in sorted(set(spans)):
        if any(start < other_end and other_start < end for other_start, other_end, _ in found):
            continue
        below = bool(BOUND_BEFORE.search(text[:start]))
        found.append((start, end, PayLimit(above=not below, amount=_dollars(text[start:end])).text()))
    return found


# --- degrees named in a question across roles ("which jobs need only a bachelor's?") ------

# Degree words mapped to BLS's entry-education categories: "no degree" first, then the most
# advanced first, so that "a law degree" is not read as any degree.
DEGREE_PATTERNS = [
    (label, compile_words(words))
    for label, words in (
        ("High school diploma or equivalent", r"no degree|without a degree|high school|\bged\b|diploma"),
        ("Doctoral or professional degree", r"law degree|law school|\bj\.?d\b|doctor|ph\.?d|professional degree"),
        ("Master's degree", r"master|\bmba\b|\bmsc?\b|\bma\b|graduate degree|postgrad"),
        ("Associate's degree", r"associate"),
        (
            "Bachelor's degree",
            r"bachelor|\bbsc\b|\bbs\b|\bba\b|undergrad|four[- ]year degree|college degree|university degree|\bdegree\b",
        ),
    )
]


def degrees(text: Text) -> List[Span]:
    return pattern_mentions(DEGREE_PATTERNS, text)


# --- rankings ("which pays the least?") ----------------------------------------------------

RANKING_PATTERNS = [
    ("lowest", compile_words(r"\b(?:least|lowest|slowest|worst|smallest|bottom|fewest|shrink\w*)\b")),
    ("highest", compile_words(r"\b(?:most|highest|fastest|best|biggest|largest|greatest|richest|top)\b")),
]


def rankings(text: Text) -> List[Span]:
    return pattern_mentions(RANKING_PATTERNS, text)


# How many places a ranking should list: "top 10 states", "which 3 cities", "the five best metros".
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = r"(\d{1,3}|" + "|".join(COUNT_WORDS) + ")"
RANKING_COUNT = re.compile(
    rf"\btop {_COUNT}\b(?!\s*(?:%|percent|per cent|pct))|\b{_COUNT} (?:(?:best|highest|top|lowest|worst|cheapest|biggest)(?:[- ]paying)? )?"
    r"(?:states|cities|metros|metro areas|places|areas|towns)\b|\b(?:which|what) " + _COUNT + r"\b",
    re.IGNORECASE,
)


# A place of a ranking just given, by its rank: "the second one", "and lawyers in the first one?"
ORDINAL_WORDS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "top": 1,
    "last": -1,
    "bottom": -1,
}
_PLACE_OF_LIST = r"(?: one| state| city| place| metro(?: area)?| area| on the list)"
ORDINAL = re.compile(
    r"\bthe (?:(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
    rf"(?:{_PLACE_OF_LIST}|(?=\s*(?:[?.!,]|$| for | in | there)))"
    rf"|(top|bottom){_PLACE_OF_LIST})",  # "and the top?" alone is the top of the pay range
    re.IGNORECASE,
)


def ordinals(text: Text) -> List[Span]:
    """(start, end, "2") for "the second one"; "-1" for "the last one"."""
    return [
        (m.start(), m.end(), str(ORDINAL_WORDS[(m.group(1) or m.group(2)).lower()])) for m in ORDINAL.finditer(text)
    ]


def ranking_counts(text: Text) -> List[Span]:
    """(start, end, "10") for each count of places asked ("top 10 states")."""
    found = []
    for match in RANKING_COUNT.finditer(text):
        word = next(group for group in match.groups() if group)
        number = int(word) if word.isdigit() else COUNT_WORDS[word.lower()]
        if number >= 1:
            found.append((match.start(), match.end(), str(number)))
    return found


# --- which figure of a pay range ("what would I start at?", "per hour") ---------------------

MEASURE_PATTERNS = [
    (label, compile_words(words))
    for label, words in (
        (
            "starting",
            r"(?<!can )(?<!to )\bstart(?:ing|s)?\b(?! (?:a|my|an|the) (?:career|job))|entry[- ]level|right (?:out of|after) "
            r"(?:college|school|uni)|new grads?\b|fresh out|beginners?\b|just starting|"
            # "a junior (analyst)" is early in a career; "a junior in high school" is a school year
            r"\bjunior\b(?! (?:in|at) (?:high school|college|uni|university|school))|first[- ]year|"
            r"new hires?|low(?:est)?[- ]end|bottom (?:10|ten|25|quarter)|(?:10|25)th percentile|just out of|"
            r"\blowest[- ](?:paid|earning)\b(?! (?:hr |human resources )?(?:jobs?|roles?|careers?|positions?|occupations?|states?|cit(?:y|ies)|places?|areas?|metros?|one))|"
            r"\bthe bottom\b(?! (?:\d|five|ten|states?|cities|places|jobs?|roles?))|"
            r"no experience|without experience|just graduated|recent grads?\b|first job|fresh grads?\b|"
            r"lowest (?:pay|salar\w*|wages?)|\bminimum (?:pay|salary|wage)|\bbottom (?:end|of the (?:range|scale))|"
            r"\bbeginning\b|\bnewbies?\b|\brookies?\b|\bat first\b|\bthe (?:least|lowest) (?:an? )?(?:\w+ ){0,3}(?:make|earn|get)|"
            r"\bthe (?:minimum|min) (?:an? )?(?:\w+ ){0,3}(?:makes?|earns?|gets?|can)\b|\bthe floor\b|"
            r"\bfresh graduates?\b|\bnew (?:\w+ ){0,2}(?:grads?|graduates?|hires?)\b|\bstraight out of\b|"
            r"\bnew (?!york|jersey|mexico|hampshire|orleans|haven)(?:\w+ ){1,3}(?:make|earn|get paid)\b",
        ),
        (
            "top",
            r"\btop (?:10|ten)\b|top earners|top end|90th|high[- ]end|"
            r"\b(?:highest|best|top)[- ](?:paid|earning)\b(?! (?:hr |human resources )?(?:jobs?|roles?|careers?|positions?|occupations?|states?|cit(?:y|ies)|places?|areas?|metros?|one))(?= \w)|"
            r"\bthe top\b(?! (?:\d|five|ten|states?|cities|places|jobs?|roles?|paying|earning|careers?))|"
            r"\btop (?!\d|five|ten|states?\b|cities\b|places\b|jobs?\b|roles?\b|paying\b|careers?\b)(?:\w+ ){0,2}\w+s (?:make|earn|get)\b|"
            r"top of the (?:range|scale)|most (?:they|you|i|one) can (?:make|earn)|best[- ]paid (?:ones|people|10)|"
            r"top[- ]earning|upper end|top ten percent|highest[- ]earning (?:ones|people|10)|\btop (?:pay|salary)|"
            r"most (?:an? )?(?:\w+ ){0,3}(?:can|could) (?:make|earn|get)|max(?:imum)? (?:pay|salary)|like the top|"
            r"\bthe (?:most|highest|maximum|max) (?:an? )?(?:\w+ ){0,3}(?:makes?|earns?|gets?|can)\b|\bceiling\b|"
            r"\bat the (?:very )?top\b|"
            r"highest (?:salar\w*|pay|wages?|earners?) (?:for|of|an?)\b|upper (?:range|limit)|\bthe max\b|"
            r"top of (?:the )?(?:field|pay|ladder)",
        ),
        ("hourly", r"\bhourly\b|(?:an|per|by the|a) hour\b"),
        ("mean", r"\baverage\b|\bmean (?:pay|salary|wage|income|annual)|\bthe mean\b"),  # not "the city I mean"
        (
            "employment",
            r"how many (?:\w+ ){0,4}(?:jobs|people|positions|work|(?:are|r|were|was) (?:there|employed|in|working))"
            r"(?! (?:open|will|a year|each year|per year))|"
            r"number of (?:jobs|people|workers|\w+ (?:managers|specialists|generalists|assistants|clerks|lawyers|recruiters))\b|"
            r"(?:most|more) (?:\w+ ){0,4}jobs|where do most (?:[\w&.-]+ ){1,4}work\b|employ(?:s)? the most\b|"
            r"\b(?:biggest|largest|greatest|highest) number of\b|"
            r"\b(?:has|have|with) the (?:most|fewest|least) (?:[\w&.-]+ ){0,3}"
            r"(?:lawyers|attorneys|managers|specialists|generalists|assistants|clerks|recruiters|people|workers)\b|"
            r"\b(?:biggest|largest) job markets?\b|\bhow many of (?:them|those|these)\b(?! (?:make|earn|get))|"
            r"\btop (?:\d+ |five |ten )?(?:states|cities|metros|places|areas) (?:for|with) (?:\w+ ){0,3}jobs|"
            r"where (?:are|r) (?:the|most) (?:\w+ )?jobs|"
            r"\bemploy(?:s|ment|ed)\b(?! (?:lawyers?|attorneys?|law\b|relations))",
        ),
        ("concentration", r"concentrat|location quotient|per capita|per 1,?000"),
    )
]
# Words for metro areas in a question about places ("which city pays best?").
METRO_WORDS = compile_words(r"\b(?:city|cities|metros?|metropolitan|towns?|urban areas?)\b")


def measures(text: Text) -> List[Span]:
    return pattern_mentions(MEASURE_PATTERNS, text)


def area_kinds(text: Text) -> List[Span]:
    return [(start, end, "metro") for start, end, _ in pattern_mentions([("metro", METRO_WORDS)], text)]


# --- words that tell the NLU about the question's scope ------------------------------------

# Words for several jobs: "which jobs pay over 100k?" asks across roles (RoleScopeResolver).
SEVERAL_JOBS = compile_words(r"\b(roles|jobs|careers|positions|occupations|anything|any)\b")
# Words of a comparison or of what roles share, beside the topic words.
COMPARISON_WORDS = compile_words(r"common|similar|differ|alike")
# Words of a question about all roles, as a feature for the intent classifier.
ALL_ROLES_PATTERNS = [
    r"\b(roles|jobs|careers|positions|occupations|professions|ones)\b",
    r"\b(any|all|every|which|what) (of the |of your |of these )?(hr )?(roles?|jobs?|careers?)\b",
]

# Regex features of the training data (data/nlu/generated/patterns.yml, by kb_sync): word
# shapes that tell questions across all roles from questions about one role. Features,
# not rules: the intent classifier weighs them with the words around them.
REGEX_FEATURES = {
    "pay_amount": [*MONEY_SHAPES, BOUNDED_NUMBER.pattern],
    "superlative": ["|".join(pattern.pattern for _, pattern in RANKING_PATTERNS)],
    "all_roles": ALL_ROLES_PATTERNS,
}


def first_label(spans: Iterable[Span], order: Sequence[Text]) -> Optional[Text]:
    """Of the labels found, the one first in `order`."""
    found = {label for _, _, label in spans}
    return next((label for label in order if label in found), None)


# --- HR in general ("how much do hr people make?") ------------------------------------------

HR_FIELD = [("hr", compile_words(r"\bhr\b|\bhuman resources?\b"))]


def hr_field(text: Text) -> List[Span]:
    return pattern_mentions(HR_FIELD, text)


# "the other one": the option or role not chosen last time; "both": the two roles just talked
# about; "those": the roles just listed; "the whole state": the state of the metro area just answered; "where I live": the
# user's place; "compared to": a comparison.
REFERENCES = [
    ("other", compile_words(r"\bthe other(?: one| ones| role| job| place| city| state)?\b")),
    ("both", compile_words(r"\bboth\b|\bthe two\b|\beach of them\b|\bfor each\b|\beach one\b")),
    # "top pay there?", "and there?": the place of the conversation (not "are there", "there is")
    (
        "there",
        compile_words(r"(?<!are )(?<!is )(?<!was )(?<!were )\bthere\b(?!'s| is\b| are\b| will\b| was\b| were\b)"),
    ),
    # "what did BLS say for the same year?", "for that year", "the article's figure": the source
    # article's year (the only year before the wage data's whose figures a follow-up can mean)
    (
        "article",
        compile_words(
            r"\b(?:the|that|this|an?) (?:\d{4} )?article\b|\barticle'?s\b|\b(?:the )?same year\b|\bthat year\b"
        ),
    ),
    ("first", compile_words(r"\bthe first (?:one|role|job)\b|\bthe (?:one|role|job) (?:we|i|you) started with\b")),
    (
        "those",
        compile_words(
            r"\b(?:those|these)(?! (?:are|is)\b)|\b(?:all|each|which|which one) of them\b|\bout of them\b|"
            r"\bthe ones you (?:listed|said|named|mentioned)\b"
        ),
    ),
    ("whole_state", compile_words(r"\b(?:the )?whole state\b|\bstatewide\b|\bthe (?:entire|rest of the) state\b")),
    (
        "own_place",
        compile_words(
            r"\bwhere i (?:live|am|stay|'?m (?:at|from|based))\b|\bwhere im (?:at|from|based)\b|"
            r"\bin my (?:area|state|city|town|region|part of the country)\b|\bnear me\b|\baround here\b|"
            r"\blocally\b|\bmy location\b|\bwhere i'?m located\b"
        ),
    ),
    # "same for my job", "compared to me": the user's own role, said earlier ("I'm a generalist")
    (
        "own_role",
        compile_words(
            r"\bmy (?:own |current |present |day )?(?:job|role|position|title|occupation)\b|"
            # after "compared to" (a reference of its own: both are found)
            r"(?:(?<=\bcompared to )|(?<=\bcompared with )|(?<=\brelative to )|(?<=\bthan ))"
            r"(?:me|mine|i do|i make|i earn|what i (?:make|earn))\b|"
            r"\b(?:people|someone|others|ppl) like me\b|\bwhat i (?:make|earn) now\b"
        ),
    ),
    # Said outright: "compared to an HR manager there?" compares; "and as a manager there" does not.
    ("compare", compile_words(r"\bcompar\w*|\bvs\.?(?= )|\bversus\b|\bthan\b|\bdifferen\w*|\bwhich (?:one|of)\b")),
    # "and by number of jobs?" after a ranking of places: ranked again by that
    (
        "ranked_by",
        compile_words(r"\bby (?:the )?(?:number of (?:jobs|people|workers)|jobs|job count|employment|headcount)\b"),
    ),
    # A message that opens as a follow-up ("what about X, ...?", "and X?"): the same question for X
    ("follow_up", compile_words(r"^\s*(?:(?:ok(?:ay)?|so|well|hmm+)\W+)?(?:and\s+)?(?:what|how) about\b|^\s*and\b")),
]


def references(text: Text) -> List[Span]:
    return pattern_mentions(REFERENCES, text)


@lru_cache(maxsize=None)
def _name_pattern(name: Text) -> Pattern:
    """ "SHRM-CP" matches "shrm-cp", "SHRM CP" and "shrmcp"; "the bar exam" matches "bar exam"."""
    tokens = [token for token in re.split(r"[\s-]+", name.lower()) if token]
    if tokens and tokens[0] in LEADING_WORDS:
        tokens = tokens[1:]
    return re.compile(r"\b" + r"[\s-]?".join(map(re.escape, tokens)) + r"\b", re.IGNORECASE)


def named_ids(names: Dict[Text, Sequence[Text]], text: Text) -> List[Text]:
    """The ids whose names (any of them) the text mentions, in the order of mention."""
    first_at = {}
    for key, variants in names.items():
        starts = [match.start() for variant in variants for match in [_name_pattern(variant).search(text)] if match]
        if starts:
            first_at[key] = min(starts)
    return sorted(first_at, key=first_at.__getitem__)
