"""Runs Rasa's model graph node after node, in an order planned once per set of targets.

Rasa 3.6's `DaskGraphRunner.run` runs three graphs per message (the NLU, then a dialogue
prediction before and after the action) through `dask.get`, a single-threaded scheduler
that, at every run, recomputes the minimal schema for the targets, builds a dask graph,
orders it (`dask.order`) and drives each task through its queue and callbacks. Measured
in-process with cProfile on the bench's conversation, that machinery took about a fifth
of the time of the graph runs, besides the nodes themselves (bench/NOTES.md).

Patched here: `DaskGraphRunner.run` executes the same nodes with the same inputs, each
after the nodes it needs (depth first from the targets, as the schema lists their
needs), with the plan kept per targets. What dask does with a graph's values is kept:
a need that names a node or an input gets its value, any other need is passed as it is
(dask's rule for a literal), a node's exception propagates unchanged, and an input named
like a node is refused with Rasa's error. The result is Rasa's: target name -> output.
"""

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

_RASA_RUN = DaskGraphRunner.run

Plan = List[Tuple[Text, Tuple[Text, ...]]]  # (node name, the names its inputs come from)


def _plan(runner: DaskGraphRunner, targets: Tuple[Text, ...]) -> Plan:
    plans: Dict[Tuple[Text, ...], Plan] = runner.__dict__.setdefault("_sequential_plans", {})
    plan = plans.get(targets)
    if plan is None:
        nodes = runner._graph_schema.nodes
        plan, done = [], set()

        def visit(name: Text) -> None:
            if name in done or name not in nodes:
                return
            done.add(name)
            needs = tuple(nodes[name].needs.values())
            for need in needs:
                visit(need)
            plan.append((name, needs))

        for target in targets:
            if target not in nodes:
                raise GraphRunError(f"Target '{target}' is not a node of the graph.")
            visit(target)
        plans[targets] = plan
    return plan


def run_sequentially(
    self: DaskGraphRunner,
    inputs: Optional[Dict[Text, Any]] = None,
    targets: Optional[List[Text]] = None,
) -> Dict[Text, Any]:
    """Drop-in for `DaskGraphRunner.run` (see the module)."""
    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    plan = _plan(self, run_targets)
    values: Dict[Text, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in self._graph_schema.nodes:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input "
                f"names passed to the `run` method are the same as node names in the graph schema."
            )
        values[name] = (name, value)
    for name, needs in plan:
        if name in values:  # an input named like a node replaces it, as in dask's graph
            continue
        values[name] = self._instantiated_nodes[name](*[values[need] if need in values else need for need in needs])
    return dict(values[target] for target in run_targets)


def install() -> None:
    DaskGraphRunner.run = run_sequentially


def is_active() -> bool:
    return DaskGraphRunner.run is run_sequentially
