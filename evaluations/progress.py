"""How far a commitment has come: the value reached placed between its
baseline and its target.

    progress = (value reached − baseline) / (target − baseline) × 100

with a missing baseline read as 0. It works the same for a target below the
baseline (a commitment to reduce something). Rounded half up to one decimal,
and not capped: above 100 means the target was passed, below 0 that the
indicator moved away from it. There is no figure when the commitment has no
target, when no value was reported, or when the target equals the baseline.
The report's method says the same, in Spanish (``reports.data.method``).
"""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def progress_percent(baseline: Decimal | None, target: Decimal | None, value: Decimal | None) -> Decimal | None:
    if target is None or value is None:
        return None
    start = baseline if baseline is not None else Decimal(0)
    if target == start:
        return None
    return ((value - start) / (target - start) * 100).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
