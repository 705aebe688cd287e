"""The development harness shared by the tests (tests/) and the benchmarks (bench/).

- harness.servers: the server command lines, free ports, endpoints files, readiness
  checks, and `Service`, one server process (with optional RSS sampling);
- harness.stats: percentiles (nearest rank) and summary statistics;
- harness.fixtures: the pytest fixture `servers` (imported by the test tiers' conftests).
"""

from harness.servers import (  # noqa: F401
    BIN,
    CREDENTIALS,
    ENVIRONMENT,
    PROJECT,
    PYTHON,
    Assistant,
    Service,
    action_server,
    action_server_command,
    free_port,
    http_ready,
    newest_model,
    port_ready,
    postgres_server,
    rasa_command,
    rasa_server,
    rasa_server_command,
    redis_server,
    start_assistant,
    timed_run,
    tree_rss_bytes,
    unpatched_rasa_command,
    write_endpoints,
)
from harness.stats import percentile, relative_change, summary  # noqa: F401
