"""Reads and validates the role knowledge base, and indexes it for look-ups.

Every problem becomes a KnowledgeBaseError whose message is one line naming the
file, the role and the field, so that a broken edit is fixed in seconds. Nothing is
read at import: a process loads the file by calling `load_knowledge_base()` once.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

import yaml
from pydantic import ValidationError

from careers.matching import AliasMatcher, title_phrase
from careers.places import PlaceNames, load_place_names
from careers.schema import Certification, KnowledgeBaseFile, Role, SalaryFigure, SharedFacts, Source
from careers.wages import WageDataError, WageRow, WageTable, load_wages

# How answers name the OEWS estimates (a source of every figure read from the wage data).
WAGE_SOURCE = "bls_oews"

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "knowledge_base" / "roles.yml"
# An operator (or a test) may point the action server at another file.
PATH_VARIABLE = "HR_CAREERS_KB"


class KnowledgeBaseError(Exception):
    """The knowledge base file cannot be used; str() is the one-line reason."""

    def __init__(self, path: Path, problem: str, role: Optional[str] = None, field: Optional[str] = None):
        self.path, self.problem, self.role, self.field = path, problem, role, field
        where = [str(path)]
        if role:
            where.append(f"role '{role}'")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{': '.join(where)}: {problem}")


# Words of a title that say nothing of which role it is near ("HR consultant" is no HR role's).
TITLE_FILLER_WORDS = frozenset("hr human resource resources of and the a an & in for".split())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class KnowledgeBase:
    path: Path
    sources: Dict[str, Source]
    roles: Dict[str, Role]
    shared: SharedFacts
    alias_index: Dict[str, str]  # alias phrase -> role id
    generic_phrases: FrozenSet[str]
    role_matcher: AliasMatcher
    wages: WageTable
    places: PlaceNames
    certifications: Dict[str, Certification]

    def role(self, role_id: str) -> Role:
        return self.roles[role_id]

    def find_role(self, text: Optional[str]) -> Optional[str]:
        """The id of the role that `text` names (an id, a name or an alias), or None."""
        if not text:
            return None
        if text in self.roles:
            return text
        # An alias, its plural ("labour lawyers") or a typo of it ("HR genralist").
        return self.role_matcher.find(title_phrase(text))

    def closest_roles(self, title: str, limit: int = 3) -> List[str]:
        """The covered roles nearest to a title they do not cover, by the words of their aliases:
        a shared qualifier ("payroll" of "payroll manager") counts more than the title word
        ("manager"). Empty when no word is shared ("astronaut")."""
        words = [_singular(word) for word in title_phrase(title).split() if word not in TITLE_FILLER_WORDS]
        if not words:
            return []
        head, qualifiers = words[-1], set(words[:-1])
        scores = {}
        for role_id in self.roles:
            alias_words = {
                _singular(word) for alias, role in self.alias_index.items() if role == role_id for word in alias.split()
            }
            score = 2 * len(qualifiers & alias_words) + (head in alias_words)
            if score:
                scores[role_id] = score
        return sorted(scores, key=lambda role_id: -scores[role_id])[:limit]

    def is_generic_term(self, text: Optional[str]) -> bool:
        """True for words that mean HR in general ("HR", "someone in HR"), not one role."""
        return title_phrase(text or "") in self.generic_phrases

    def wage_row(self, role_id: str, area_code: str) -> Optional[WageRow]:
        """The OEWS estimates of a role's occupation in an area, or None (no occupation, no row)."""
        occupation = self.roles[role_id].occupation
        return self.wages.row(occupation.soc, area_code) if occupation else None

    def newest_salary(self, role_id: str) -> Optional[SalaryFigure]:
        """The newest national median of a role: the OEWS estimate, else the newest in the knowledge base."""
        row = self.wage_row(role_id, self.wages.national.code)
        if row is not None and row.annual_median.value is not None:
            return SalaryFigure(
                value=int(row.annual_median.value),
                year=self.wages.provenance.release,
                occupation=self.occupation_label(role_id),
                source=WAGE_SOURCE,
            )
        salary = self.roles[role_id].salary
        return (salary.newer or salary.article) if salary else None

    def salary_years(self, role_id: str) -> FrozenSet[int]:
        """The years a role has a median salary for: the wage data's and the knowledge base's."""
        salary = self.roles[role_id].salary
        figures = [salary.article, salary.bls_same_year, salary.newer] if salary else []
        years = {int(self.wages.provenance.data_year)} if self.wage_row(role_id, self.wages.national.code) else set()
        return frozenset(years | {int(y) for f in figures if f for y in re.findall(r"\b(?:19|20)\d\d\b", f.year)})

    def national_employment(self, role_id: str) -> Optional[float]:
        """The role's occupation's jobs in the U.S. (OEWS), or None."""
        row = self.wage_row(role_id, self.wages.national.code)
        return row.employment.value if row else None

    def occupation_label(self, role_id: str) -> str:
        """The BLS occupation a role's wage figures are for, in words ("human resources managers")."""
        occupation = self.roles[role_id].occupation
        if occupation is None:
            return self.roles[role_id].name + "s"
        name = (self.wages.occupation_name(occupation.soc) or occupation.soc).lower()
        return occupation.note or name

    def education_level_ids(self) -> List[str]:
        return [level.id for level in self.shared.education_levels]

    def source(self, key: str) -> Source:
        return self.sources[key]

    def certification_names(self) -> Dict[str, List[str]]:
        """Each certification's names: "CCP or CBP" is two, and its full name one more."""
        return {
            key: [*certification.name.split(" or "), certification.full_name]
            for key, certification in self.certifications.items()
        }

    def roles_listing(self, certification_id: str) -> List[str]:
        """The roles whose path names the certification."""
        return [role.id for role in self.roles.values() if role.path and certification_id in role.path.certifications]

    def role_certifications(self, role_id: str) -> List[Certification]:
        """The role's certifications, the one to take first first."""
        path = self.roles[role_id].path
        return [self.certifications[key] for key in path.certifications] if path else []

    @property
    def main_roles(self) -> Tuple[str, str]:
        first, second = self.shared.main_roles
        return first, second

    def counterpart(self, role_id: str) -> str:
        """The role to compare with when the user names only one: the other main role, or
        for a related career, the main role it is related to."""
        first, second = self.main_roles
        if role_id in (first, second):
            return second if role_id == first else first
        related = self.roles[role_id].related
        return related[0].role if related else first


def _role_of(raw: Any, location: Tuple) -> Optional[str]:
    if len(location) >= 2 and location[0] == "roles" and isinstance(location[1], int):
        try:
            return str(raw["roles"][location[1]].get("id") or f"#{location[1] + 1}")
        except (KeyError, IndexError, TypeError, AttributeError):
            return f"#{location[1] + 1}"
    return None


def _field_of(location: Tuple) -> str:
    if len(location) >= 2 and location[0] == "roles" and isinstance(location[1], int):
        location = location[2:]
    parts: List[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]" if parts else f"[{part}]"]
        elif part != "__root__":
            parts.append(str(part))
    return ".".join(parts) or "(top level)"


def _cross_check(path: Path, parsed: KnowledgeBaseFile) -> Dict[str, str]:
    """Checks that need the whole file: unique ids and aliases, existing references."""
    role_ids = set()
    for role in parsed.roles:
        if role.id in role_ids:
            raise KnowledgeBaseError(path, "duplicate role id", role.id, "id")
        role_ids.add(role.id)

    alias_index: Dict[str, str] = {}
    for role in parsed.roles:
        for position, alias in enumerate([role.id, role.name, *role.aliases]):
            phrase = title_phrase(alias.replace("_", " "))
            owner = alias_index.get(phrase)
            if owner is not None and owner != role.id:
                field = "name" if position == 1 else f"aliases[{position - 2}]" if position > 1 else "id"
                raise KnowledgeBaseError(path, f"alias '{alias}' already belongs to role '{owner}'", role.id, field)
            alias_index[phrase] = role.id

    for role in parsed.roles:
        for index, related in enumerate(role.related):
            if related.role not in role_ids:
                raise KnowledgeBaseError(
                    path, f"unknown related role '{related.role}'", role.id, f"related[{index}].role"
                )
        for field, figure in _figures(role):
            if figure.source not in parsed.sources:
                raise KnowledgeBaseError(path, f"unknown source '{figure.source}'", role.id, f"{field}.source")
        for index, certification in enumerate(role.path.certifications if role.path else []):
            if certification not in parsed.certifications:
                raise KnowledgeBaseError(
                    path, f"unknown certification '{certification}'", role.id, f"path.certifications[{index}]"
                )

    for key, certification in parsed.certifications.items():
        if certification.source not in parsed.sources:
            raise KnowledgeBaseError(
                path, f"unknown source '{certification.source}'", None, f"certifications.{key}.source"
            )

    for index, term in enumerate(parsed.shared.generic_terms):
        owner = alias_index.get(title_phrase(term))
        if owner is not None:
            raise KnowledgeBaseError(
                path,
                f"'{term}' is an alias of role '{owner}', not a generic term",
                None,
                f"shared.generic_terms[{index}]",
            )

    for index, role_id in enumerate(parsed.shared.main_roles):
        if role_id not in role_ids:
            raise KnowledgeBaseError(path, f"unknown role '{role_id}'", None, f"shared.main_roles[{index}]")
    return alias_index


def _figures(role: Role) -> Iterable[Tuple[str, Any]]:
    for group_name in ("salary", "growth"):
        group = getattr(role, group_name)
        if group is None:
            continue
        for name in ("article", "bls_same_year", "newer", "ended"):
            figure = getattr(group, name, None)
            if figure is not None:
                yield f"{group_name}.{name}", figure
    for name in ("newer", "experience"):
        fact = getattr(role.education, name)
        if fact is not None:
            yield f"education.{name}", fact
    for name in ("training", "advanced_degree", "licence"):
        fact = getattr(role.path, name) if role.path else None
        if fact is not None:
            yield f"path.{name}", fact


def load_knowledge_base(path: Optional[Path] = None) -> KnowledgeBase:
    """Reads, validates and indexes the knowledge base at `path` (default: the project's)."""
    path = Path(path or os.environ.get(PATH_VARIABLE) or DEFAULT_PATH)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise KnowledgeBaseError(path, f"not UTF-8 text (byte {error.start})") from error
    except OSError as error:
        raise KnowledgeBaseError(path, f"cannot read the file ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise KnowledgeBaseError(path, f"YAML syntax error{line}: {problem}") from error
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(path, "the file must hold a mapping with 'sources', 'roles' and 'shared'")

    try:
        parsed = KnowledgeBaseFile.parse_obj(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        raise KnowledgeBaseError(path, first["msg"], _role_of(raw, location), _field_of(location)) from error

    alias_index = _cross_check(path, parsed)
    wages = _wages(path, parsed)
    return KnowledgeBase(
        path=path,
        sources=dict(parsed.sources),
        roles={role.id: role for role in parsed.roles},
        shared=parsed.shared,
        alias_index=alias_index,
        generic_phrases=frozenset(title_phrase(term) for term in parsed.shared.generic_terms),
        role_matcher=AliasMatcher(alias_index),
        wages=wages,
        places=load_place_names(wages.areas.values(), path.parent / parsed.place_names),
        certifications=dict(parsed.certifications),
    )


def _wages(path: Path, parsed: KnowledgeBaseFile) -> WageTable:
    """The wage data the knowledge base names, checked against the roles' occupations."""
    try:
        wages = load_wages(path.parent / parsed.wage_data)
    except WageDataError as error:
        raise KnowledgeBaseError(error.path, f"{error.where}: {error.problem}") from error
    for role in parsed.roles:
        if role.occupation and wages.occupation_name(role.occupation.soc) is None:
            raise KnowledgeBaseError(path, f"no wage data for SOC {role.occupation.soc}", role.id, "occupation.soc")
        if role.salary is None and role.occupation is None:
            raise KnowledgeBaseError(path, "needs a 'salary' or an 'occupation' with wage data", role.id, "salary")
    if WAGE_SOURCE not in parsed.sources:
        raise KnowledgeBaseError(path, f"needs the source '{WAGE_SOURCE}' of the wage data", None, "sources")
    return wages
