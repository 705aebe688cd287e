"""What the knowledge base does not cover, found in a text (pure): subjects no source covers
("is HR stressful?", "what does Google pay?", a year without figures) and job titles no alias
covers ("chief of staff", "marketing executive"). The NLU components make entities of them;
the dialogue resolver names them back instead of answering something else (issue 13).
"""

import re
from typing import List, Optional, Sequence, Text, Tuple

from careers import topics
from careers.matching import AliasMatcher, Span, compile_words, pattern_mentions, phrase_of, words_with_spans

# --- what the sources do not cover ("is HR stressful?", "will AI replace HR?") -------------

# Subjects people ask about that no source of the knowledge base covers: answered with an
# honest "I don't know", never with an answer about something else. (label, what it is
# called in a reply, words.)
BEYOND_KNOWLEDGE = [
    (
        "remote_work",
        "remote work",
        r"\bremote(?:ly)?\b|\bfrom (?:home|anywhere)\b|\bwfh\b|\bhybrid\b|tele(?:work|commut)\w*|"
        r"home office|in (?:the )?office every day",
    ),
    (
        "pay_reasons",
        "the reasons pay differs",
        r"\b(?:why|how come)\b(?=[^.?!]*\b(?:more|less|higher|lower|so much|so little)\b)",
    ),
    (
        "experience_credit",
        "whether a particular background counts as experience",
        # (not "I'm a veteran in Virginia, what do HR managers make there?": that says who asks)
        r"\bmilitary (?:time|service|experience|background)|(?<!i'm a )(?<!im a )(?<!i am a )(?<!as a )\bveterans?\b|"
        r"count(?:s)? (?:as|towards?) (?:\w+ )?experience",
    ),
    (
        "future_pay",
        "pay in the future",
        r"\b(?:in|within) (?:like |about )?(?:\d+|a few|a couple(?: of)?|two|three|five|ten|twenty) "
        r"(?:more )?(?:years|yrs)\b|\bfuture (?:pay|salar\w*|wages?)\b",
    ),
    (
        "pay_extras",
        "bonuses, commissions, stock and retirement benefits",
        r"\bbonus(?:es)?\b|\bcommissions?\b|stock options|\bequity\b|\b401\s?\(?k\)?|\bpensions?\b|"
        r"retirement (?:plan|benefits|package)|benefits package|health (?:insurance|benefits)|\bperks\b",
    ),
    ("cost_of_living", "the cost of living", r"cost of living|purchasing power|\bafford(?:able|ability)?\b|\brent\b"),
    (
        "hiring_difficulty",
        "how hard it is to get hired",
        r"\bhard (?:is it )?to (?:get|find|land|break into)\b|how competitive|\beasy to (?:get|find|land)\b|"
        r"\bchances? (?:of|to) (?:get(?:ting)? hired|landing)\b",
    ),
    # An HR certification the sources do not describe: named back, never answered with the
    # certifications of the role in focus ("is the aphr worth it?").
    ("unsourced_certification", "the aPHR certification", r"\baphr\b"),
    # ("what kind of personality fits?" asks for the qualities a role needs: its skills)
    ("personality", "which personalities suit the work", r"\bintroverts?\b|\bextroverts?\b"),
    (
        "job_feelings",
        "how people like the work",
        r"\bhapp(?:y|ier|iest|iness)\b|\bfun\b|\benjoy\w*|\bboring\b|\bsatisf(?:ied|ying|action)\b|\brespected\b|"
        r"\bfulfill\w*|\brewarding\b|\bmeaningful\b|\blonely\b|\bprestig\w*|\blike (?:their|the) jobs?\b",
    ),
    (
        "difficulty",
        "how hard the work is",
        r"\beas(?:y|ier|iest)\b(?! to (?:get|find|land))|\bharder\b|\bhardest\b|\bdifficult\w*|\btough(?:er|est)?\b|"
        r"\bhow hard (?:is|are|was)\b|\bpass(?:ing)? rates?\b|"
        r"\b(?:is|are) (?:it|that|this|they|the [\w-]+(?: exam| test)?) (?:really |very |too |so )?hard\b",
    ),
    (
        "unemployment",
        "unemployment rates",
        r"\bunemploy\w*|\bjobless\b|\blay-?offs?\b|\blaid off\b",
    ),
    (
        "school_subjects",
        "which school subjects or grades you need",
        r"\bgood at (?:math|maths|numbers|science|english|writing|stats|statistics)\b|\b(?:need|require)s? (?:a lot of )?"
        r"(?:math|maths|calculus|statistics|stats)\b|\bmy (?:gpa|grades)\b|\bwhat (?:gpa|grades)\b",
    ),
    (
        "dress_code",
        "what people wear at work",
        r"\bdress code\b|\bwhat (?:do|does|should|to) (?:\w+ ){0,4}wear\b|\bdress(?: up)? for\b",
    ),
    (
        "age",
        "age limits and the age of the workers",
        r"\btoo old\b|\btoo young\b|\bhow old\b|\bage (?:limit|requirement)s?\b|\bretirement age\b|"
        r"\bminimum age\b|\baverage age\b|\bat my age\b|\bin my (?:30|40|50|60)s\b",
    ),
    (
        "demographics",
        "who works in these jobs (gender, diversity)",
        r"\bpercent(?:age)? of (?:\w+ ){0,3}(?:are|is)\b|\bmostly (?:women|men|female|male)\b|\b(?:male|female)[- ]dominated\b|"
        r"\bdiversity\b|\bhow many (?:\w+ ){0,3}are (?:women|men|female|male)\b",
    ),
    (
        "tools",
        "the software and tools used at work",
        r"\bexcel\b|\bsoftware\b|\bworkday\b|\bhris\b(?! analyst)|\bspreadsheets?\b|\bwhat (?:tools|apps) (?:do|does)\b",
    ),
    (
        "legal_risk",
        "legal risks for the workers themselves",
        r"\b(?:be|get|getting|been) sued\b|\bpersonally liable\b",
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
        r"dell|oracle|intel|cisco|adobe|nvidia|kroger|lowe'?s|pepsico|coca[- ]cola|citibank|"
        r"linkedin|samsung|toyota|general motors|ford|"
        r"faang|big tech|a startup|startups|fortune 500)\b|"
        r"\b(?:my|his|her|their|our|your) (?:company|employer|hospital|firm|office|workplace|school|boss)\b"
        r"(?=.*\b(?:pays?|paid|salary|make|earn))",
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
        r"job (?:openings(?![^.?!]*\b(?:(?:a|per|each|every) year|annually|yearly)\b)|postings|listings|boards?|ads)|hiring near|(?:jobs?|openings|hiring) near me|who(?:'s| is) hiring|"
        r"where (?:can|do) i (?:find|apply|look for) (?:a |an )?(?:\w+ )?(?:job|jobs|work|openings)|\bindeed\b|"
        r"internships?\b|\bresumes?\b|cover letter|interview (?:tips|questions)",
    ),
    (
        "job_security",
        "job security and layoffs",
        r"job security|\blay ?offs?\b|laid off|\brecession\b|\b(?:get|getting|be|been) fired\b|\bturnover\b",
    ),
    ("forecasts", "pay forecasts", r"\bforecasts?\b|\bpredict(?:ion|ed)?s?\b"),
    (
        "school_cost",
        "what school costs, scholarships and student debt",
        r"\bdebt\b|\btuition\b|student loans?|\bscholarships?\b|financial aid|cost of (?:law |grad |graduate )?school|"
        r"how much (?:does|is) (?:law |grad |graduate )?school",
    ),
    (
        "law_school",
        "how long law school takes and how to get in",
        r"\bhow (?:long|many (?:years?|yrs))\b[^.?!]*\blaw school\b|\blaw school\b[^.?!]*\bhow (?:long|many)\b|"
        r"\b(?:years?|yrs) (?:of|in|is) law school\b|\blength of law school\b|"
        r"\blsat\b|law school admissions?",
    ),
    (
        "school_rankings",
        "which schools are best",
        r"\b(?:best|top|good|greatest|ranked|rankings? of)\s+(?:\w+\s+)?(?:colleges?|schools?|universit(?:y|ies)|unis?)\b"
        r"(?=[^.?!]*\b(?:hr|human resources|for|in|to)\b)",
    ),
    # Pay by industry, experience, degree or who earns it: the wage data (OEWS) is by
    # occupation and place only, so "in healthcare" or "with 10 years' experience" is a
    # qualifier it cannot honour.
    (
        "industry_pay",
        "pay in a particular industry or sector",
        r"\b(?:in|at|for) (?:the )?(?:tech|technology|healthcare|health care|hospitals?|a hospital|"
        r"(?:the )?(?:federal |state |local )?government|nonprofits?|non-profits?|a nonprofit|finance|banking|"
        r"a bank|manufacturing|retail|oil(?: and gas)?|energy|construction|consulting|hospitality|"
        r"the military|a law firm|law firms|a university|universities|a small (?:business|company)|"
        r"small businesses|a (?:big|large|small) (?:company|corporation|firm)|big (?:companies|firms)|corporate(?! training))\b(?: (?:industry|sector))?"
        r"|\b(?:industry|sector|public[- ]sector|private[- ]sector|government|federal)\b",
    ),
    (
        "experience_pay",
        "pay by years of experience",
        r"(?:with|after|having) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many) "
        r"(?:\+ )?years?\b|\bmid[- ]career\b|\bsenior[- ]level\b|\b(?:senior|sr\.?) (?=hr\b|human\b|\w+ (?:generalist|manager|"
        r"specialist|recruiter|clerk|assistant))",
    ),
    (
        "after_tax",
        "pay after taxes",
        r"\btake[- ]home\b|\bafter (?:taxes|tax|deductions)\b|\bnet (?:pay|salary|income)\b",
    ),
    (
        "pay_period",
        "pay per month or per week",
        r"\b(?:a|per|each|every) (?:month|week)\b|\bmonthly\b|\bweekly\b|\bbi-?weekly\b|\bpaycheck\b",
    ),
    (
        "degree_pay",
        "pay by degree",
        r"\bwith (?:a |an |my )?(?:master'?s|mba|phd|doctorate|bachelor'?s|associate'?s|degree|law degree|jd)\b|"
        r"\b(?:master'?s|mba|degree) (?:pay|raise|bump|premium)\b",
    ),
    (
        "pay_gap",
        "pay gaps between groups of people",
        r"\bpay gap\b|\bgender\b|\b(?:women|woman|female|men|male|minorities)\b",
    ),
    (
        "part_time",
        "part-time and freelance work",
        r"\bpart[- ]time\b|\bfreelanc\w*|\bside (?:hustle|gig)\b|\bgig work\b",
    ),
]
# Subjects that are beyond the knowledge only in a question about pay ("what do HR managers
# make in healthcare?", but not "what does an HR manager do in healthcare?").
PAY_QUALIFIERS = {"industry_pay", "experience_pay", "degree_pay", "pay_gap", "future_pay", "after_tax", "pay_period"}
# Subjects that are questions of their own, not qualifiers of a figure: beside them, a question
# the sources do answer is answered ("is it an easy switch? what's the pay?"). A qualifier of
# pay ("in healthcare", "at Google", "bonuses") changes which figure is asked: no figure then.
# Of those, subjects that never change what a projection says: "will payroll clerks exist in 10
# years with all the software?" gets the projection, and "I don't know" on the software.
BESIDE_THE_OUTLOOK = {"automation", "tools"}
SEPARATE_QUESTIONS = {
    "remote_work",
    "stress",
    "job_feelings",
    "difficulty",
    "personality",
    "age",
    "demographics",
    "tools",
    "hiring_difficulty",
    "work_life_balance",
    "automation",
    "visas",
    "job_security",
    "dress_code",
    "legal_risk",
    "job_listings",
    "school_rankings",
    "law_school",
    "school_cost",
    "unemployment",
    "school_subjects",
    "part_time",  # "I'm retired and want part-time work. What does an HR assistant do?"
    "experience_credit",
}
# Labels of the subjects, and of a year without figures (found by other_years, not by words).
BEYOND_LABELS = {**{label: name for label, name, _ in BEYOND_KNOWLEDGE}, "other_year": "figures for that year"}
BEYOND_PATTERNS = [(label, compile_words(words)) for label, _, words in BEYOND_KNOWLEDGE]


# Years of the knowledge base: the article (2017), BLS (May 2023 for lawyers, May 2024, May
# 2025), the projection periods (2014-2024, 2016-2026, 2023-2033, 2024-2034) and their job
# counts (2020, 2023). Any other year
# is "other_year"; which role has a salary for which year, the dialogue resolver checks.
KNOWN_YEARS = {2014, 2016, 2017, 2020, 2023, 2024, 2025, 2026, 2033, 2034}
YEAR = re.compile(r"(?<![\d$,.])\b(19[5-9]\d|20\d\d)\b(?!\s*(?:-|–|to)\s*(?:19|20)\d\d)(?![\d,%])")


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
    if not topics.topic("salary").words.search(text):  # the words of a pay question
        # ("take-home pay" and "per month?" are pay by themselves)
        found = [span for span in found if span[2] not in PAY_QUALIFIERS or span[2] in ("after_tax", "pay_period")]
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
    r"veterinarians?|carpenters?|welders?|bankers?|realtors?|actuar(?:y|ies)|astronauts?|coach(?:es)?|trainers?|"
    r"producers?|editors?|secretar(?:y|ies)|writers?|agents?|brokers?|auditors?|buyers?|planners?|strategists?|"
    r"instructors?|professors?|tutors?|ombuds(?:m[ae]n|persons?|people)?|mediators?|arbitrators?|investigators?|"
    r"liaisons?|negotiators?|facilitators?"
)
WHOLE_TITLES = r"chief of staff|chief \w+ officer|head of \w+|vp of \w+|vice president of \w+|c[- ]suite|c[efotim]o"
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
    "choose recommend consider become became like love hate says said say tell tells told think thinks "
    "thought hear heard mean meant asked guess bet believe believes reckon claims sir maam ma'am not "
    # words of a topic: "job growth lawyers vs hr managers" names no "growth lawyer"
    "growth outlook salary salaries wage wages income education degree duties skills median hourly average".split()
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
        room = TITLE_WORDS - 1  # words before the head
        for word, word_start, word_end in reversed(before):
            if room == 0:
                break
            if word in ("and", "&") and title_start < start and _joins_a_title(words, word_start, covered):
                title_start, room = word_start, room + 1  # "diversity and inclusion manager"
                continue
            room -= 1
            if (
                word in NOT_TITLE_WORDS
                or word.isdigit()  # "the 2017 generalist salary": a year, no part of a title
                or any(word_start < c_end and c_start < word_end for c_start, c_end in covered)
            ):
                break
            title_start = word_start
        is_whole_title = bool(re.fullmatch(WHOLE_TITLES, match.group(0), re.IGNORECASE))
        if title_start == start and not is_whole_title:
            continue
        found.append((title_start, end, text[title_start:end]))
    return found


def _joins_a_title(words: List[Tuple[Text, int, int]], at: int, covered: Sequence[Tuple[int, int]]) -> bool:
    """Whether the "and" at `at` joins two words of one title: the word before it is no small
    word, no title word and no known role ("hr managers and generalists" are two)."""
    before = [w for w in words if w[2] <= at]
    if not before:
        return False
    word, start, end = before[-1]
    return not (
        word in NOT_TITLE_WORDS
        or TITLE_HEAD.fullmatch(word)
        or any(start < c_end and c_start < end for c_start, c_end in covered)
    )


def qualified_title(text: Text, span: Span) -> Optional[Span]:
    """A one-word alias with a qualifier before it is another job: "marketing executive" is
    not the HR executive, "immigration lawyer" not the labor lawyer. The title as typed, or None."""
    start, end, _ = span
    if " " in text[start:end].strip() or not re.fullmatch(TITLE_HEADS, text[start:end], re.IGNORECASE):
        return None  # "HR generalist", or a word that is no job title of its own ("payroll")
    before = [w for w in words_with_spans(text) if w[2] <= start]
    if not before or before[-1][0] in NOT_TITLE_WORDS or text[before[-1][2] : start] != " ":
        return None  # "hr managers, generalists": a list, no qualifier
    if before[-1][0].isdigit():
        return None  # "the 2017 generalist salary": a year, no qualifier
    return before[-1][1], end, text[before[-1][1] : end]


def title_on_the_right(text: Text, span: Span) -> Optional[Span]:
    """An alias followed right away by a title word is another job: "executive assistant" is
    not the HR executive, "payroll manager" not the payroll clerk. The title as typed, or None."""
    start, end, _ = span
    after = re.match(rf" ((?:{TITLE_HEADS}))\b", text[end:], re.IGNORECASE)
    if not after:
        return None
    return start, end + after.end(), text[start : end + after.end()]


def _another_job_on_the_right(matcher: AliasMatcher, text: Text, span: Span) -> Optional[Span]:
    """title_on_the_right, unless the role is one of that title ("comp and benefits manager"
    is the compensation and benefits manager, whose aliases end with "manager"). A one-word
    alias says too little for that: "executive director" is not the HR director."""
    title = title_on_the_right(text, span)
    if title is None:
        return None
    if " " not in text[span[0] : span[1]].strip():
        return title
    head = title[2].split()[-1].lower().rstrip("s")
    role_heads = {alias.split()[-1].rstrip("s") for alias, role in matcher.aliases.items() if role == span[2]}
    return None if head in role_heads else title


def roles_and_titles(matcher: AliasMatcher, text: Text) -> Tuple[List[Span], List[Span]]:
    """The known roles a text names (matcher's spans) and the job titles it names that no alias
    covers (spans whose value is the title as typed)."""
    known: List[Span] = []
    titles: List[Span] = []
    for span in matcher.mentions(text):
        other_job = qualified_title(text, span) or _another_job_on_the_right(matcher, text, span)
        if other_job and not matcher.find(phrase_of(other_job[2])):
            titles.append(other_job)
        else:
            known.append(span)
    covered = [(start, end) for start, end, _ in known + titles]
    return known, sorted(set(titles + title_mentions(text, covered)))


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
