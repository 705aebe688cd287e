"""System tier: browser, terminal, scale-out and soak, on the same real servers as the integration tier.

`servers` is shared with tests/integration: a run of both tiers starts one set of servers.
"""

from harness.fixtures import servers  # noqa: F401
