"""Draw the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

Run `python teams/icons.py` to regenerate them. Teams wants the colour icon opaque and the outline icon white
on a transparent background. The picture is a ballot box with a slip going in.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCENT = (0x1F, 0x4E, 0x79, 0xFF)  # the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


Pixel = Callable[[int, int], tuple[int, ...]]


def png(width: int, height: int, pixel: Pixel) -> bytes:
    """A PNG (8-bit RGBA) whose pixel (x, y) is `pixel(x, y)`."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + \
        chunk(b"IEND", b"")


def ballot_box(size: int, ink: tuple[int, ...], paper: tuple[int, ...]) -> Pixel:
    """The picture at `size` pixels: a box (lower half) with a slot, and a slip above the slot."""
    s = size / 32  # drawn on a 32-unit grid

    def inside(x: float, y: float, left: float, top: float, right: float, bottom: float) -> bool:
        return left * s <= x < right * s and top * s <= y < bottom * s

    def pixel(x: int, y: int) -> tuple[int, ...]:
        box = inside(x, y, 5, 15, 27, 28) and not inside(x, y, 7, 17, 25, 26)
        slot = inside(x, y, 10, 14, 22, 16)
        slip = inside(x, y, 12, 4, 20, 15) and not inside(x, y, 13.5, 5.5, 18.5, 15)
        tick = inside(x, y, 14, 9, 16, 11) or inside(x, y, 15.5, 7, 17.5, 10)
        return ink if box or slot or slip or tick else paper

    return pixel


def main() -> None:
    (HERE / "color.png").write_bytes(png(192, 192, ballot_box(192, WHITE, ACCENT)))
    (HERE / "outline.png").write_bytes(png(32, 32, ballot_box(32, WHITE, CLEAR)))


if __name__ == "__main__":
    main()
