"""Numbers as the office publishes them.

One way to write a percentage for every figure the app shows: the readiness tallies, the annual
report and the public O16/O17 statistics all end up as OIT evidence, so they follow the OIT form.
"""

from decimal import ROUND_DOWN, Decimal


def percent(part, whole):
    """``part`` of ``whole`` in percent, two decimals, cut off rather than rounded; 0.00 of nothing.

    The OIT form cuts off: the สพม.หนองคาย OIT report of 2566 prints 20 of 33 as 60.60 (60.606…),
    where rounding would give 60.61. One rule for every figure, so that the same share never
    reads 66.67 on a public page and 66.66 in the annual report.
    """
    if not whole:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
