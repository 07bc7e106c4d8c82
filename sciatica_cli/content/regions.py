"""Finding a region's entry in `regions.yaml`, and the fallback for a region nobody named.

The fallback is an ordinary entry with the id `ZZ` (the code CLDR uses for an unknown
region), so its words are content like every other service name: the code holds no
emergency number. Its values never give one number alone: the emergency number is named
with examples ("999 in the UK, 112 in the EU, ..."), and same-day care is "a doctor or an
urgent care service".
"""

from __future__ import annotations

from collections.abc import Mapping

from sciatica_cli.content.models import Region

UNKNOWN = "ZZ"


def find_region(regions: Mapping[str, Region], code: str) -> Region | None:
    """The region with this code, in any case (`gb`, `GB`); None when there is none.

    The fallback is not a region a person can choose, so `ZZ` finds nothing.
    """
    key = code.strip().upper()
    if key == UNKNOWN:
        return None
    return regions.get(key)


def known_codes(regions: Mapping[str, Region]) -> list[str]:
    """The codes a person may choose, sorted: every entry but the fallback."""
    return sorted(code for code in regions if code != UNKNOWN)


def fallback_region(regions: Mapping[str, Region]) -> Region:
    """The entry used when the region is not known."""
    return regions[UNKNOWN]
