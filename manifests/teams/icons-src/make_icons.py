#!/usr/bin/env python3
"""Draws Candor's app icons: a white speech bubble holding a coral star.

Standard library only (zlib + struct). Shapes are signed distance fields, so every edge is
anti-aliased analytically; the output is byte-for-byte reproducible.

    python3 manifests/teams/icons-src/make_icons.py

writes
    manifests/teams/color.png     192x192, full colour, opaque coral background (Teams colour icon)
    manifests/teams/outline.png   32x32, white on transparent (Teams outline icon)
    manifests/slack/app-icon.png  512x512, the colour icon for Slack's "Display Information" (512-2000 px)
"""

import math
import struct
import zlib
from pathlib import Path

CORAL = (0xE3, 0x5D, 0x4F)  # brand colour; keep in sync with accentColor / background_color
WHITE = (0xFF, 0xFF, 0xFF)

MANIFESTS = Path(__file__).resolve().parents[2]


# --- signed distance functions (negative inside) -------------------------------------------------


def sd_round_box(px, py, cx, cy, half_w, half_h, radius):
    qx = abs(px - cx) - half_w + radius
    qy = abs(py - cy) - half_h + radius
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def sd_polygon(px, py, pts):
    """Exact distance to a simple polygon, negative inside (even-odd rule)."""
    d2 = float("inf")
    inside = False
    n = len(pts)
    for i in range(n):
        ax, ay = pts[i - 1]
        bx, by = pts[i]
        ex, ey = bx - ax, by - ay
        wx, wy = px - ax, py - ay
        t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
        dx, dy = wx - ex * t, wy - ey * t
        d2 = min(d2, dx * dx + dy * dy)
        if (ay > py) != (by > py) and px < ax + (py - ay) * ex / ey:
            inside = not inside
    d = math.sqrt(d2)
    return -d if inside else d


def star_points(cx, cy, outer, inner, n=5):
    pts = []
    for k in range(2 * n):
        r = outer if k % 2 == 0 else inner
        a = -math.pi / 2 + k * math.pi / n
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def coverage(d, pixel=1.0):
    """Area coverage of a pixel whose centre is at signed distance d (in pixels)."""
    return max(0.0, min(1.0, 0.5 - d / pixel))


# --- the design, in a 0..1 square ------------------------------------------------------------------


class Bubble:
    """Rounded speech bubble with a tail at the lower left, plus a rounded five-point star."""

    def __init__(self, scale, box, radius, tail, star_c, star_outer, star_inner, star_round):
        s = scale
        self.cx, self.cy = box[0] * s, box[1] * s
        self.hw, self.hh = box[2] * s, box[3] * s
        self.r = radius * s
        self.tail = [(x * s, y * s) for x, y in tail]
        self.star_round = star_round * s
        self.star = star_points(star_c[0] * s, star_c[1] * s, star_outer * s, star_inner * s)

    def bubble(self, x, y):
        return min(sd_round_box(x, y, self.cx, self.cy, self.hw, self.hh, self.r), sd_polygon(x, y, self.tail))

    def star_sd(self, x, y):
        return sd_polygon(x, y, self.star) - self.star_round


def colour_design(size):
    return Bubble(
        size,
        box=(0.5, 0.455, 0.30, 0.225),
        radius=0.115,
        tail=[(0.27, 0.60), (0.43, 0.66), (0.255, 0.80)],
        star_c=(0.5, 0.463),
        star_outer=0.145,
        star_inner=0.068,
        star_round=0.012,
    )


def outline_design(size):
    return Bubble(
        size,
        box=(0.5, 0.43, 0.42, 0.33),
        radius=0.19,
        tail=[(0.16, 0.62), (0.42, 0.74), (0.14, 0.95)],
        star_c=(0.5, 0.445),
        star_outer=0.205,
        star_inner=0.095,
        star_round=0.012,
    )


# --- rendering -----------------------------------------------------------------------------------


def render_colour(size):
    d = colour_design(size)
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            b = coverage(d.bubble(x, y))
            s = coverage(d.star_sd(x, y)) if b > 0 else 0.0
            rgb = [round(c + (w - c) * b) for c, w in zip(CORAL, WHITE)]  # white bubble on coral
            rgb = [round(w + (c - w) * s) for c, w in zip(CORAL, rgb)]  # coral star in the bubble
            row += bytes(rgb) + b"\xff"
        rows.append(bytes(row))
    return rows


def render_outline(size, stroke):
    d = outline_design(size)
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            ring = abs(d.bubble(x, y)) - stroke / 2
            a = max(coverage(ring), coverage(d.star_sd(x, y)))
            row += b"\xff\xff\xff" + bytes([round(255 * a)])  # always white; only alpha varies
        rows.append(bytes(row))
    return rows


def write_png(path, rows):
    """8-bit RGBA, no ancillary chunks (no timestamps), so output is reproducible."""
    height, width = len(rows), len(rows[0]) // 4

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + r for r in rows)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)
    print(f"{path.relative_to(MANIFESTS.parent)}  {width}x{height}  {len(png)} bytes")


def main():
    write_png(MANIFESTS / "teams" / "color.png", render_colour(192))
    write_png(MANIFESTS / "teams" / "outline.png", render_outline(32, stroke=2.0))
    write_png(MANIFESTS / "slack" / "app-icon.png", render_colour(512))


if __name__ == "__main__":
    main()
