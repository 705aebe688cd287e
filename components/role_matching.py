"""Finding the roles a text names in a table of aliases, typos included (pure: no Rasa).

Used by the NLU component in role_mentions.py, and by the action server's knowledge base
for the same idea of a typo ("HR genralist" is the generalist, "IT manager" is not the
T&D manager).
"""
import difflib
import re
from functools import lru_cache
from typing import Dict, List, Optional, Text, Tuple

WORD = re.compile(r"[\w&]+")
# A typo must be this close to an alias, and each of its words to the alias's words:
# "HR genralist" is the generalist, "IT manager" is not the T&D manager.
TYPO_CUTOFF = 0.85
WORD_CUTOFF = 0.75
# Single words shorter than this are matched exactly only ("layer" is not "lawyer").
SHORTEST_TYPO_WORD = 7


def words_with_spans(text: Text) -> List[Tuple[Text, int, int]]:
    return [(match.group(0).lower(), match.start(), match.end()) for match in WORD.finditer(text)]


def phrase_of(text: Text) -> Text:
    """The words of an alias or a piece of text, lower-cased: 'HR-Exec!' -> 'hr exec'."""
    return " ".join(word for word, _, _ in words_with_spans(text))


def each_word_alike(typed: Text, alias: Text) -> bool:
    """Word by word, a typo and its alias are close: "IT manager" shares "manager" with
    "T&D manager" but is another job, while "HR generalst" is a typo of "HR generalist"."""
    typed_words, alias_words = typed.split(), alias.split()
    return len(typed_words) == len(alias_words) and all(
        difflib.SequenceMatcher(None, a, b).ratio() >= WORD_CUTOFF for a, b in zip(typed_words, alias_words)
    )


class RoleMatcher:
    """Role mentions in a text, from a table of alias phrase -> role id (pure)."""

    def __init__(self, aliases: Dict[Text, Text]) -> None:
        self.aliases = aliases
        self.longest = max((len(alias.split()) for alias in aliases), default=0)
        # A typo has as many words as its alias (each_word_alike), so each phrase is compared
        # with the aliases of its length only; and the same phrases come back in message
        # after message ("how much do", "do they make"), so each is looked at once.
        self._by_words: Dict[int, List[Text]] = {}
        for alias in aliases:
            self._by_words.setdefault(len(alias.split()), []).append(alias)
        self.close = lru_cache(maxsize=50_000)(self._close)  # type: ignore[assignment]

    def exact(self, phrase: Text) -> Optional[Text]:
        if phrase in self.aliases:
            return self.aliases[phrase]
        if phrase.endswith("s") and phrase[:-1] in self.aliases:  # "labour lawyers"
            return self.aliases[phrase[:-1]]
        return None

    def _close(self, phrase: Text) -> Optional[Text]:
        """The role whose alias `phrase` is a typo of, or None."""
        if " " not in phrase and len(phrase) < SHORTEST_TYPO_WORD:
            return None
        candidates = self._by_words.get(phrase.count(" ") + 1, [])
        for candidate in difflib.get_close_matches(phrase, candidates, n=3, cutoff=TYPO_CUTOFF):
            if each_word_alike(phrase, candidate):
                return self.aliases[candidate]
        return None

    def mentions(self, text: Text) -> List[Tuple[int, int, Text]]:
        """(start, end, role id) of each mention, left to right; the longest alias wins."""
        words = words_with_spans(text)
        found: List[Tuple[int, int, Text]] = []
        taken = [False] * len(words)
        for match in (self.exact, self.close):  # every exact alias first, then typos between them
            start = 0
            while start < len(words):
                for size in range(min(self.longest, len(words) - start), 0, -1):
                    if any(taken[start:start + size]):
                        continue
                    role = match(" ".join(word for word, _, _ in words[start:start + size]))
                    if role:
                        found.append((words[start][1], words[start + size - 1][2], role))
                        taken[start:start + size] = [True] * size
                        start += size - 1
                        break
                start += 1
        return sorted(found)
