"""Reads and validates the role knowledge base, and indexes it for look-ups.

Every problem becomes a KnowledgeBaseError whose message is one line naming the
file, the role and the field, so that a broken edit is fixed in seconds. Nothing is
read at import: a process loads the file by calling `load_knowledge_base()` once.
"""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

import yaml
from pydantic import ValidationError

from careers.matching import AliasMatcher, title_phrase
from careers.schema import KnowledgeBaseFile, Role, SharedFacts, Source

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


@dataclass(frozen=True)
class KnowledgeBase:
    path: Path
    sources: Dict[str, Source]
    roles: Dict[str, Role]
    shared: SharedFacts
    alias_index: Dict[str, str]  # alias phrase -> role id
    generic_phrases: FrozenSet[str]
    role_matcher: AliasMatcher

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

    def is_generic_term(self, text: Optional[str]) -> bool:
        """True for words that mean HR in general ("HR", "someone in HR"), not one role."""
        return title_phrase(text or "") in self.generic_phrases

    def education_level_ids(self) -> List[str]:
        return [level.id for level in self.shared.education_levels]

    def source(self, key: str) -> Source:
        return self.sources[key]

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
        for name in ("article", "bls_same_year", "newer"):
            figure = getattr(group, name, None)
            if figure is not None:
                yield f"{group_name}.{name}", figure
    for name in ("newer", "experience"):
        fact = getattr(role.education, name)
        if fact is not None:
            yield f"education.{name}", fact


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
    return KnowledgeBase(
        path=path,
        sources=dict(parsed.sources),
        roles={role.id: role for role in parsed.roles},
        shared=parsed.shared,
        alias_index=alias_index,
        generic_phrases=frozenset(title_phrase(term) for term in parsed.shared.generic_terms),
        role_matcher=AliasMatcher(alias_index),
    )
