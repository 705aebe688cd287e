"""`python -m rasa_server run ...`: Rasa's command line, after installing the framework patches.

Every way this project starts the Rasa server (`make run`, `make shell`, the tests, the
benchmarks, deploy/Dockerfile.rasa) goes through here, so the patches are installed by
this one explicit call rather than as a side effect of importing a channel.
"""

import logging
import sys

from patches import install_all


def main() -> None:
    from rasa.__main__ import main as rasa_main

    # Rasa sets up logging only once it has parsed its arguments: the one line per patch goes
    # to stderr through a handler of its own (not the root logger's, which Rasa configures).
    patch_log = logging.getLogger("patches")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s  - %(message)s"))
    patch_log.addHandler(handler)
    patch_log.setLevel(logging.INFO)
    patch_log.propagate = False
    install_all()
    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
