"""Places: every name of every area the wage data covers, and finding them in a text (pure).

A place is one area of the BLS OEWS area table (the nation, a state, a metropolitan or
nonmetropolitan area), named by its area code. A name may mean several areas: "Portland"
is a metro area in Oregon and one in Maine, "New York" is a state and a metro area. So a
name stands for a *place key*: the codes of every area it may mean, joined by "|", the
likeliest first (a state before a metro area of the same name). The NLU's `place` entity
has a place key as its value; the dialogue resolver asks when a key holds several metro
areas, and answers the first (saying so) when it holds a state and a metro area.

Names come from the area table (state names, metro areas by each principal city, "City,
ST" forms) and from knowledge_base/places.yml (USPS abbreviations, words for the whole
country, common names such as "NYC" or "Philly").
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Protocol, Sequence

import yaml

from careers.matching import AliasMatcher, Span, phrase_of

NATIONAL = "0000000"
# "...in narnia?": up to three words after a place preposition, at the end of the message.
UNKNOWN_PLACE = re.compile(
    r"\b(?:in|near|around|from)\s+(?P<place>[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,2})\s*[?.!]*\s*$"
)
# What comes right before a place the learned tagger may find on its own ("in Narnia", "from
# Lagos", "Texas or Narnia"); a capitalized word elsewhere ("Sir, what ...", "Hello. What is
# ...", "Thank you") is no place.
BEFORE_A_PLACE = re.compile(r"(?:\b(?:in|near|around|from|at|to|for|vs|versus|or|and|than)|,)\s*$", re.IGNORECASE)


def may_be_a_place(text: str, start: int) -> bool:
    """Whether a word the learned tagger took for a place stands where places are named."""
    return bool(BEFORE_A_PLACE.search(text[:start]))


# Words that start what follows "in" in questions that name no place.
NOT_PLACE_WORDS = frozenset(
    """the a an this that these those my your our their his her its it them there here which what
    hr human general college school high uni university grad total demand person order terms addition
    charge particular practice fact short mind detail details now today future years months office
    company companies business government tech industry field fields health healthcare retail common
    between each all both one two simple plain english words real detail comparison return case
    advance mine yours theirs usa""".split()
)
SEPARATOR = "|"
DEFAULT_NAMES_PATH = Path(__file__).resolve().parents[1] / "knowledge_base" / "places.yml"


class AreaLike(Protocol):
    code: str
    type: str  # N, S or M
    state_code: str
    name: str


def candidates(key: Optional[str]) -> List[str]:
    """The area codes a place key stands for, likeliest first."""
    return [code for code in (key or "").split(SEPARATOR) if re.fullmatch(r"\d{7}", code)]


def is_place_key(value: object) -> bool:
    return isinstance(value, str) and bool(candidates(value)) and len(candidates(value)) == value.count(SEPARATOR) + 1


def key_of(codes: Iterable[str]) -> str:
    return SEPARATOR.join(codes)


@dataclass(frozen=True)
class PlaceNames:
    """Name -> place key, for the case-insensitive names and for those written in capitals."""

    names: Dict[str, str]  # "texas", "portland", "portland, or", "nyc" (matched in any case, typos too)
    capitals: Dict[str, str]  # "TX", "Mobile": matched only as written
    area_states: Dict[str, List[str]]  # area code -> the state codes it lies in
    # Capitalised names that are also everyday words ("IN", "OK", "Reading"): a place only after
    # "in", a comma or another place name.
    everyday: FrozenSet[str] = frozenset()

    state_names: Dict[str, str] = field(default_factory=dict)  # "texas" -> its key: typos from 6 letters
    foreign: Sequence[str] = ()  # places outside the data ("Toronto", "the UK"): named back, never matched
    _matcher: AliasMatcher = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _state_matcher: AliasMatcher = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    _foreign_matcher: AliasMatcher = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        # One-word place names are typos only from 8 letters on: "reading" is not "Redding";
        # a state's name from 6 ("florda" is Florida).
        object.__setattr__(self, "_matcher", AliasMatcher(self.names, shortest_typo_word=8))
        object.__setattr__(self, "_state_matcher", AliasMatcher(self.state_names, shortest_typo_word=6))
        object.__setattr__(self, "_foreign_matcher", AliasMatcher({name: name for name in self.foreign}))

    def as_dict(self) -> Dict[str, object]:
        return {
            "names": self.names,
            "capitals": self.capitals,
            "area_states": self.area_states,
            "everyday": sorted(self.everyday),
            "state_names": self.state_names,
            "foreign": list(self.foreign),
        }

    @classmethod
    def from_dict(cls, data: Dict) -> "PlaceNames":
        return cls(
            dict(data["names"]),
            dict(data["capitals"]),
            dict(data["area_states"]),
            frozenset(data["everyday"]),
            dict(data.get("state_names", {})),
            tuple(data.get("foreign", [])),
        )

    def unknown_mentions(self, text: str, known: Sequence[Span]) -> List[Span]:
        """(start, end, the words) of a place the text seems to name that we do not know: the
        words after "in", "near" or "from" that end the message ("...make in narnia?"), unless
        they are everyday words ("in HR", "in a day", "in 2030")."""
        foreign = [
            span
            for span in self._foreign_matcher.mentions(text)
            if not any(span[0] < e and s < span[1] for s, e, _ in known)
        ]
        if foreign:
            return [(start, end, text[start:end]) for start, end, _ in foreign]
        match = UNKNOWN_PLACE.search(text)
        if not match:
            return []
        start, end = match.span("place")
        words = match.group("place").lower().split()
        if words[0] in NOT_PLACE_WORDS or any(start < e and s < end for s, e, _ in known):
            return []
        return [(start, end, match.group("place"))]

    def mentions(self, text: str) -> List[Span]:
        """(start, end, place key) of each place the text names, left to right."""
        found = list(self._matcher.mentions(text))
        for span in self._state_matcher.mentions(text):
            if not any(span[0] < other_end and other_start < span[1] for other_start, other_end, _ in found):
                found.append(span)
        for match in re.finditer(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)?\b", text):
            for candidate in (match.group(0), match.group(0).split(" ")[0]):
                start, end = match.start(), match.start() + len(candidate)
                if text[end : end + 1] == "." and candidate + "." in self.capitals:
                    candidate, end = candidate + ".", end + 1  # "D.C." at the end: the regex stops before its dot
                key = self.capitals.get(candidate)
                if key is None or any(start < other_end and other_start < end for other_start, other_end, _ in found):
                    continue
                if candidate in self.everyday and not self._after_a_place_word(text, start, found):
                    continue
                found.append((start, end, key))
                break
        return self._joined(text, sorted(found))

    @staticmethod
    def _after_a_place_word(text: str, start: int, found: Sequence[Span]) -> bool:
        before = text[:start]
        return bool(re.search(r"(?:\bin|,)\s*$", before, re.IGNORECASE)) or any(
            end <= start and not before[end:].strip(" ,") for _, end, _ in found
        )

    def _joined(self, text: str, found: List[Span]) -> List[Span]:
        """'Portland, ME': a city then its state narrow the city's areas to those of the state."""
        joined: List[Span] = []
        for start, end, key in found:
            if joined:
                previous_start, previous_end, previous_key = joined[-1]
                between = text[previous_end:start]
                narrowed = self.narrow(previous_key, key)
                if narrowed and re.fullmatch(r"\s*,?\s*", between):
                    joined[-1] = (previous_start, end, narrowed)
                    continue
            joined.append((start, end, key))
        return joined

    def narrow(self, city_key: str, state_key: str) -> Optional[str]:
        """The areas of `city_key` in the one state `state_key` names, or None."""
        states = [code for code in candidates(state_key) if code.endswith("00000") and code != NATIONAL]
        if len(states) != 1 or len(candidates(state_key)) != 1 or states[0] in candidates(city_key):
            return None
        kept = [code for code in candidates(city_key) if states[0][:2] in self.area_states.get(code, [])]
        return key_of(kept) if kept else None


def _metro_parts(name: str):
    """'Seattle-Tacoma-Bellevue, WA' -> ('Seattle-Tacoma-Bellevue', ['Seattle', 'Tacoma', 'Bellevue'], ['WA'])."""
    cities, _, states = name.rpartition(", ")
    pieces = cities.split("--") if "--" in cities else cities.split("-")
    if "--" in cities:
        # "Nashville-Davidson--Murfreesboro--Franklin": "Nashville-Davidson" and "Nashville" too.
        pieces += [part for piece in pieces if "-" in piece for part in piece.split("-")]
    names = [part.strip() for piece in pieces for part in piece.split("/") if part.strip()]
    # "Urban Honolulu, HI" (the Census name of the Honolulu area): "Honolulu" too.
    names += [name[len("Urban ") :] for name in names if name.startswith("Urban ")]
    return cities, names, [state for state in states.split("-") if state]


def place_names(areas: Iterable[AreaLike], names_config: Dict) -> PlaceNames:
    """Every name of every area, from the area table and knowledge_base/places.yml."""
    usps: Dict[str, str] = {str(code): abbreviation for code, abbreviation in names_config["usps"].items()}
    state_of_abbreviation = {abbreviation: code for code, abbreviation in usps.items()}
    everyday_words = {str(word) for word in names_config.get("everyday_word_abbreviations", [])}
    everyday_words |= {str(word) for word in names_config.get("everyday_word_cities", [])}
    # Abbreviations that are no everyday word in lower case either ("nj", "tx"): in any case.
    any_case = {str(word) for word in names_config.get("any_case_abbreviations", [])}
    by_name: Dict[str, List[str]] = {}
    capitals: Dict[str, List[str]] = {}
    state_names: Dict[str, str] = {}
    area_states: Dict[str, List[str]] = {}

    def add(table: Dict[str, List[str]], name: str, code: str) -> None:
        codes = table.setdefault(name, [])
        if code not in codes:
            codes.append(code)

    areas = list(areas)
    for area in areas:
        if area.type == "S":
            state_names[area.state_code] = area.name
            area_states[area.code] = [area.state_code]
    for area in sorted(areas, key=lambda area: "NSM".index(area.type) if area.type in "NSM" else 3):
        if area.type == "N":
            for word in names_config.get("national", []):
                add(by_name, str(word), area.code)
        elif area.type == "S":
            add(by_name, area.name, area.code)
            if area.state_code in usps:
                abbreviation = usps[area.state_code]
                add(by_name if abbreviation in any_case else capitals, abbreviation, area.code)
        elif "nonmetropolitan" in area.name:
            area_states[area.code] = [area.state_code]
            add(by_name, area.name.replace(" area", ""), area.code)
            add(by_name, area.name, area.code)
        else:
            cities, city_names, abbreviations = _metro_parts(area.name)
            area_states[area.code] = [state_of_abbreviation[a] for a in abbreviations if a in state_of_abbreviation]
            add(by_name, area.name, area.code)
            add(capitals if cities in everyday_words else by_name, cities, area.code)
            for city in city_names + [name.replace("St. ", "Saint ") for name in city_names if "St. " in name]:
                target = capitals if city in everyday_words else by_name
                add(target, city, area.code)
                for abbreviation in abbreviations:
                    add(by_name, f"{city}, {abbreviation}", area.code)
                    state_name = state_names.get(state_of_abbreviation.get(abbreviation, ""))
                    if state_name:
                        add(by_name, f"{city}, {state_name}", area.code)
    for name, code in (names_config.get("nicknames") or {}).items():
        # A nickname replaces what the area table gives the same name ("Manhattan" is New York City);
        # two-letter ones ("LA", "SF") only as written, in capitals.
        short = len(phrase_of(str(name)).replace(" ", "")) <= 2 and str(name) not in any_case
        target = capitals if short or str(name) in everyday_words else by_name
        target[str(name)] = [str(code)]
    return PlaceNames(
        names={name: key_of(codes) for name, codes in by_name.items() if phrase_of(name)},
        capitals={name: key_of(codes) for name, codes in capitals.items()},
        area_states=area_states,
        everyday=frozenset(everyday_words),
        state_names={state_names[a.state_code]: a.code for a in areas if a.type == "S" and a.state_code in state_names},
        foreign=tuple(
            str(name) for key in ("outside_the_data", "regions_not_in_the_data") for name in names_config.get(key, [])
        ),
    )


def load_place_names(areas: Iterable[AreaLike], path: Optional[Path] = None) -> PlaceNames:
    config = yaml.safe_load(Path(path or DEFAULT_NAMES_PATH).read_text(encoding="utf-8"))
    return place_names(areas, config)
