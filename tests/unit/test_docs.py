"""The documentation points at things that exist: README.md and every docs/**/*.md.

Checked in each document, outside fenced code blocks (which hold command lines and
diagrams):
- every relative Markdown link or image, `[text](target)`, must name a file or folder of the
  repository, resolved from the document's folder; its `#anchor`, if any, must be the slug of
  a heading of the target (GitHub's rules: lower case, punctuation dropped, spaces to hyphens,
  `-1`, `-2`, ... for repeated headings);
- every backticked span that looks like a repository path (one word with a `/` in it, or
  ending in a known file extension) must exist, from the repository root (or, for a bare
  file name, from the document's folder).

Not paths, and skipped: URLs, absolute paths (`/chat/`, `/usr/bin/chromium`), globs,
command lines and anything with a space, `name:tag` and `KEY=value` words, paths that
climb out of the repository (`../shared/...`), and paths that .gitignore lists, which
`make` targets create (`models/`, `node_modules/...`, `conversations/conversations.db`).
"""

import fnmatch
import re
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

PROJECT = Path(__file__).resolve().parents[2]

FILE_EXTENSIONS = (
    ".py", ".yml", ".yaml", ".md", ".sh", ".txt", ".json", ".png", ".js", ".css", ".html",
    ".toml", ".ini", ".cfg", ".db", ".gz",
)  # fmt: skip

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)((?:(?!\n[ \t]*\n)[^`])+?)\1")
# [text](target) and ![alt](target), with an optional "title"; text may hold `code`.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
NOT_A_PATH = re.compile(r"[\s*?\[\]{}<>()$|=:@#,;'\"\\]")


def documents() -> List[Path]:
    return [PROJECT / "README.md"] + sorted((PROJECT / "docs").rglob("*.md"))


def prose(text: str) -> str:
    """The text with the lines of fenced code blocks (fences included) emptied: lines keep their numbers."""
    lines = []
    fence: Optional[str] = None
    for line in text.splitlines():
        match = FENCE.match(line)
        if match and fence is None:
            fence = match.group(1)
            line = ""
        elif match and match.group(1) == fence:
            fence = None
            line = ""
        elif fence is not None:
            line = ""
        lines.append(line)
    return "\n".join(lines)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def code_spans(text: str) -> Iterator[Tuple[int, str]]:
    """(line number, content) of each `code span`; a span may wrap, but not across a blank line."""
    for match in INLINE_CODE.finditer(text):
        yield line_of(text, match.start()), " ".join(match.group(2).split())


def slug(heading: str) -> str:
    """GitHub's anchor for a heading's text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> List[str]:
    seen: Dict[str, int] = {}
    result = []
    for line in prose(path.read_text(encoding="utf-8")).splitlines():
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.append(base if count == 0 else f"{base}-{count}")
    return result


def ignored_patterns(root: Path) -> List[str]:
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        return []
    lines = gitignore.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith(("#", "!"))]


def git_ignores(relative: str, patterns: List[str]) -> bool:
    """Whether .gitignore (its simple patterns: names, folders, globs) covers the path."""
    parts = relative.strip("/").split("/")
    for pattern in patterns:
        anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
        pattern = pattern.strip("/")
        if anchored:
            if fnmatch.fnmatch("/".join(parts), pattern) or "/".join(parts).startswith(pattern + "/"):
                return True
        elif any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


def inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def looks_like_path(span: str) -> bool:
    if not span or NOT_A_PATH.search(span) or SCHEME.match(span):
        return False
    if span.startswith(("/", "~", "-")):
        return False
    return "/" in span or span.lower().endswith(FILE_EXTENSIONS)


def broken_links(document: Path, root: Path = PROJECT) -> List[str]:
    """'line N: target: why' for each relative link whose file or anchor does not exist."""
    text = prose(document.read_text(encoding="utf-8"))
    # Code spans may look like links ("`[x](y)`"): blank them, keeping the offsets.
    code_free = INLINE_CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    targets = [(line_of(text, m.start(1)), m.group(1)) for m in LINK.finditer(code_free)]
    for number, line in enumerate(code_free.splitlines(), start=1):
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            targets.append((number, definition.group(1)))
    problems = []
    for number, target in targets:
        if not target or SCHEME.match(target) or target.startswith("//"):
            continue
        path_part, _, anchor = target.partition("#")
        resolved = (document.parent / path_part) if path_part else document
        if not resolved.exists() or not inside(root, resolved):
            problems.append(f"line {number}: {target}: no such file or folder")
        elif anchor and resolved.is_file() and resolved.suffix == ".md" and anchor not in anchors(resolved):
            problems.append(f"line {number}: {target}: no heading '#{anchor}' in {resolved.name}")
    return problems


def missing_paths(document: Path, root: Path = PROJECT) -> List[str]:
    """'line N: path' for each backticked repository path that does not exist."""
    patterns = ignored_patterns(root)
    problems = []
    for number, span in code_spans(prose(document.read_text(encoding="utf-8"))):
        if not looks_like_path(span):
            continue
        from_root = root / span
        if not inside(root, from_root) or git_ignores(span, patterns):
            continue
        bare_name = "/" not in span.rstrip("/")
        if from_root.exists() or (bare_name and (document.parent / span).exists()):
            continue
        problems.append(f"line {number}: {span}")
    return problems


def relative(document: Path) -> str:
    return str(document.relative_to(PROJECT))


@pytest.mark.parametrize("document", documents(), ids=relative)
def test_links_point_at_existing_files_and_headings(document):
    problems = broken_links(document)
    assert not problems, f"{relative(document)}: broken links:\n" + "\n".join(problems)


@pytest.mark.parametrize("document", documents(), ids=relative)
def test_backticked_paths_exist(document):
    problems = missing_paths(document)
    assert not problems, f"{relative(document)}: paths that do not exist:\n" + "\n".join(problems)


# The checks themselves, on documents written for the purpose: they must catch what is broken.


@pytest.fixture
def project(tmp_path):
    """A small repository: README.md, docs/guide.md, docs/web-chat.png, careers/, .gitignore."""
    (tmp_path / "README.md").write_text("# Project\n\n## Adding a role\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "web-chat.png").write_bytes(b"")
    (tmp_path / "careers").mkdir()
    (tmp_path / "careers" / "schema.py").write_text("", encoding="utf-8")
    (tmp_path / "Makefile").write_text("", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("models/\n*.db\nnode_modules/\n", encoding="utf-8")
    return tmp_path


def guide(project: Path, text: str) -> Path:
    document = project / "docs" / "guide.md"
    document.write_text(text, encoding="utf-8")
    return document


def test_slugs_follow_github():
    assert slug("Adding a role") == "adding-a-role"
    assert slug("Conversations, speed and scale") == "conversations-speed-and-scale"
    assert slug("1. Build and push the images") == "1-build-and-push-the-images"
    assert slug("`make test`: what CI runs") == "make-test-what-ci-runs"
    assert slug("Where things go (a new topic, a role)") == "where-things-go-a-new-topic-a-role"


def test_a_broken_link_is_caught(project):
    document = guide(
        project,
        "# Title\n\n## Second part\n\n"
        "[fine](../README.md#adding-a-role) [fine too](#second-part) [a folder](../careers/) "
        "[web](https://example.com/missing) ![fine image](web-chat.png)\n"
        "[gone](no-such-file.md) [bad anchor](#no-such-heading) [bad anchor there](../README.md#nope)\n"
        "```\n[in a code block](not-checked.md)\n```\n",
    )
    problems = broken_links(document, project)
    assert [problem.split(": ")[1] for problem in problems] == [
        "no-such-file.md",
        "#no-such-heading",
        "../README.md#nope",
    ], problems


def test_a_missing_backticked_path_is_caught(project):
    document = guide(
        project,
        "`careers/no_such_module.py` `careers/schema.py` `careers/` `no_such_file.yml` `Makefile`\n"
        "not paths: `make test` `https://example.com/x.py` `/chat/` `docs/*.md` `HR_CAREERS_KB=/x.yml` "
        "`rasa/rasa:3.6.21-full` `../shared/reference/source-article.txt` `careers.dialogue`\n"
        "made by make targets: `models/` `conversations/conversations.db`\n"
        "`web-chat.png` (next to this document) `node_modules/rasa-webchat/lib/index.js`\n"
        "[`docs/missing.md`](missing.md)\n"
        "a span that wraps, `make\nevaluate`, then `careers/gone.py`\n"
        "```\n`careers/in_a_code_block.py`\n```\n",
    )
    assert missing_paths(document, project) == [
        "line 1: careers/no_such_module.py",
        "line 1: no_such_file.yml",
        "line 5: docs/missing.md",
        "line 7: careers/gone.py",
    ]
