"""Percentiles and summary statistics of measurements (latencies in ms, say), for tests and benches.

One definition of a percentile for the whole project: the nearest rank. The p-th
percentile of n values is the smallest value that at least p% of the values are at or
below: the value at rank ceil(p/100 * n) (1-based) of the sorted values. It is always one
of the measured values, never interpolated; the median of an even number of values is
the lower middle one. No values: NaN.
"""

import math
from typing import Dict, Iterable, Sequence

# A share times a count is a float: 0.95 * 100 is 95.00000000000001, whose ceiling would be 96.
_EPSILON = 1e-9


def percentile(values: Iterable[float], share: float) -> float:
    """Nearest-rank percentile of `values`; `share` in 0..1 (0.95 for p95)."""
    if not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, not {share}")
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = min(len(ordered), max(1, math.ceil(share * len(ordered) - _EPSILON)))
    return ordered[rank - 1]


def summary(values: Sequence[float], shares: Sequence[float] = (0.50, 0.95, 0.99)) -> Dict[str, float]:
    """count, mean, min, max, and a `p<N>` entry per share (p50, p95, p99 by default)."""
    result: Dict[str, float] = {
        "count": len(values),
        "mean": sum(values) / len(values) if values else float("nan"),
        "min": min(values) if values else float("nan"),
        "max": max(values) if values else float("nan"),
    }
    for share in shares:
        result[f"p{share * 100:g}"] = percentile(values, share)
    return result


def relative_change(before: float, after: float) -> float:
    """(after - before) / before; 0.0 when `before` is 0."""
    return (after - before) / before if before else 0.0
