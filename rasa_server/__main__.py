"""`python -m rasa_server run ...`: Rasa's command line, after installing the framework patches.

Every way this project starts the Rasa server (`make run`, `make shell`, the tests, the
benchmarks, deploy/Dockerfile.rasa) goes through here, so the patches are installed by
this one explicit call rather than as a side effect of importing a channel.

It also keeps the libraries' start-up chatter off the screen, at its source: deprecation
warnings are filtered before the imports that raise them, and TensorFlow's C++ log level
keeps its errors only. Real errors (logged errors, tracebacks) still show.
"""

import logging
import os
import sys
import warnings
from pathlib import Path
from typing import List, Optional

import sanic.app  # noqa: F401  (sets its own "once" filter for deprecations at import; ours go after it)

# Before TensorFlow is imported: its C++ log shows errors only, not its start-up notes.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Deprecation notices of the libraries Rasa 3.6 pins (pkg_resources, SQLAlchemy 1.4,
# pyparsing, distutils, jax) tell their maintainers, not our users, what to change.
for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
    warnings.filterwarnings("ignore", category=category)
# matplotlib (which Rasa imports for its plots) parses its font patterns with deprecated
# pyparsing calls when it is first imported: imported here, under the filters above, since
# Rasa later shows every UserWarning, and pyparsing's deprecation warnings are UserWarnings too.
import matplotlib.font_manager  # noqa: E402, F401


def tracker_store_problem(arguments: List[str]) -> Optional[str]:
    """Why the conversations could not be stored, for the endpoints file of `rasa run`, or
    None: checked before Rasa starts, which would otherwise keep them in memory only."""
    import yaml

    from stores.single_server import SingleServerSQLTrackerStore, sqlite_path, writing_problem

    if not arguments or arguments[0] != "run":
        return None
    endpoints = Path(arguments[arguments.index("--endpoints") + 1] if "--endpoints" in arguments else "endpoints.yml")
    if not endpoints.is_file():
        return None  # Rasa says so itself
    store = (yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}).get("tracker_store") or {}
    store_class = f"{SingleServerSQLTrackerStore.__module__}.{SingleServerSQLTrackerStore.__name__}"
    if store.get("type") != store_class or store.get("dialect", "sqlite") != "sqlite":
        return None
    return writing_problem(sqlite_path(str(store.get("db") or "rasa.db")))


def with_checked_model(arguments: List[str]) -> List[str]:
    """The arguments of `rasa run`, with `--model` naming the newest complete model archive
    (of --model's folder, or of the project's models/); SystemExit if there is none."""
    from rasa_server.models import MODELS, archive_problem, newest_complete

    if not arguments or arguments[0] != "run":
        return arguments
    flag = next((flag for flag in ("--model", "-m") if flag in arguments), None)
    given = Path(arguments[arguments.index(flag) + 1]) if flag else MODELS
    if given.is_file():
        problem = archive_problem(given)
        if problem:
            sys.exit(f"Cannot start the Rasa server: the model {given} is {problem}")
        return arguments
    model, skipped = newest_complete(given)
    for line in skipped:
        logging.getLogger("rasa_server").warning("Skipping the model %s", line)
    if model is None:
        sys.exit(f"Cannot start the Rasa server: no complete trained model in {given} (`make train` trains one)")
    if flag:
        arguments = arguments[: arguments.index(flag)] + arguments[arguments.index(flag) + 2 :]
    return [*arguments, "--model", str(model)]


def main() -> None:
    from rasa.__main__ import main as rasa_main

    from channels.request_limits import MAX_BODY_BYTES

    # Sanic reads its settings from SANIC_* variables: a bigger request body is refused with
    # HTTP 413 before any of it is parsed (Sanic's own limit is 100 MB).
    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(MAX_BODY_BYTES))

    from channels import log_lines
    from patches import install_all

    log_lines.install()  # a newline in a user's text does not start a log line

    # Rasa sets up logging only once it has parsed its arguments: the one line per patch and
    # per model skipped goes to stderr through a handler of its own (not the root logger's,
    # which Rasa configures); with --quiet only what went wrong is said.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s  - %(message)s"))
    for name in ("patches", "rasa_server"):
        start_log = logging.getLogger(name)
        start_log.addHandler(handler)
        start_log.setLevel(logging.WARNING if "--quiet" in sys.argv else logging.INFO)
        start_log.propagate = False
    problem = tracker_store_problem(sys.argv[1:])
    if problem:
        sys.exit(f"Cannot start the Rasa server: {problem}")
    sys.argv[1:] = with_checked_model(sys.argv[1:])
    try:
        install_all()
    except ValueError as error:  # a setting the patches read (ACTION_SERVER_TIMEOUT)
        sys.exit(f"Cannot start the Rasa server: {error}")
    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
