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


def words_with_spans(text: Text) -> List[Tuple[Text, int, int]]:
    return [(match.group(0).lower(), match.start(), match.end()) for match in WORD.finditer(text)]


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
        if phrase.endswith("s") and phrase[:-1] in self.aliases:  # "labour lawyers"
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


# --- which figure of a pay range ("what would I start at?", "per hour") ---------------------

MEASURE_PATTERNS = [
    (label, compile_words(words))
    for label, words in (
        (
            "starting",
            r"\bstart(?:ing|s)?\b(?! (?:a|my|an|the) (?:career|job))|entry[- ]level|right (?:out of|after) "
            r"(?:college|school|uni)|new grads?\b|fresh out|beginners?\b|just starting|\bjunior\b|first[- ]year|"
            r"new hires?|low(?:est)?[- ]end|bottom (?:10|ten)|lowest[- ]paid|(?:10|25)th percentile|just out of|"
            r"no experience|without experience|just graduated|recent grads?\b|first job|fresh grads?\b",
        ),
        (
            "top",
            r"\btop (?:10|ten)\b|top earners|top end|highest[- ]paid (?:10|ten)|90th|high[- ]end|"
            r"top of the (?:range|scale)|most (?:they|you|i|one) can (?:make|earn)|best[- ]paid (?:ones|people|10)|"
            r"top[- ]earning|upper end|top ten percent|highest[- ]earning (?:ones|people|10)",
        ),
        ("hourly", r"\bhourly\b|(?:an|per|by the|a) hour\b"),
        ("mean", r"\baverage\b|\bmean (?:pay|salary|wage|income|annual)|\bthe mean\b"),  # not "the city I mean"
        (
            "employment",
            r"how many (?:\w+ ){0,3}(?:jobs|people|positions|work|are (?:there|employed))|number of jobs|"
            r"most (?:\w+ ){0,2}jobs|"
            r"where (?:are|r) (?:the|most) (?:\w+ )?jobs|"
            r"\bemploy(?:s|ment|ed)\b",
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
# not rules: DIET weighs them with the words around them.
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


# --- what the sources do not cover ("is HR stressful?", "will AI replace HR?") -------------

# Subjects people ask about that no source of the knowledge base covers: answered with an
# honest "I don't know", never with an answer about something else. (label, what it is
# called in a reply, words.)
BEYOND_KNOWLEDGE = [
    (
        "remote_work",
        "remote work",
        r"\bremote(?:ly)?\b|work(?:ing)? from (?:home|anywhere)|\bwfh\b|\bhybrid\b|tele(?:work|commut)\w*|"
        r"home office|in (?:the )?office every day",
    ),
    ("stress", "how stressful the work is", r"\bstress\w*|burn ?out|burnt out|\bpressure\b|\btoxic\b"),
    (
        "work_life_balance",
        "work-life balance and hours",
        r"work[- ]life|\bbalance\b|how many hours|\bhours (?:a|per) (?:week|day)\b|\bovertime\b|\bweekends?\b|"
        r"\bvacation\b|\bpto\b|long hours|\b9 ?(?:to|-) ?5\b|flexib\w+ (?:hours|schedule)|\bschedule\b|\bworkload\b|"
        r"night shifts?|\bshifts\b",
    ),
    (
        "automation",
        "AI and automation",
        r"\bai\b|artificial intelligence|\bautomat\w*|\brobots?\b|chat ?gpt|replaced by|"
        r"\breplace (?:hr|them|us|it|those|these|the)\b|take (?:over )?(?:those|these|their|our|hr) jobs|"
        r"\bobsolete\b|future[- ]proof|\bsoftware (?:replace|take)|computers? (?:replace|take)",
    ),
    (
        "company_pay",
        "what a particular company pays",
        r"\b(?:google|amazon|microsoft|apple|meta|facebook|netflix|tesla|walmart|costco|ibm|deloitte|"
        r"starbucks|mcdonald'?s|disney|nike|boeing|salesforce|uber|jpmorgan|goldman sachs|walgreens|cvs|"
        r"home depot|fedex|at&t|verizon|accenture|pwc|kpmg|ernst & young|bank of america|wells fargo|"
        r"faang|big tech|a startup|startups|fortune 500)\b|"
        r"\bmy (?:company|employer)\b(?=.*\b(?:pays?|paid|salary|make|earn))",
    ),
    (
        "visas",
        "visas and work permits",
        r"\bvisas?\b|\bh-?1b\b|green card|\bsponsorship\b|immigrat\w*|work permit|international students?|"
        r"\bopt\b|citizenship",
    ),
    (
        "job_listings",
        "job openings and applications",
        r"job (?:openings|postings|listings|boards?|ads)|hiring near|near me|who(?:'s| is) hiring|"
        r"where (?:can|do) i (?:find|apply|look for) (?:a |an )?(?:\w+ )?(?:job|jobs|work|openings)|\bindeed\b|"
        r"internships?\b|\bresumes?\b|cover letter|interview (?:tips|questions)",
    ),
    ("job_security", "job security and layoffs", r"job security|\blay ?offs?\b|laid off|\brecession\b"),
    (
        "perks",
        "bonuses and benefit packages",
        r"\bbonus(?:es)?\b|\b401 ?k\b|health insurance|\bperks\b|benefits? packages?|stock options",
    ),
    ("certifications", "certifications", r"certif\w*|\bshrm(?:-cp|-scp)?\b|\bhrci\b|\ba?phr\b|\bsphr\b"),
    ("forecasts", "pay forecasts", r"\bforecasts?\b|\bpredict(?:ion|ed)?s?\b"),
    (
        "school_cost",
        "what school costs and student debt",
        r"\bdebt\b|\btuition\b|student loans?|cost of (?:law |grad |graduate )?school|"
        r"how much (?:does|is) (?:law |grad |graduate )?school",
    ),
    ("bar_exam", "the bar exam", r"\bbar exam\b|\bthe bar\b"),
]
BEYOND_LABELS = {label: name for label, name, _ in BEYOND_KNOWLEDGE}
BEYOND_PATTERNS = [(label, compile_words(words)) for label, _, words in BEYOND_KNOWLEDGE]


# Years of the knowledge base: the article (2017), BLS OEWS (May 2024, May 2025) and the
# projection periods (2014-2024, 2016-2026, 2023-2033, 2024-2034). Any other year is "other_year".
KNOWN_YEARS = {2014, 2016, 2017, 2024, 2025, 2026, 2033, 2034}
YEAR = re.compile(r"(?<![\d$,.])\b(19[5-9]\d|20\d\d)\b(?!\s*(?:-|–|to)\s*(?:19|20)\d\d)(?![\d,%])")
BEYOND_LABELS["other_year"] = "figures for that year"


def known_years(text: Text) -> List[Span]:
    """Years the knowledge base has figures for ("in may 2024"), as entities of their own."""
    return [(m.start(), m.end(), m.group(1)) for m in YEAR.finditer(text) if int(m.group(1)) in KNOWN_YEARS]


def other_years(text: Text) -> List[Span]:
    """A year the knowledge base has no figures for ("in 2040", "2019 salary"); a period such
    as "2023-2033" is one the projections may cover, so it is left to them."""
    found: List[Span] = []
    for match in YEAR.finditer(text):
        if int(match.group(1)) in KNOWN_YEARS or re.search(r"(?:-|–|to)\s*$", text[: match.start()]):
            continue
        found.append((match.start(), match.end(), "other_year"))
    return found


def beyond_knowledge(text: Text) -> List[Span]:
    found = pattern_mentions(BEYOND_PATTERNS, text)
    return sorted(found + [y for y in other_years(text) if not any(y[0] < e and s < y[1] for s, e, _ in found)])


# --- job titles the knowledge base does not know ("chief of staff", "marketing manager") ----

# The last word of a job title. A title is this word and the one or two words before it that
# are not small words ("how much do marketing managers make" -> "marketing managers").
TITLE_HEADS = (
    r"managers?|directors?|specialists?|coordinators?|assistants?|officers?|analysts?|clerks?|recruiters?|"
    r"lawyers?|attorneys?|generalists?|executives?|consultants?|administrators?|representatives?|"
    r"paralegals?|accountants?|engineers?|nurses?|teachers?|developers?|designers?|supervisors?|"
    r"partners?|advisors?|advisers?|associates?|interns?|technicians?|scientists?|hygienists?|therapists?|"
    r"pharmacists?|electricians?|plumbers?|pilots?|doctors?|dentists?|chefs?|cashiers?|drivers?|mechanics?|"
    r"programmers?|architects?|psychologists?|counselors?|paramedics?|firefighters?|surgeons?|physicians?|"
    r"veterinarians?|carpenters?|welders?|bankers?|realtors?|actuar(?:y|ies)|astronauts?"
)
WHOLE_TITLES = r"chief of staff|chief \w+ officer|head of \w+|vp of \w+|vice president of \w+|c[- ]suite"
TITLE_HEAD = re.compile(rf"\b(?:{WHOLE_TITLES})\b|\b(?:{TITLE_HEADS})\b", re.IGNORECASE)
# Words that end a title on its left: "become a marketing manager", "do payroll clerks ...".
NOT_TITLE_WORDS = set(
    "a an the my our your their his her this that these those to of for as be become becoming being "
    "is are was were do does did how what which who whom whose why where when much many and or vs versus "
    "than with without about like i you we they he she it me us them make makes earn earns get paid pay "
    "pays work works working job jobs career careers role roles in on at from into between compare "
    "compared good bad best top new senior junior entry level more most less least any all some other "
    "same each every one ones kind type types sort also just only even really very so but if hi hey "
    "hello want wanna need needs should could would will can tell say know think about s "
    "replace replaced replacing hire hired hiring find finding meet ask call contact help talk sue trust prefer "
    "choose recommend consider become became like love hate".split()
)
TITLE_WORDS = 3


def title_mentions(text: Text, covered: Sequence[Tuple[int, int]] = ()) -> List[Span]:
    """(start, end, title as typed) of each job title outside the `covered` spans (the ones an
    alias matcher found): a title head and up to two words before it that are not small words.
    A head with no such word ("a manager") is no title of its own: it stays for the NLU."""
    found: List[Span] = []
    words = words_with_spans(text)
    for match in TITLE_HEAD.finditer(text):
        start, end = match.span()
        if any(start < c_end and c_start < end for c_start, c_end in covered):
            continue
        before = [w for w in words if w[2] <= start]
        title_start = start
        for word, word_start, word_end in reversed(before[-(TITLE_WORDS - 1) :]):
            if word in NOT_TITLE_WORDS or any(word_start < c_end and c_start < word_end for c_start, c_end in covered):
                break
            title_start = word_start
        is_whole_title = bool(re.fullmatch(WHOLE_TITLES, match.group(0), re.IGNORECASE))
        if title_start == start and not is_whole_title:
            continue
        found.append((title_start, end, text[title_start:end]))
    return found


def qualified_title(text: Text, span: Span) -> Optional[Span]:
    """A one-word alias with a qualifier before it is another job: "marketing executive" is
    not the HR executive, "immigration lawyer" not the labor lawyer. The title as typed, or None."""
    start, end, _ = span
    if " " in text[start:end].strip() or not re.fullmatch(TITLE_HEADS, text[start:end], re.IGNORECASE):
        return None  # "HR generalist", or a word that is no job title of its own ("payroll")
    before = [w for w in words_with_spans(text) if w[2] <= start]
    if not before or before[-1][0] in NOT_TITLE_WORDS:
        return None
    return before[-1][1], end, text[before[-1][1] : end]


def roles_and_titles(matcher: AliasMatcher, text: Text) -> Tuple[List[Span], List[Span]]:
    """The known roles a text names (matcher's spans) and the job titles it names that no alias
    covers (spans whose value is the title as typed)."""
    known: List[Span] = []
    titles: List[Span] = []
    for span in matcher.mentions(text):
        other_job = qualified_title(text, span)
        if other_job and not matcher.find(phrase_of(other_job[2])):
            titles.append(other_job)
        else:
            known.append(span)
    covered = [(start, end) for start, end, _ in known + titles]
    return known, sorted(titles + title_mentions(text, covered))


def bare_title_words(text: Text, covered: Sequence[Tuple[int, int]]) -> List[Span]:
    """(start, end, the word in the singular) of each title word that stands alone ("no, I
    meant the manager"): no role of its own, but it narrows the roles ("manager": the managers)."""
    found: List[Span] = []
    for match in re.finditer(rf"\b(?:{TITLE_HEADS})\b", text, re.IGNORECASE):
        start, end = match.span()
        if any(start < c_end and c_start < end for c_start, c_end in covered):
            continue
        before = [w for w in words_with_spans(text) if w[2] <= start]
        if before and before[-1][0] not in NOT_TITLE_WORDS:
            continue  # a title of its own ("marketing manager"): title_mentions has it
        word = match.group(0).lower()
        found.append((start, end, word[:-1] if word.endswith("s") else word))
    return found


# "the other one": the option or role not chosen last time; "both": the two roles just talked
# about; "the whole state": the state of the metro area just answered.
REFERENCES = [
    ("other", compile_words(r"\bthe other(?: one| ones| role| job| place| city| state)?\b")),
    ("both", compile_words(r"\bboth\b|\bthe two\b|\beach of them\b")),
    ("whole_state", compile_words(r"\b(?:the )?whole state\b|\bstatewide\b|\bthe (?:entire|rest of the) state\b")),
]


def references(text: Text) -> List[Span]:
    return pattern_mentions(REFERENCES, text)
