"""Just enough PNG reading for the browser tests: 8-bit RGB or RGBA, not interlaced (what
headless Chromium writes), as rows of grey levels. No imaging library is needed for this."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        found.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> list[bytearray]:
    stride, rows, previous = width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up, corner = previous[x], previous[x - bpp] if x >= bpp else 0
            line[x] = (
                line[x] + (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]
            ) & 255
        rows.append(line)
        previous = line
    return rows


def grey_rows(path: Path) -> list[list[int]]:
    """Each pixel as one grey level, 0 (black) to 255 (white): luminance, colour thrown away."""
    chunks = _chunks(path.read_bytes())
    header = next(body for name, body in chunks if name == b"IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(body for name, body in chunks if name == b"IDAT"))
    return [
        [round(0.299 * r[x] + 0.587 * r[x + 1] + 0.114 * r[x + 2]) for x in range(0, len(r), bpp)]
        for r in _unfilter(raw, width, height, bpp)
    ]
