"""The deploy/ images can be built: every COPY source is in the repository and in the build context.

`docker build -f deploy/Dockerfile.<name> .` sends the daemon only what
deploy/Dockerfile.<name>.dockerignore lets through (BuildKit reads the .dockerignore named after
the Dockerfile), and a COPY whose source it leaves out fails the build ("not found"). No docker
daemon here: the .dockerignore rules are evaluated as Docker does (moby's patternmatcher), for
the patterns this project uses: `*`, `?`, `**`, `!` exceptions, the last matching line winning,
and a pattern that matches a folder covering everything in it.
"""

import json
import os
import re
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

import pytest

PROJECT = Path(__file__).resolve().parents[2]
DEPLOY = PROJECT / "deploy"
DOCKERFILES = sorted(path for path in DEPLOY.glob("Dockerfile.*") if path.suffix != ".dockerignore")

# Made by `make install` (npm ci) and `make train`, not kept in git: a clean checkout may not have
# them yet, so for them only the .dockerignore is checked (the build itself needs them).
BUILD_OUTPUTS = ("node_modules/", "models/")
# Values for build arguments without a default (`docker build --build-arg ...`).
SAMPLE_BUILD_ARGS = {"MODEL": "hr-careers-20250101-120000.tar.gz"}
# Never kept (.gitignore): a copied folder may leave them out.
JUNK = re.compile(r"(^|/)__pycache__(/|$)|\.pyc$")


# --- .dockerignore ------------------------------------------------------------------------------


class Rule(NamedTuple):
    pattern: str
    regex: "re.Pattern[str]"
    exception: bool  # a `!` line: puts back what an earlier line left out


def pattern_regex(pattern: str) -> "re.Pattern[str]":
    """moby's patternmatcher: `*` and `?` stay within one path segment, `**` spans any number."""
    regex, i = "", 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**", i):
            i += 2
            if pattern.startswith("/", i):
                i += 1  # `**/` is `**`
            regex += ".*" if i == len(pattern) else "(.*/)?"
            continue
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "\\" and i + 1 < len(pattern):
            i += 1
            regex += re.escape(pattern[i])
        else:
            regex += re.escape(char)
        i += 1
    return re.compile(f"^{regex}$")


def parse_dockerignore(text: str) -> List[Rule]:
    rules = []
    for line in text.splitlines():
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        exception = pattern.startswith("!")
        if exception:
            pattern = pattern[1:].strip()
        # Go's filepath.Clean, then no leading slash: `/web/`, `web/` and `./web` are `web`.
        pattern = os.path.normpath(pattern).replace(os.sep, "/").lstrip("/")
        rules.append(Rule(pattern, pattern_regex(pattern), exception))
    return rules


def matches(rule: Rule, path: str) -> bool:
    """The rule matches the path or one of the folders it is in."""
    parts = path.split("/")
    return any(rule.regex.match("/".join(parts[:end])) for end in range(len(parts), 0, -1))


def is_excluded(rules: List[Rule], path: str) -> bool:
    """Whether the build context leaves out `path` (relative to the context, `/`-separated)."""
    excluded = False
    for rule in rules:
        if matches(rule, path):
            excluded = not rule.exception
    return excluded


# --- Dockerfile ---------------------------------------------------------------------------------


def instructions(text: str) -> List[Tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined, comments dropped."""
    result, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue  # blank lines and comments, also inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        keyword, _, arguments = current.partition(" ")
        result.append((keyword.upper(), arguments.strip()))
        current = ""
    return result


def arguments_list(arguments: str) -> List[str]:
    """The exec (JSON) form or the whitespace-separated form of an instruction's arguments."""
    if arguments.startswith("["):
        return json.loads(arguments)
    return arguments.split()


def substitute(value: str, build_args: Dict[str, Optional[str]]) -> str:
    def replace(match: "re.Match[str]") -> str:
        name = match.group(1) or match.group(2)
        if build_args.get(name) is not None:
            return build_args[name]
        assert name in SAMPLE_BUILD_ARGS, f"build argument {name} has no default and no sample value here"
        return SAMPLE_BUILD_ARGS[name]

    return re.sub(r"\$\{(\w+)\}|\$(\w+)", replace, value)


def copy_sources(text: str) -> Iterator[str]:
    """The build-context paths that COPY and ADD read (not those from another stage or image)."""
    build_args: Dict[str, Optional[str]] = {}
    for keyword, arguments in instructions(text):
        if keyword == "ARG":
            name, _, default = arguments.partition("=")
            build_args[name.strip()] = default.strip() or None
        if keyword not in ("COPY", "ADD"):
            continue
        words = arguments.split()
        flags = [word for word in words if word.startswith("--")]
        if any(flag.startswith("--from=") for flag in flags):
            continue
        paths = arguments_list(" ".join(word for word in words if not word.startswith("--")))
        assert len(paths) >= 2, f"{keyword} {arguments}: needs a source and a destination"
        for source in paths[:-1]:
            yield substitute(source, build_args)


def context_path(source: str) -> str:
    return os.path.normpath(source).replace(os.sep, "/").lstrip("/")


def files_under(folder: Path) -> List[str]:
    return sorted(
        (Path(root) / name).relative_to(PROJECT).as_posix() for root, _, names in os.walk(folder) for name in names
    )


def copy_problems(dockerfile_text: str, dockerignore_text: str) -> List[str]:
    """Why a COPY of this Dockerfile would fail: source missing, or left out of the build context."""
    rules = parse_dockerignore(dockerignore_text)
    problems = []
    for source in copy_sources(dockerfile_text):
        path = context_path(source)
        on_disk = PROJECT / path
        if any(ch in path for ch in "*?["):
            found = sorted(match.relative_to(PROJECT).as_posix() for match in PROJECT.glob(path))
            if not found:
                problems.append(f"COPY {source}: matches nothing in the repository")
            problems.extend(
                f"COPY {source}: {name} is left out by the .dockerignore" for name in found if is_excluded(rules, name)
            )
            continue
        if not on_disk.exists():
            if (path + "/").startswith(BUILD_OUTPUTS):
                if is_excluded(rules, path):
                    problems.append(f"COPY {source}: left out by the .dockerignore")
            else:
                problems.append(f"COPY {source}: does not exist in the repository")
            continue
        if on_disk.is_file():
            if is_excluded(rules, path):
                problems.append(f"COPY {source}: left out by the .dockerignore")
            continue
        # A folder: everything in it must reach the build (junk aside), and something must.
        files = [name for name in files_under(on_disk) if not JUNK.search(name)]
        left_out = [name for name in files if is_excluded(rules, name)]
        if not files or left_out == files:
            problems.append(f"COPY {source}: nothing of it is in the build context")
        elif left_out:
            problems.append(f"COPY {source}: the .dockerignore leaves out {left_out[:5]}")
    return problems


def dockerignore_of(dockerfile: Path) -> Path:
    return dockerfile.with_name(dockerfile.name + ".dockerignore")


def command(dockerfile: Path) -> List[str]:
    """What the container runs: ENTRYPOINT + CMD (exec forms), the last of each."""
    found = {
        keyword: arguments_list(arguments)
        for keyword, arguments in instructions(dockerfile.read_text())
        if keyword in ("ENTRYPOINT", "CMD")
    }
    assert "ENTRYPOINT" in found, f"{dockerfile.name}: no ENTRYPOINT; the base image's would run"
    return found["ENTRYPOINT"] + found.get("CMD", [])


# --- tests --------------------------------------------------------------------------------------


def test_there_are_dockerfiles_each_with_its_dockerignore():
    assert [path.name for path in DOCKERFILES] == ["Dockerfile.actions", "Dockerfile.rasa"]
    for dockerfile in DOCKERFILES:
        assert dockerignore_of(dockerfile).is_file(), f"{dockerfile.name}: no {dockerignore_of(dockerfile).name}"


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda path: path.name)
def test_every_copy_source_exists_and_is_in_the_build_context(dockerfile):
    sources = list(copy_sources(dockerfile.read_text()))
    assert sources, f"{dockerfile.name} copies nothing"
    assert copy_problems(dockerfile.read_text(), dockerignore_of(dockerfile).read_text()) == []


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda path: path.name)
def test_the_build_context_leaves_out_the_environment_and_the_repository(dockerfile):
    rules = parse_dockerignore(dockerignore_of(dockerfile).read_text())
    for path in [
        ".venv/bin/python",
        ".git/config",
        "node_modules/react/index.js",
        "tests/conftest.py",
        "conversations/conversations.db",
        "logs/action-server.log",
        "actions/__pycache__/server.pyc",
    ]:
        assert is_excluded(rules, path), f"{dockerignore_of(dockerfile).name} lets {path} into the build"


@pytest.mark.parametrize(
    "dockerfile, expected, packages",
    [
        (
            "Dockerfile.actions",
            "python -m actions.server --actions actions --port 5055".split(),
            ["actions", "careers", "knowledge_base"],
        ),
        (
            "Dockerfile.rasa",
            "python -m rasa_server run --port 5005 --endpoints endpoints-scale.yml --credentials credentials.yml"
            " --model /app/models".split(),
            ["components", "careers", "channels", "stores", "patches", "rasa_server", "web"],
        ),
    ],
)
def test_each_image_runs_the_projects_entry_point_and_has_its_packages(dockerfile, expected, packages):
    path = DEPLOY / dockerfile
    assert command(path) == expected
    assert "--enable-api" not in command(path)
    copied = {context_path(source).split("/")[0] for source in copy_sources(path.read_text())}
    assert set(packages) <= copied, f"{dockerfile} does not copy {sorted(set(packages) - copied)}"
    module = expected[expected.index("-m") + 1].replace(".", "/")
    assert (PROJECT / f"{module}.py").is_file() or (PROJECT / module / "__main__.py").is_file(), module


# The checker itself: it must catch what broke the actions image (COPY components/, which its
# .dockerignore left out), a source that does not exist, and follow Docker's rules.

ACTIONS_IGNORE = "*\n!actions/\n!knowledge_base/\n**/__pycache__\n"


def test_the_check_finds_a_copy_left_out_by_the_dockerignore():
    problems = copy_problems("FROM x\nCOPY actions/ ./actions/\nCOPY components/ ./components/\n", ACTIONS_IGNORE)
    assert problems == ["COPY components/: nothing of it is in the build context"]


def test_the_check_finds_a_copy_of_a_missing_path():
    assert copy_problems("FROM x\nCOPY no_such_folder/ ./\n", "") == [
        "COPY no_such_folder/: does not exist in the repository"
    ]


def test_the_check_reads_several_sources_continuations_flags_and_build_arguments():
    text = (
        'FROM x\nARG MODEL\nCOPY --chown=1001 config.yml \\\n  domain.yml ./\nCOPY ["web/", "./web/"]\n'
        "COPY --from=builder /opt/venv /opt/venv\nCOPY models/${MODEL} ./models/\n"
    )
    assert list(copy_sources(text)) == ["config.yml", "domain.yml", "web/", f"models/{SAMPLE_BUILD_ARGS['MODEL']}"]
    assert copy_problems(text, "*\n!config.yml\n!web/\n!models/\n") == [
        "COPY domain.yml: left out by the .dockerignore"
    ]


@pytest.mark.parametrize(
    "dockerignore, path, excluded",
    [
        (ACTIONS_IGNORE, "actions/server.py", False),
        (ACTIONS_IGNORE, "actions", False),
        (ACTIONS_IGNORE, "components/role_matching.py", True),
        (ACTIONS_IGNORE, "actions/__pycache__/server.cpython-310.pyc", True),
        (ACTIONS_IGNORE, "__pycache__/x.pyc", True),
        (ACTIONS_IGNORE, "actions_old/x.py", True),
        ("*\n!node_modules/rasa-webchat/lib/\n", "node_modules/rasa-webchat/lib/index.js", False),
        ("*\n!node_modules/rasa-webchat/lib/\n", "node_modules/rasa-webchat/package.json", True),
        ("*.yml\n", "config.yml", True),
        ("*.yml\n", "data/nlu.yml", False),
        ("**/*.yml\n", "data/nlu.yml", True),
        ("data/**\n", "data/stories/a.yml", True),
        ("/web/\n", "web/app.js", True),
        ("model?\n", "models/m.tar.gz", True),
        ("!actions/\n*\n", "actions/server.py", True),  # the last matching line wins
        ("# *\n\n", "actions/server.py", False),
    ],
)
def test_dockerignore_rules_follow_docker(dockerignore, path, excluded):
    assert is_excluded(parse_dockerignore(dockerignore), path) is excluded
