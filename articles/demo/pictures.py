"""Generated placeholder pictures for the demo content.

The demo site ships with no third-party photographs: there is nothing to license, credit or
take down. Every lead image is drawn here with Pillow from a scene name and a seed — a gradient
sky, layered silhouettes for the scene (a harbour, an airfield, a parliament...) and a small
caption strip that says "Illustration · ..." so nobody mistakes a placeholder for news
photography.

The same scene, size and seed always give the same picture, so seeding the demo twice produces
identical files. Drawing is plain polygons and a few blurred low-resolution masks, which keeps a
1600×900 picture well under a third of a second.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZES = [(1600, 900), (1800, 1200), (2000, 1125), (1920, 1280), (1600, 1067)]

Colour = tuple[int, int, int]
Point = tuple[float, float]

JPEG_QUALITY = 85

SKIES: dict[str, list[tuple[float, Colour]]] = {
    "day": [(0.0, (64, 112, 178)), (0.55, (136, 176, 212)), (1.0, (214, 224, 230))],
    "dawn": [(0.0, (78, 104, 160)), (0.55, (206, 160, 160)), (1.0, (250, 208, 160))],
    "dusk": [(0.0, (36, 44, 90)), (0.5, (158, 88, 112)), (1.0, (244, 164, 104))],
    "overcast": [
        (0.0, (112, 120, 132)),
        (0.6, (160, 166, 172)),
        (1.0, (196, 198, 198)),
    ],
    "night": [(0.0, (4, 7, 22)), (0.65, (16, 24, 56)), (1.0, (44, 50, 86))],
}


# --- colour and geometry helpers --------------------------------------------------------------


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _jitter(rng: random.Random, colour: Colour, amount: int = 10) -> Colour:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)  # type: ignore[return-value]


def _gradient(size: tuple[int, int], stops: list[tuple[float, Colour]]) -> Image.Image:
    """A vertical gradient through (position, colour) stops, positions from 0 (top) to 1."""
    width, height = max(1, size[0]), max(1, size[1])
    rows = max(2, min(height, 512))
    column = []
    for i in range(rows):
        t = i / (rows - 1)
        colour = stops[-1][1]
        for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
            if t <= p1:
                colour = _mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 0.0)
                break
        column.append(colour)
    strip = Image.new("RGB", (1, rows))
    strip.putdata(column)
    return strip.resize((width, height), Image.Resampling.BILINEAR)


def _sky(img: Image.Image, rng: random.Random, palette: str, bottom: int) -> Colour:
    """Paint the sky down to `bottom`; return the colour at the horizon."""
    stops = [(p, _jitter(rng, c, 10)) for p, c in SKIES[palette]]
    img.paste(_gradient((img.width, bottom), stops), (0, 0))
    return stops[-1][1]


def _soft(
    img: Image.Image,
    colour: Colour,
    paint: Callable[[ImageDraw.ImageDraw, float], None],
    blur: float,
    factor: int = 8,
) -> None:
    """Blend `colour` through a soft mask painted at 1/factor scale (glow, smoke, fog, beams)."""
    small = (max(1, img.width // factor), max(1, img.height // factor))
    mask = Image.new("L", small, 0)
    paint(ImageDraw.Draw(mask), 1 / factor)
    if blur:
        mask = mask.filter(ImageFilter.GaussianBlur(blur / factor))
    mask = mask.resize(img.size, Image.Resampling.BILINEAR)
    img.paste(Image.new("RGB", img.size, colour), (0, 0), mask)


def _glow(
    img: Image.Image,
    x: float,
    y: float,
    radius: float,
    colour: Colour,
    strength: float = 1.0,
) -> None:
    def paint(md: ImageDraw.ImageDraw, s: float) -> None:
        for mult, alpha in ((4.5, 50), (2.6, 90), (1.5, 150)):
            r = radius * mult * s
            md.ellipse(
                (x * s - r, y * s - r, x * s + r, y * s + r),
                fill=round(alpha * strength),
            )

    _soft(img, colour, paint, radius * 1.4)


def _ridge(
    rng: random.Random, width: int, base: float, amp: float, waves: int = 5
) -> list[Point]:
    """A gentle skyline of summed sines around `base` (hills, dunes, treelines seen far off)."""
    terms = [
        (rng.uniform(0.6, 1.4) * k, rng.uniform(0, math.tau), amp / (k**1.1))
        for k in range(1, waves + 1)
    ]
    step = max(4, width // 240)
    return [
        (
            x,
            base
            - sum(
                a * (0.5 + 0.5 * math.sin(f * x / width * math.tau + p))
                for f, p, a in terms
            ),
        )
        for x in range(0, width + step, step)
    ]


def _peaks(
    rng: random.Random,
    width: int,
    base: float,
    amp: float,
    rough: float = 0.48,
    levels: int = 7,
) -> list[Point]:
    """A jagged mountain line by midpoint displacement from a few random summits."""
    ys = [base - rng.uniform(0.1, 1.0) * amp for _ in range(5)]
    spread = amp * 0.45
    for _ in range(levels):
        nxt = []
        for a, b in zip(ys, ys[1:], strict=False):
            nxt += [a, (a + b) / 2 + rng.uniform(-spread, spread)]
        nxt.append(ys[-1])
        ys = nxt
        spread *= rough
    n = len(ys) - 1
    return [
        (i * width / n, min(base + amp * 0.15, max(base - amp * 1.6, y)))
        for i, y in enumerate(ys)
    ]


def _fill_below(d: ImageDraw.ImageDraw, line: list[Point], bottom: float, fill) -> None:
    d.polygon([*line, (line[-1][0], bottom), (line[0][0], bottom)], fill=fill)


def _shape(
    d: ImageDraw.ImageDraw,
    points: list[Point],
    x: float,
    y: float,
    scale: float,
    fill,
    flip: bool = False,
    angle: float = 0.0,
) -> None:
    """Draw a unit-sized polygon scaled, optionally mirrored and rotated, placed at (x, y)."""
    ca, sa = math.cos(angle), math.sin(angle)
    out = []
    for px, py in points:
        if flip:
            px = -px
        rx, ry = px * ca - py * sa, px * sa + py * ca
        out.append((x + rx * scale, y + ry * scale))
    d.polygon(out, fill=fill)


def _conifer(
    d: ImageDraw.ImageDraw,
    x: float,
    base: float,
    height: float,
    fill,
    rng: random.Random,
) -> None:
    half = height * rng.uniform(0.17, 0.24)
    tiers = 3
    for i in range(tiers):
        top = base - height + i * height * 0.22
        bottom = base - height * 0.08 - (tiers - 1 - i) * height * 0.12
        spread = half * (0.55 + 0.45 * (i + 1) / tiers)
        d.polygon([(x, top), (x + spread, bottom), (x - spread, bottom)], fill=fill)
    d.rectangle(
        (x - height * 0.02, base - height * 0.1, x + height * 0.02, base), fill=fill
    )


def _broadleaf(
    d: ImageDraw.ImageDraw,
    x: float,
    base: float,
    height: float,
    fill,
    rng: random.Random,
) -> None:
    d.rectangle(
        (x - height * 0.03, base - height * 0.45, x + height * 0.03, base), fill=fill
    )
    for _ in range(5):
        r = height * rng.uniform(0.18, 0.26)
        cx = x + rng.uniform(-0.18, 0.18) * height
        cy = base - height * rng.uniform(0.55, 0.8)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


# Plain fields with a pale disc: flags that belong to no real country, so an illustration
# never seems to name the nation a story is about.
BANNERS: list[Colour] = [(38, 58, 110), (120, 36, 44), (30, 92, 74), (70, 74, 84)]


def _banner(
    d: ImageDraw.ImageDraw, x: float, y: float, fw: float, fh: float, colour: Colour
) -> None:
    d.rectangle((x, y, x + fw, y + fh), fill=colour)
    r = min(fw, fh) * 0.22
    cx, cy = x + fw * 0.3, y + min(fh * 0.3, fw * 0.3)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_mix(colour, (240, 236, 220), 0.8))


def _vignette(img: Image.Image, strength: int = 70) -> None:
    mask = Image.radial_gradient("L").point(
        lambda v: max(0, min(255, (v - 70) * strength // 110))
    )
    mask = mask.resize(img.size, Image.Resampling.BILINEAR)
    img.paste(Image.new("RGB", img.size, (0, 0, 0)), (0, 0), mask)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no scalable default font
        return ImageFont.load_default()


def _caption(img: Image.Image, label: str) -> None:
    size = max(12, round(img.height * 0.021))
    font = _font(size)
    d = ImageDraw.Draw(img, "RGBA")
    left, top, right, bottom = d.textbbox((0, 0), label, font=font)
    pad_x, pad_y = round(size * 0.7), round(size * 0.45)
    margin = round(size * 0.9)
    box_w, box_h = right - left + 2 * pad_x, bottom - top + 2 * pad_y
    x0, y0 = margin, img.height - margin - box_h
    d.rectangle((x0, y0, x0 + box_w, y0 + box_h), fill=(10, 12, 16, 160))
    d.text(
        (x0 + pad_x - left, y0 + pad_y - top),
        label,
        font=font,
        fill=(245, 245, 240, 240),
    )


# --- unit silhouettes (length 1, waterline / centreline at y = 0, nose to the right) -----------

FIGHTER_PLAN_HALF: list[Point] = [
    (0.50, 0.00),
    (0.36, 0.035),
    (0.14, 0.06),
    (0.04, 0.07),
    (-0.20, 0.40),
    (-0.29, 0.40),
    (-0.25, 0.09),
    (-0.36, 0.09),
    (-0.45, 0.20),
    (-0.52, 0.20),
    (-0.49, 0.05),
    (-0.53, 0.035),
]
FIGHTER_PLAN = FIGHTER_PLAN_HALF + [(x, -y) for x, y in reversed(FIGHTER_PLAN_HALF[1:])]

FIGHTER_SIDE: list[Point] = [
    (0.50, 0.00),
    (0.38, -0.035),
    (0.28, -0.055),
    (0.22, -0.10),
    (0.12, -0.10),
    (0.04, -0.065),
    (-0.28, -0.07),
    (-0.36, -0.09),
    (-0.44, -0.28),
    (-0.51, -0.28),
    (-0.48, -0.08),
    (-0.52, -0.05),
    (-0.52, 0.03),
    (-0.38, 0.04),
    (-0.30, 0.07),
    (-0.12, 0.07),
    (-0.02, 0.05),
    (0.10, 0.04),
    (0.30, 0.02),
]

FRIGATE_HULL: list[Point] = [
    (0.00, -0.055),
    (0.62, -0.055),
    (0.66, -0.075),
    (1.00, -0.085),
    (0.955, 0.0),
    (0.02, 0.0),
]


def _frigate(
    d: ImageDraw.ImageDraw, x: float, y: float, length: float, fill, flip: bool = False
) -> None:
    """A generic frigate, stern at x, bow towards +x (or -x when flipped), waterline at y."""
    s = -1 if flip else 1

    def box(x0: float, x1: float, y0: float, y1: float) -> None:
        xa, xb = x + s * x0 * length, x + s * x1 * length
        d.rectangle(
            (min(xa, xb), y + y0 * length, max(xa, xb), y + y1 * length), fill=fill
        )

    _shape(d, FRIGATE_HULL, x, y, length, fill, flip=flip)
    box(0.16, 0.36, -0.105, -0.05)  # hangar
    box(0.36, 0.62, -0.135, -0.05)  # main superstructure
    box(0.46, 0.58, -0.175, -0.13)  # bridge
    box(0.30, 0.35, -0.15, -0.10)  # funnel
    box(0.505, 0.525, -0.30, -0.17)  # mast
    box(0.47, 0.56, -0.245, -0.235)  # yard
    box(0.48, 0.55, -0.215, -0.195)  # radar
    box(0.72, 0.77, -0.095, -0.07)  # gun turret
    xa, xb = x + s * 0.76 * length, x + s * 0.85 * length
    d.line(
        (xa, y - 0.085 * length, xb, y - 0.092 * length),
        fill=fill,
        width=max(1, round(length * 0.006)),
    )


# --- scenes -----------------------------------------------------------------------------------


def _harbour(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * rng.uniform(0.55, 0.6))
    horizon = _sky(img, rng, rng.choice(["dawn", "dusk", "day"]), hz)
    sun_x = w * rng.uniform(0.15, 0.45)
    sun_y = hz - h * rng.uniform(0.1, 0.22)
    _glow(img, sun_x, sun_y, h * 0.04, _mix(horizon, (255, 236, 200), 0.6))
    r = h * 0.03
    d.ellipse(
        (sun_x - r, sun_y - r, sun_x + r, sun_y + r),
        fill=_mix(horizon, (255, 246, 226), 0.8),
    )

    far = _mix(horizon, (70, 80, 100), 0.45)
    _fill_below(d, _ridge(rng, w, hz, h * 0.06), hz + 2, far)

    water_top = _mix(horizon, (40, 62, 84), 0.35)
    img.paste(
        _gradient((w, h - hz), [(0, water_top), (1, _jitter(rng, (18, 32, 46)))]),
        (0, hz),
    )
    glint = _mix(horizon, (255, 240, 210), 0.5)
    for _ in range(160):
        t = rng.random() ** 1.5
        y = hz + 3 + t * (h - hz)
        x = sun_x + rng.gauss(0, w * (0.03 + 0.12 * t))
        length = w * rng.uniform(0.01, 0.05) * (0.4 + t)
        d.line(
            (x - length, y, x + length, y),
            fill=(*glint, rng.randint(25, 90)),
            width=max(1, round(h * 0.002 * (1 + t))),
        )

    dark = _mix(horizon, (22, 26, 34), 0.85)
    quay_y = hz + h * 0.09
    quay_x = w * rng.uniform(0.42, 0.5)
    d.rectangle((quay_x, quay_y, w, quay_y + h * 0.03), fill=dark)

    palette = [
        (150, 60, 50),
        (50, 90, 130),
        (170, 130, 60),
        (70, 110, 80),
        (120, 120, 125),
    ]
    cw, ch = w * 0.032, h * 0.022
    x = quay_x + w * 0.02
    while x < w:
        for level in range(rng.randint(1, 4)):
            colour = _mix(rng.choice(palette), dark, 0.55)
            d.rectangle(
                (x, quay_y - (level + 1) * ch, x + cw - 2, quay_y - level * ch - 2),
                fill=colour,
            )
        x += cw

    for i in range(rng.randint(2, 3)):
        cx = quay_x + w * (0.12 + 0.17 * i) + rng.uniform(-0.02, 0.02) * w
        tall = h * rng.uniform(0.34, 0.42)
        lw = max(2, round(tall * 0.022))
        gy = quay_y
        beam_y = gy - tall * 0.55
        boom_y = gy - tall * 0.64
        for lx in (cx - tall * 0.16, cx + tall * 0.16):
            d.line((lx, gy, lx, beam_y), fill=dark, width=lw)
        d.line((cx - tall * 0.2, beam_y, cx + tall * 0.2, beam_y), fill=dark, width=lw)
        d.rectangle(
            (cx - tall * 0.95, boom_y - lw, cx + tall * 0.38, boom_y + lw), fill=dark
        )
        apex = (cx + tall * 0.06, gy - tall)
        d.line((cx - tall * 0.05, boom_y, *apex), fill=dark, width=lw)
        d.line((cx + tall * 0.16, boom_y, *apex), fill=dark, width=lw)
        d.line((*apex, cx - tall * 0.7, boom_y), fill=dark, width=max(1, lw // 2))
        d.line((*apex, cx + tall * 0.38, boom_y), fill=dark, width=max(1, lw // 2))
        d.rectangle(
            (cx - tall * 0.1, boom_y - tall * 0.06, cx + tall * 0.08, boom_y), fill=dark
        )

    # container ship alongside the quay
    sx0, sx1 = quay_x - w * 0.05, quay_x + w * rng.uniform(0.34, 0.42)
    sy = quay_y + h * 0.045
    hull_h = h * 0.045
    hull = [
        (sx0, sy - hull_h),
        (sx1, sy - hull_h),
        (sx1 - w * 0.01, sy),
        (sx0 + w * 0.02, sy),
    ]
    d.polygon(hull, fill=_mix(dark, (0, 0, 0), 0.3))
    d.polygon([(x, 2 * sy - y) for x, y in hull], fill=(*dark, 70))
    x = sx0 + w * 0.05
    while x < sx1 - w * 0.09:
        for level in range(rng.randint(2, 4)):
            colour = _mix(rng.choice(palette), dark, 0.6)
            d.rectangle(
                (
                    x,
                    sy - hull_h - (level + 1) * ch,
                    x + cw * 0.9,
                    sy - hull_h - level * ch - 2,
                ),
                fill=colour,
            )
        x += cw
    d.rectangle(
        (sx1 - w * 0.075, sy - hull_h - h * 0.12, sx1 - w * 0.04, sy - hull_h),
        fill=dark,
    )
    d.rectangle(
        (
            sx1 - w * 0.085,
            sy - hull_h - h * 0.12,
            sx1 - w * 0.03,
            sy - hull_h - h * 0.11,
        ),
        fill=dark,
    )
    for row in range(3):
        wy = sy - hull_h - h * (0.1 - row * 0.025)
        d.line(
            (sx1 - w * 0.07, wy, sx1 - w * 0.045, wy),
            fill=(*_mix(horizon, (255, 220, 150), 0.5), 160),
            width=max(1, h // 500),
        )

    # a warship in the roads and a tug in the foreground
    fx = w * rng.uniform(0.04, 0.12)
    fy = hz + h * 0.06
    _frigate(d, fx, fy, w * 0.22, _mix(horizon, (40, 46, 58), 0.75))
    tx, ty = w * rng.uniform(0.15, 0.3), h * 0.9
    tug = [(0, -0.06), (0.75, -0.06), (1.0, -0.1), (0.93, 0.0), (0.05, 0.0)]
    _shape(d, tug, tx, ty, w * 0.09, (14, 16, 20))
    d.rectangle(
        (tx + w * 0.025, ty - w * 0.02, tx + w * 0.05, ty - w * 0.005),
        fill=(14, 16, 20),
    )
    d.rectangle(
        (tx + w * 0.035, ty - w * 0.032, tx + w * 0.04, ty - w * 0.02),
        fill=(14, 16, 20),
    )


def _airfield(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * rng.uniform(0.56, 0.62))
    horizon = _sky(img, rng, rng.choice(["day", "dawn", "dusk", "overcast"]), hz)
    for _ in range(rng.randint(3, 6)):
        cx, cy = rng.uniform(0, w), rng.uniform(0.08, 0.4) * h
        cloud = _mix(horizon, (255, 255, 255), 0.5)

        def paint(md, s, cx=cx, cy=cy):
            for _ in range(6):
                rx, ry = (
                    w * rng.uniform(0.04, 0.09) * s,
                    h * rng.uniform(0.02, 0.04) * s,
                )
                ox, oy = (
                    rng.uniform(-w * 0.06, w * 0.06) * s,
                    rng.uniform(-h * 0.015, h * 0.015) * s,
                )
                md.ellipse(
                    (
                        cx * s + ox - rx,
                        cy * s + oy - ry,
                        cx * s + ox + rx,
                        cy * s + oy + ry,
                    ),
                    fill=110,
                )

        _soft(img, cloud, paint, h * 0.03)

    tree = _mix(horizon, (50, 66, 56), 0.55)
    _fill_below(d, _ridge(rng, w, hz, h * 0.02, waves=8), hz + 2, tree)
    ground_top = _mix(horizon, (112, 122, 92), 0.6)
    img.paste(
        _gradient((w, h - hz), [(0, ground_top), (1, _jitter(rng, (62, 74, 52)))]),
        (0, hz),
    )

    # hangars and tower on the far side
    shed = _mix(horizon, (70, 76, 84), 0.6)
    x = w * rng.uniform(0.55, 0.62)
    for _ in range(3):
        hw, hh = w * rng.uniform(0.07, 0.1), h * rng.uniform(0.03, 0.045)
        d.rectangle((x, hz - hh, x + hw, hz + 2), fill=shed)
        d.chord((x, hz - hh * 1.8, x + hw, hz - hh * 0.2), 180, 360, fill=shed)
        d.rectangle(
            (x + hw * 0.15, hz - hh * 0.7, x + hw * 0.85, hz + 2),
            fill=_mix(shed, (20, 20, 24), 0.4),
        )
        x += hw * 1.15
    tx = w * rng.uniform(0.08, 0.2)
    d.rectangle((tx, hz - h * 0.12, tx + w * 0.012, hz + 2), fill=shed)
    d.polygon(
        [
            (tx - w * 0.012, hz - h * 0.12),
            (tx + w * 0.024, hz - h * 0.12),
            (tx + w * 0.03, hz - h * 0.15),
            (tx - w * 0.018, hz - h * 0.15),
        ],
        fill=shed,
    )
    d.rectangle(
        (tx - w * 0.016, hz - h * 0.16, tx + w * 0.028, hz - h * 0.15), fill=shed
    )

    # runway in perspective
    vx = w * rng.uniform(0.4, 0.6)
    tarmac = _jitter(rng, (70, 72, 76), 6)
    left_b, right_b = w * rng.uniform(-0.15, 0.05), w * rng.uniform(0.95, 1.15)
    d.polygon(
        [(vx - w * 0.01, hz + 1), (vx + w * 0.01, hz + 1), (right_b, h), (left_b, h)],
        fill=tarmac,
    )
    d.polygon(
        [
            (vx - w * 0.011, hz + 1),
            (vx - w * 0.009, hz + 1),
            (left_b + w * 0.02, h),
            (left_b, h),
        ],
        fill=(210, 210, 200),
    )
    d.polygon(
        [
            (vx + w * 0.009, hz + 1),
            (vx + w * 0.011, hz + 1),
            (right_b, h),
            (right_b - w * 0.02, h),
        ],
        fill=(210, 210, 200),
    )
    centre_b = (left_b + right_b) / 2
    for i in range(1, 40):
        z0, z1 = 1.0 + i * 0.9, 1.0 + i * 0.9 + 0.45
        y0, y1 = hz + (h - hz) / z1, hz + (h - hz) / z0
        if y1 - y0 < 1:
            break
        half0, half1 = w * 0.006 / z1, w * 0.006 / z0
        x0 = vx + (centre_b - vx) / z1
        x1 = vx + (centre_b - vx) / z0
        d.polygon(
            [(x0 - half0, y0), (x0 + half0, y0), (x1 + half1, y1), (x1 - half1, y1)],
            fill=(225, 225, 215),
        )

    # a parked jet on the apron and one climbing out
    jet = _mix(horizon, (30, 34, 40), 0.85)
    jx = w * rng.uniform(0.72, 0.82)
    _shape(d, FIGHTER_SIDE, jx, h * 0.8, w * 0.2, jet, flip=rng.random() < 0.5)
    d.ellipse(
        (jx - w * 0.09, h * 0.8 + w * 0.012, jx + w * 0.09, h * 0.8 + w * 0.022),
        fill=(*_mix(tarmac, (0, 0, 0), 0.5), 90),
    )
    ax, ay = w * rng.uniform(0.25, 0.45), h * rng.uniform(0.16, 0.3)
    _shape(
        d,
        FIGHTER_PLAN,
        ax,
        ay,
        w * 0.13,
        _mix(horizon, (40, 44, 54), 0.8),
        angle=-rng.uniform(0.15, 0.35),
    )


def _skyline(
    d: ImageDraw.ImageDraw,
    rng: random.Random,
    w: int,
    base: float,
    min_h: float,
    max_h: float,
    fill,
    windows=None,
    window_share: float = 0.3,
) -> None:
    x = -rng.uniform(0, w * 0.03)
    while x < w:
        bw = w * rng.uniform(0.03, 0.075)
        bh = rng.uniform(min_h, max_h)
        top = base - bh
        d.rectangle((x, top, x + bw, base), fill=fill)
        roll = rng.random()
        if roll < 0.15:
            d.rectangle((x + bw * 0.47, top - bh * 0.25, x + bw * 0.53, top), fill=fill)
        elif roll < 0.3:
            d.polygon(
                [(x, top), (x + bw / 2, top - bw * 0.5), (x + bw, top)], fill=fill
            )
        elif roll < 0.45:
            d.rectangle((x + bw * 0.2, top - bh * 0.08, x + bw * 0.8, top), fill=fill)
        if windows:
            size = max(2.0, bw * 0.09)
            gap = size * 1.9
            wy = top + gap
            while wy < base - gap:
                wx = x + gap * 0.7
                while wx < x + bw - gap * 0.7:
                    if rng.random() < window_share:
                        d.rectangle((wx, wy, wx + size, wy + size * 1.2), fill=windows)
                    wx += gap
                wy += gap * 1.3
        x += bw + w * rng.uniform(0.0, 0.012)


def _city(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    base = int(h * 0.86)
    horizon = _sky(img, rng, rng.choice(["day", "dawn", "dusk"]), base)
    _glow(
        img,
        w * rng.uniform(0.2, 0.8),
        base - h * 0.25,
        h * 0.05,
        _mix(horizon, (255, 240, 210), 0.5),
        0.8,
    )
    layers = [
        (0.55, h * 0.2, h * 0.45, None),
        (0.3, h * 0.15, h * 0.38, None),
        (0.08, h * 0.08, h * 0.28, (*_mix(horizon, (255, 226, 160), 0.6), 150)),
    ]
    for fade, lo, hi, windows in layers:
        colour = _mix((28, 32, 44), horizon, fade)
        _skyline(d, rng, w, base, lo, hi, colour, windows, 0.18)
    d.rectangle((0, base, w, h), fill=(26, 28, 34))
    d.rectangle((0, base + h * 0.02, w, base + h * 0.026), fill=(70, 72, 78))
    lamps = [w * (i + 0.5) / 12 for i in range(12)]

    def halo(md, s):
        for lx in lamps:
            r = h * 0.025 * s
            md.ellipse(
                (
                    lx * s - r,
                    (base - h * 0.07) * s - r,
                    lx * s + r,
                    (base - h * 0.07) * s + r,
                ),
                fill=110,
            )

    _soft(img, (255, 214, 150), halo, h * 0.02)
    for lx in lamps:
        d.line(
            (lx, base, lx, base - h * 0.07), fill=(20, 22, 28), width=max(2, w // 600)
        )
        d.ellipse(
            (lx - h * 0.005, base - h * 0.075, lx + h * 0.005, base - h * 0.065),
            fill=(255, 222, 160),
        )


def _conference(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    wall = _jitter(rng, (24, 34, 58), 10)
    img.paste(
        _gradient(
            (w, h),
            [
                (0, _mix(wall, (0, 0, 0), 0.5)),
                (0.6, wall),
                (1, _mix(wall, (0, 0, 0), 0.6)),
            ],
        ),
        (0, 0),
    )
    accent = rng.choice([(40, 110, 190), (180, 40, 50), (30, 140, 130), (200, 140, 40)])

    sx0, sx1, sy0, sy1 = w * 0.22, w * 0.78, h * 0.1, h * 0.5
    img.paste(
        _gradient(
            (int(sx1 - sx0), int(sy1 - sy0)),
            [
                (0, _mix(accent, (255, 255, 255), 0.25)),
                (1, _mix(accent, (10, 20, 40), 0.5)),
            ],
        ),
        (int(sx0), int(sy0)),
    )
    d.rectangle((sx0, sy0, sx1, sy1), outline=(10, 12, 18), width=max(2, w // 400))
    lx, ly, lr = sx0 + (sx1 - sx0) * 0.2, (sy0 + sy1) / 2, h * 0.07
    d.ellipse(
        (lx - lr, ly - lr, lx + lr, ly + lr),
        outline=(240, 240, 240),
        width=max(2, w // 300),
    )
    d.polygon(
        [
            (lx, ly - lr * 0.6),
            (lx + lr * 0.5, ly + lr * 0.4),
            (lx - lr * 0.5, ly + lr * 0.4),
        ],
        fill=(240, 240, 240),
    )
    for i, share in enumerate((0.9, 0.7, 0.55)):
        y = sy0 + (sy1 - sy0) * (0.32 + i * 0.16)
        x0 = sx0 + (sx1 - sx0) * 0.38
        d.rectangle(
            (
                x0,
                y,
                x0 + (sx1 - sx0) * 0.52 * share,
                y + h * (0.03 if i == 0 else 0.018),
            ),
            fill=(236, 238, 242),
        )

    def beams(md, s):
        for bx in (w * 0.3, w * 0.5, w * 0.7):
            md.polygon(
                [
                    (bx * s - w * 0.01 * s, 0),
                    (bx * s + w * 0.01 * s, 0),
                    (bx * s + w * 0.09 * s, h * 0.7 * s),
                    (bx * s - w * 0.09 * s, h * 0.7 * s),
                ],
                fill=60,
            )

    _soft(img, (255, 240, 210), beams, h * 0.02)

    stage_y = h * 0.62
    d.rectangle((0, stage_y, w, stage_y + h * 0.05), fill=(18, 20, 28))
    d.rectangle(
        (0, stage_y, w, stage_y + h * 0.006), fill=_mix(accent, (255, 255, 255), 0.2)
    )

    for fx in (w * 0.1, w * 0.88):
        d.line(
            (fx, stage_y, fx, h * 0.22), fill=(150, 150, 150), width=max(2, w // 500)
        )
        _banner(d, fx + 2, h * 0.225, w * 0.045, h * 0.1, rng.choice(BANNERS))

    px = w * rng.uniform(0.42, 0.58)
    speaker = (14, 16, 22)
    d.ellipse((px - h * 0.03, h * 0.4, px + h * 0.03, h * 0.47), fill=speaker)
    d.rounded_rectangle(
        (px - h * 0.07, h * 0.47, px + h * 0.07, h * 0.6), radius=h * 0.03, fill=speaker
    )
    d.polygon(
        [
            (px - w * 0.05, h * 0.5),
            (px + w * 0.05, h * 0.5),
            (px + w * 0.04, stage_y),
            (px - w * 0.04, stage_y),
        ],
        fill=(40, 36, 34),
    )
    d.rectangle(
        (px - w * 0.055, h * 0.495, px + w * 0.055, h * 0.51), fill=(56, 50, 46)
    )
    d.ellipse(
        (px - h * 0.022, h * 0.54, px + h * 0.022, h * 0.584),
        outline=(200, 180, 120),
        width=max(2, w // 600),
    )
    d.line(
        (px + h * 0.02, h * 0.5, px + h * 0.005, h * 0.455),
        fill=(10, 10, 10),
        width=max(2, w // 800),
    )

    for row in range(4):
        y = h * (0.76 + row * 0.075)
        r = h * (0.03 + row * 0.008)
        shade = _mix((30, 30, 38), (4, 4, 8), row / 3)
        x = -rng.uniform(0, r * 2)
        while x < w + r:
            hx = x + rng.uniform(-r * 0.3, r * 0.3)
            hy = y + rng.uniform(-r * 0.2, r * 0.2)
            c = _jitter(rng, shade, 4)
            d.ellipse((hx - r * 1.9, hy + r * 0.8, hx + r * 1.9, hy + r * 4.5), fill=c)
            d.ellipse((hx - r * 0.8, hy - r, hx + r * 0.8, hy + r), fill=c)
            x += r * rng.uniform(3.2, 4.2)


def _mountains(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    horizon = _sky(img, rng, rng.choice(["day", "dawn", "dusk"]), h)
    sun_x, sun_y = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.18, 0.3)
    _glow(img, sun_x, sun_y, h * 0.05, _mix(horizon, (255, 240, 210), 0.5))
    rock = _jitter(rng, (44, 52, 70), 8)
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        base = h * (0.45 + 0.12 * i)
        amp = h * (0.24 - 0.035 * i)
        line = _peaks(rng, w, base, amp)
        colour = _mix(horizon, rock, 0.4 + 0.6 * t)
        _fill_below(d, line, h, colour)
        if i < 2:
            snow = _mix(colour, (246, 248, 252), 0.75 - 0.15 * i)
            snowline = base - amp * rng.uniform(0.7, 0.85)
            waves = [
                (rng.uniform(0, math.tau), rng.uniform(5, 9), 0.05),
                (rng.uniform(0, math.tau), rng.uniform(19, 31), 0.03),
            ]
            cap: list[tuple[Point, Point]] = []
            for x, y in [*line, (w + 1, h)]:
                edge = snowline + amp * sum(
                    a * math.sin(p + f * x / w * math.tau) for p, f, a in waves
                )
                if y < edge:
                    cap.append(((x, y), (x, edge)))
                elif cap:
                    if len(cap) > 1:
                        d.polygon(
                            [top for top, _ in cap] + [low for _, low in reversed(cap)],
                            fill=snow,
                        )
                    cap = []
        if i == layers - 2:
            fog = _mix(horizon, (255, 255, 255), 0.3)

            def paint(md, s, base=base):
                md.rectangle(
                    (0, (base - h * 0.02) * s, w * s, (base + h * 0.05) * s), fill=120
                )

            _soft(img, fog, paint, h * 0.04)
    pine = _mix(rock, (8, 14, 12), 0.7)
    for _ in range(int(w / (h * 0.03))):
        x = rng.uniform(0, w)
        _conifer(
            d, x, h * rng.uniform(0.97, 1.02), h * rng.uniform(0.1, 0.2), pine, rng
        )


def _desert(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * rng.uniform(0.5, 0.58))
    horizon = _sky(img, rng, rng.choice(["dusk", "dawn", "day"]), hz)
    sun_x, sun_y = w * rng.uniform(0.2, 0.8), hz - h * rng.uniform(0.05, 0.15)
    _glow(img, sun_x, sun_y, h * 0.05, _mix(horizon, (255, 230, 180), 0.6))
    r = h * 0.04
    d.ellipse(
        (sun_x - r, sun_y - r, sun_x + r, sun_y + r),
        fill=_mix(horizon, (255, 244, 214), 0.8),
    )

    mesa = _mix(horizon, (150, 96, 80), 0.45)
    x = rng.uniform(0, w * 0.2)
    while x < w:
        mw, mh = w * rng.uniform(0.08, 0.2), h * rng.uniform(0.03, 0.08)
        d.polygon(
            [
                (x, hz + 1),
                (x + mw * 0.15, hz - mh),
                (x + mw * 0.85, hz - mh),
                (x + mw, hz + 1),
            ],
            fill=mesa,
        )
        x += mw + w * rng.uniform(0.1, 0.35)

    sand = _jitter(rng, (196, 142, 88), 12)
    d.rectangle((0, hz, w, h), fill=_mix(horizon, sand, 0.5))
    for i in range(4):
        t = i / 3
        line = _ridge(
            rng, w, hz + (h - hz) * (0.05 + 0.28 * i), h * (0.03 + 0.02 * i), waves=3
        )
        _fill_below(
            d, line, h, _mix(_mix(horizon, sand, 0.5), _mix(sand, (80, 44, 26), 0.5), t)
        )

    vx = w * rng.uniform(0.35, 0.65)
    left_b, right_b = w * rng.uniform(0.02, 0.22), w * rng.uniform(0.68, 0.9)
    asphalt = _jitter(rng, (58, 54, 56), 6)
    d.polygon(
        [(vx - w * 0.004, hz + 1), (vx + w * 0.004, hz + 1), (right_b, h), (left_b, h)],
        fill=asphalt,
    )
    centre_b = (left_b + right_b) / 2
    for i in range(1, 40):
        z0, z1 = 1.0 + i * 1.1, 1.0 + i * 1.1 + 0.5
        y0, y1 = hz + (h - hz) / z1, hz + (h - hz) / z0
        if y1 - y0 < 1:
            break
        x0, x1 = vx + (centre_b - vx) / z1, vx + (centre_b - vx) / z0
        half0, half1 = w * 0.004 / z1, w * 0.004 / z0
        d.polygon(
            [(x0 - half0, y0), (x0 + half0, y0), (x1 + half1, y1), (x1 - half1, y1)],
            fill=(220, 196, 110),
        )

    truck = (24, 22, 24)
    for z in (rng.uniform(7.0, 8.0), rng.uniform(4.6, 5.4), rng.uniform(3.0, 3.4)):
        y = hz + (h - hz) / z
        cx = vx + (left_b - vx) * 0.3 / z
        s = w * 0.17 / z
        d.rectangle((cx - s * 0.2, y - s * 0.3, cx + s * 0.2, y), fill=truck)
        d.rectangle(
            (cx - s * 0.16, y - s * 0.42, cx + s * 0.16, y - s * 0.3), fill=truck
        )
        d.rectangle(
            (cx - s * 0.15, y - s * 0.28, cx + s * 0.15, y - s * 0.17),
            fill=(*_mix(horizon, (255, 255, 255), 0.3), 90),
        )
        for lx in (cx - s * 0.14, cx + s * 0.14):
            d.ellipse(
                (lx - s * 0.025, y - s * 0.1, lx + s * 0.025, y - s * 0.05),
                fill=(255, 210, 150),
            )
    dust = _mix(horizon, sand, 0.5)

    def paint(md, s):
        md.ellipse(
            (
                (vx - w * 0.08) * s,
                (hz - h * 0.02) * s,
                (vx + w * 0.08) * s,
                (hz + h * 0.06) * s,
            ),
            fill=90,
        )

    _soft(img, dust, paint, h * 0.03)


def _forest(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    horizon = _sky(img, rng, rng.choice(["dawn", "overcast", "day"]), h)
    _glow(
        img,
        w * rng.uniform(0.3, 0.7),
        h * 0.35,
        h * 0.06,
        _mix(horizon, (255, 246, 220), 0.5),
        0.8,
    )
    green = _jitter(rng, (20, 44, 34), 6)
    haze = _mix(horizon, (150, 170, 170), 0.3)
    layers = 5
    for i in range(layers):
        t = i / (layers - 1)
        colour = _mix(haze, green, 0.15 + 0.85 * t**1.3)
        base = h * (0.56 + 0.11 * i)
        _fill_below(d, _ridge(rng, w, base, h * (0.04 - 0.005 * i), waves=4), h, colour)
        height = h * (0.08 + 0.09 * i)
        x = -rng.uniform(0, height * 0.3)
        while x < w + height * 0.3:
            _conifer(
                d,
                x,
                base + rng.uniform(-h * 0.01, h * 0.03),
                height * rng.uniform(0.6, 1.3),
                colour,
                rng,
            )
            x += height * rng.uniform(0.22, 0.5)
        if i in (1, 3):
            mist = _mix(horizon, (250, 250, 250), 0.4)

            def paint(md, s, base=base):
                md.rectangle(
                    (0, (base - h * 0.03) * s, w * s, (base + h * 0.04) * s), fill=110
                )

            _soft(img, mist, paint, h * 0.05)


def _night(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * 0.74)
    horizon = _sky(img, rng, "night", hz)
    for _ in range(int(w * h / 3500)):
        x, y = rng.uniform(0, w), rng.uniform(0, hz * 0.85) ** 1.0
        b = rng.randint(120, 255)
        if rng.random() < 0.08:
            r = rng.uniform(1.2, 2.2) * h / 900
            d.ellipse((x - r, y - r, x + r, y + r), fill=(b, b, min(255, b + 20)))
        else:
            d.point((x, y), fill=(b, b, min(255, b + 20)))
    mx, my, mr = w * rng.uniform(0.65, 0.9), h * rng.uniform(0.12, 0.24), h * 0.045
    _glow(img, mx, my, mr, (170, 180, 210), 0.7)
    d.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=(236, 234, 220))
    off = mr * rng.uniform(0.35, 0.7)
    d.ellipse(
        (mx - mr + off, my - mr - off * 0.3, mx + mr + off, my + mr - off * 0.3),
        fill=(*_mix(horizon, (10, 14, 34), 0.6), 230),
    )

    _skyline(
        d,
        rng,
        w,
        hz,
        h * 0.15,
        h * 0.4,
        _mix(horizon, (10, 12, 20), 0.6),
        (190, 170, 120, 150),
        0.15,
    )
    _skyline(d, rng, w, hz, h * 0.08, h * 0.28, (8, 9, 14), (255, 206, 120), 0.3)

    water = _gradient((w, h - hz), [(0, (14, 18, 34)), (1, (4, 6, 14))])
    img.paste(water, (0, hz))
    for _ in range(220):
        x = rng.uniform(0, w)
        y = hz + rng.random() ** 1.3 * (h - hz)
        length = w * rng.uniform(0.004, 0.02)
        c = rng.choice([(255, 206, 120), (230, 230, 255), (255, 150, 90)])
        d.line(
            (x - length, y, x + length, y),
            fill=(*c, rng.randint(40, 130)),
            width=max(1, h // 600),
        )
    d.rectangle((0, hz, w, hz + h * 0.008), fill=(6, 7, 12))


def _parliament(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    ground = int(h * 0.8)
    horizon = _sky(img, rng, rng.choice(["day", "dawn", "dusk", "overcast"]), ground)
    stone = _mix(_jitter(rng, (206, 196, 176), 8), horizon, 0.15)
    shadow = _mix(stone, (40, 40, 50), 0.45)
    deep = _mix(stone, (20, 20, 30), 0.7)
    cx = w * rng.uniform(0.46, 0.54)
    bw = w * 0.36
    eave = ground - h * 0.24

    for side in (-1, 1):
        x0, x1 = sorted((cx + side * bw * 0.5, cx + side * bw * 1.2))
        d.rectangle((x0, eave + h * 0.04, x1, ground), fill=_mix(stone, shadow, 0.25))
        d.rectangle((x0, eave + h * 0.03, x1, eave + h * 0.045), fill=shadow)
        for row in range(2):
            wy = eave + h * (0.075 + row * 0.07)
            nx = int((x1 - x0) / (w * 0.03))
            for k in range(nx):
                wx = x0 + (k + 0.35) * (x1 - x0) / nx
                d.rectangle((wx, wy, wx + w * 0.012, wy + h * 0.04), fill=deep)

    # drum and dome
    drum_w, drum_top = bw * 0.42, eave - h * 0.13
    d.rectangle(
        (cx - drum_w / 2, drum_top, cx + drum_w / 2, eave),
        fill=_mix(stone, shadow, 0.15),
    )
    for k in range(9):
        px = cx - drum_w / 2 + (k + 0.5) * drum_w / 9
        d.rectangle(
            (px - w * 0.003, drum_top + h * 0.01, px + w * 0.003, eave - h * 0.005),
            fill=shadow,
        )
    dome_h = h * 0.2
    dome = _mix(stone, rng.choice([(70, 110, 100), (150, 150, 160), (60, 70, 90)]), 0.5)
    d.chord(
        (cx - drum_w * 0.52, drum_top - dome_h, cx + drum_w * 0.52, drum_top + dome_h),
        180,
        360,
        fill=dome,
    )
    for k in range(1, 6):
        rib = cx - drum_w * 0.52 + k * drum_w * 1.04 / 6
        d.line(
            (rib, drum_top, cx + (rib - cx) * 0.3, drum_top - dome_h * 0.92),
            fill=_mix(dome, (30, 30, 30), 0.3),
            width=max(1, w // 800),
        )
    d.rectangle(
        (
            cx - w * 0.012,
            drum_top - dome_h - h * 0.05,
            cx + w * 0.012,
            drum_top - dome_h + 2,
        ),
        fill=stone,
    )
    d.polygon(
        [
            (cx - w * 0.016, drum_top - dome_h - h * 0.05),
            (cx + w * 0.016, drum_top - dome_h - h * 0.05),
            (cx, drum_top - dome_h - h * 0.075),
        ],
        fill=dome,
    )
    pole_top = drum_top - dome_h - h * 0.15
    d.line(
        (cx, drum_top - dome_h - h * 0.07, cx, pole_top),
        fill=(60, 60, 60),
        width=max(2, w // 700),
    )
    _banner(d, cx, pole_top, w * 0.045, h * 0.03, rng.choice(BANNERS))

    # portico
    d.rectangle((cx - bw / 2, eave, cx + bw / 2, ground), fill=shadow)
    d.polygon(
        [(cx - bw * 0.54, eave), (cx + bw * 0.54, eave), (cx, eave - h * 0.08)],
        fill=stone,
    )
    d.polygon(
        [
            (cx - bw * 0.45, eave - h * 0.008),
            (cx + bw * 0.45, eave - h * 0.008),
            (cx, eave - h * 0.065),
        ],
        fill=_mix(stone, shadow, 0.3),
    )
    d.rectangle((cx - bw * 0.54, eave, cx + bw * 0.54, eave + h * 0.03), fill=stone)
    columns = 8
    for k in range(columns):
        px = cx - bw * 0.46 + k * bw * 0.92 / (columns - 1)
        cw = bw * 0.022
        d.rectangle((px - cw, eave + h * 0.03, px + cw, ground - h * 0.03), fill=stone)
        d.rectangle(
            (px - cw * 1.4, eave + h * 0.03, px + cw * 1.4, eave + h * 0.04), fill=stone
        )
        d.line(
            (px - cw * 0.35, eave + h * 0.045, px - cw * 0.35, ground - h * 0.035),
            fill=_mix(stone, shadow, 0.35),
            width=max(1, w // 900),
        )
    for step in range(4):
        y = ground - h * 0.03 + step * h * 0.0075
        d.rectangle(
            (
                cx - bw * (0.56 + step * 0.02),
                y,
                cx + bw * (0.56 + step * 0.02),
                y + h * 0.0075,
            ),
            fill=_mix(stone, shadow, step * 0.12),
        )

    plaza = _mix(stone, (110, 110, 105), 0.5)
    img.paste(
        _gradient((w, h - ground), [(0, plaza), (1, _mix(plaza, (40, 40, 40), 0.5))]),
        (0, ground),
    )
    tree = _mix(horizon, (28, 46, 30), 0.8)
    for x in (w * rng.uniform(0.02, 0.08), w * rng.uniform(0.9, 0.97)):
        _broadleaf(d, x, ground + h * 0.02, h * rng.uniform(0.35, 0.45), tree, rng)


def _factory(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    ground = int(h * 0.72)
    horizon = _sky(img, rng, rng.choice(["overcast", "dawn", "day"]), ground)
    metal = _mix(horizon, _jitter(rng, (54, 60, 70), 8), 0.7)
    far = _mix(horizon, metal, 0.45)
    _skyline(d, rng, w, ground, h * 0.03, h * 0.1, far)

    chimneys = []
    for _ in range(rng.randint(2, 4)):
        x = w * rng.uniform(0.05, 0.9)
        top = ground - h * rng.uniform(0.38, 0.55)
        cw = w * rng.uniform(0.012, 0.02)
        chimneys.append((x, top, cw))
    smoke = _mix(horizon, (235, 235, 232), 0.5)

    def paint(md, s):
        for x, top, cw in chimneys:
            drift = rng.uniform(0.5, 1.5)
            for k in range(9):
                r = (cw * 1.2 + k * h * 0.018) * s
                px = (x + k * w * 0.022 * drift) * s
                py = (top - k * h * 0.025) * s
                md.ellipse((px - r, py - r, px + r, py + r), fill=max(40, 170 - k * 14))

    _soft(img, smoke, paint, h * 0.02)
    for x, top, cw in chimneys:
        d.polygon(
            [
                (x - cw, ground),
                (x + cw, ground),
                (x + cw * 0.75, top),
                (x - cw * 0.75, top),
            ],
            fill=metal,
        )
        for band in (0.08, 0.16):
            by = top + (ground - top) * band
            d.rectangle(
                (x - cw * 0.8, by, x + cw * 0.8, by + h * 0.008),
                fill=_mix(metal, (170, 40, 40), 0.5),
            )

    x = -rng.uniform(0, w * 0.05)
    while x < w:
        sw, sh = w * rng.uniform(0.16, 0.28), h * rng.uniform(0.12, 0.2)
        tooth = sw / rng.randint(4, 7)
        d.rectangle((x, ground - sh, x + sw, ground), fill=metal)
        tx = x
        while tx < x + sw - 1:
            d.polygon(
                [
                    (tx, ground - sh),
                    (tx + tooth * 0.8, ground - sh - h * 0.045),
                    (tx + tooth * 0.8, ground - sh),
                    (tx + tooth, ground - sh),
                ],
                fill=metal,
            )
            d.polygon(
                [
                    (tx + tooth * 0.8, ground - sh - h * 0.045),
                    (tx + tooth * 0.86, ground - sh - h * 0.045),
                    (tx + tooth * 0.86, ground - sh),
                    (tx + tooth * 0.8, ground - sh),
                ],
                fill=(*_mix(horizon, (255, 255, 255), 0.4), 120),
            )
            tx += tooth
        for k in range(int(sw / (w * 0.04))):
            wx = x + w * 0.015 + k * w * 0.04
            d.rectangle(
                (wx, ground - sh * 0.7, wx + w * 0.022, ground - sh * 0.45),
                fill=(*_mix(horizon, (255, 224, 160), 0.5), 110),
            )
        door = x + sw * rng.uniform(0.2, 0.6)
        d.rectangle(
            (door, ground - sh * 0.35, door + sw * 0.15, ground),
            fill=_mix(metal, (10, 10, 10), 0.4),
        )
        x += sw + w * rng.uniform(0.01, 0.05)

    tank = _mix(metal, horizon, 0.15)
    for _ in range(2):
        tx, tr = w * rng.uniform(0.05, 0.9), w * rng.uniform(0.03, 0.05)
        d.rectangle((tx - tr, ground - h * 0.11, tx + tr, ground), fill=tank)
        d.chord(
            (
                tx - tr,
                ground - h * 0.11 - tr * 0.35,
                tx + tr,
                ground - h * 0.11 + tr * 0.35,
            ),
            180,
            360,
            fill=tank,
        )

    yard = _mix(horizon, (96, 94, 88), 0.6)
    img.paste(
        _gradient((w, h - ground), [(0, yard), (1, _mix(yard, (30, 30, 30), 0.5))]),
        (0, ground),
    )
    fence = (30, 32, 36)
    fy = h * 0.93
    d.line((0, fy - h * 0.09, w, fy - h * 0.09), fill=fence, width=max(2, h // 400))
    d.line((0, fy - h * 0.045, w, fy - h * 0.045), fill=fence, width=max(1, h // 600))
    for k in range(0, 22):
        px = k * w / 21
        d.rectangle((px - w * 0.003, fy - h * 0.11, px + w * 0.003, fy), fill=fence)
    step = w * 0.012
    xx = 0.0
    while xx < w:
        d.line((xx, fy - h * 0.09, xx + step, fy), fill=(*fence, 90), width=1)
        d.line((xx + step, fy - h * 0.09, xx, fy), fill=(*fence, 90), width=1)
        xx += step


def _sea(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * rng.uniform(0.46, 0.54))
    horizon = _sky(img, rng, rng.choice(["day", "overcast", "dawn", "dusk"]), hz)
    for _ in range(rng.randint(2, 5)):
        cx, cy = rng.uniform(0, w), rng.uniform(0.1, 0.35) * h
        cloud = _mix(horizon, (250, 250, 250), 0.45)

        def paint(md, s, cx=cx, cy=cy):
            for _ in range(5):
                rx, ry = (
                    w * rng.uniform(0.05, 0.1) * s,
                    h * rng.uniform(0.015, 0.03) * s,
                )
                ox = rng.uniform(-w * 0.07, w * 0.07) * s
                md.ellipse(
                    (cx * s + ox - rx, cy * s - ry, cx * s + ox + rx, cy * s + ry),
                    fill=100,
                )

        _soft(img, cloud, paint, h * 0.025)
    sea_top = _mix(horizon, _jitter(rng, (40, 70, 96), 8), 0.6)
    img.paste(
        _gradient((w, h - hz), [(0, sea_top), (1, _jitter(rng, (12, 30, 48), 6))]),
        (0, hz),
    )
    for _ in range(500):
        t = rng.random() ** 1.4
        y = hz + 2 + t * (h - hz)
        x = rng.uniform(0, w)
        length = w * (0.003 + 0.02 * t) * rng.uniform(0.5, 1.5)
        shade = rng.choice([(255, 255, 255), (10, 20, 30)])
        d.line(
            (x - length, y, x + length, y),
            fill=(*shade, rng.randint(20, 60)),
            width=max(1, round(h * 0.0025 * (0.5 + t))),
        )

    far_ship = _mix(horizon, (60, 66, 76), 0.5)
    _frigate(
        d,
        w * rng.uniform(0.05, 0.25),
        hz + 1,
        w * 0.07,
        far_ship,
        flip=rng.random() < 0.5,
    )

    hull = _jitter(rng, (64, 70, 78), 6)
    length = w * rng.uniform(0.5, 0.6)
    flip = rng.random() < 0.5
    wy = hz + (h - hz) * rng.uniform(0.35, 0.45)
    x = w * 0.5 - length / 2 if not flip else w * 0.5 + length / 2
    bow_x = x + (length * 0.955 if not flip else -length * 0.955)
    stern_x = x
    foam = (236, 240, 242)
    d.polygon(
        [
            (stern_x, wy),
            (stern_x + (-1 if not flip else 1) * w * 0.35, wy + h * 0.05),
            (stern_x + (-1 if not flip else 1) * w * 0.35, wy + h * 0.02),
        ],
        fill=(*foam, 70),
    )
    d.polygon(
        [
            (bow_x, wy - h * 0.004),
            (bow_x + (1 if not flip else -1) * w * 0.03, wy + h * 0.012),
            (bow_x - (1 if not flip else -1) * w * 0.08, wy + h * 0.01),
        ],
        fill=(*foam, 160),
    )
    d.polygon(
        [
            (stern_x, wy - h * 0.003),
            (bow_x, wy - h * 0.003),
            (bow_x, wy + h * 0.008),
            (stern_x, wy + h * 0.008),
        ],
        fill=(*foam, 110),
    )
    _frigate(d, x, wy, length, hull, flip=flip)
    s = -1 if flip else 1
    d.text(
        (x + s * length * 0.8, wy - length * 0.045),
        str(rng.randint(100, 999)),
        fill=(230, 230, 230),
        font=_font(max(10, round(length * 0.025))),
        anchor="mm",
    )


def _border(img: Image.Image, d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    w, h = img.size
    hz = int(h * rng.uniform(0.48, 0.56))
    horizon = _sky(img, rng, rng.choice(["overcast", "dawn", "day", "dusk"]), hz)
    trees = _mix(horizon, (40, 56, 44), 0.6)
    _fill_below(d, _ridge(rng, w, hz, h * 0.035, waves=9), hz + 2, trees)
    field = _mix(horizon, _jitter(rng, (120, 130, 80), 12), 0.6)
    img.paste(
        _gradient((w, h - hz), [(0, field), (1, _mix(field, (50, 46, 30), 0.6))]),
        (0, hz),
    )
    vx = w * rng.uniform(0.3, 0.7)
    furrow = _mix(field, (40, 36, 24), 0.3)
    for k in range(-30, 31):
        d.line(
            (vx + k * w * 0.002, hz + 2, vx + k * w * 0.08, h),
            fill=(*furrow, 90),
            width=max(1, w // 900),
        )

    # watchtower
    tx = w * rng.uniform(0.62, 0.8)
    tb = hz + (h - hz) * 0.2
    th = h * 0.36
    tower = _mix(horizon, (36, 38, 40), 0.8)
    lw = max(2, round(w * 0.003))
    cab_b = tb - th * 0.72
    for dx in (-0.13, 0.13):
        d.line((tx + dx * th, tb, tx + dx * th * 0.55, cab_b), fill=tower, width=lw)
    for level in (0.2, 0.45):
        y = tb - th * 0.72 * level
        spread = 0.13 - 0.058 * level
        d.line(
            (tx - spread * th, y, tx + spread * th, y),
            fill=tower,
            width=max(1, lw // 2),
        )
    d.line(
        (tx - 0.13 * th, tb, tx + 0.1 * th, tb - th * 0.36),
        fill=tower,
        width=max(1, lw // 2),
    )
    d.line(
        (tx + 0.13 * th, tb, tx - 0.1 * th, tb - th * 0.36),
        fill=tower,
        width=max(1, lw // 2),
    )
    d.rectangle((tx - th * 0.11, cab_b - th * 0.17, tx + th * 0.11, cab_b), fill=tower)
    d.rectangle(
        (tx - th * 0.09, cab_b - th * 0.14, tx + th * 0.09, cab_b - th * 0.08),
        fill=_mix(horizon, (255, 240, 200), 0.3),
    )
    d.polygon(
        [
            (tx - th * 0.15, cab_b - th * 0.17),
            (tx + th * 0.15, cab_b - th * 0.17),
            (tx, cab_b - th * 0.26),
        ],
        fill=tower,
    )
    d.line(
        (tx, cab_b - th * 0.26, tx, cab_b - th * 0.34),
        fill=tower,
        width=max(1, lw // 2),
    )

    # fence running from the foreground into the distance
    post = (34, 32, 30)
    fx_far, fy_far = w * 1.02, hz + h * 0.01
    fx_near, fy_near = -w * 0.02, h * 0.93
    tops = []
    for k in range(26):
        z = 1 + k * 0.55
        t = 1 / z
        x = fx_far + (fx_near - fx_far) * t
        y = fy_far + (fy_near - fy_far) * t
        ph = h * 0.32 * t
        pw = max(1.5, w * 0.006 * t)
        d.rectangle((x - pw, y - ph, x + pw, y), fill=post)
        d.line(
            (x, y - ph, x + pw * 2.5, y - ph * 1.1), fill=post, width=max(1, round(pw))
        )
        tops.append((x, y, ph))
    for share in (0.2, 0.45, 0.7, 0.95):
        line = [(x, y - ph * share) for x, y, ph in tops]
        d.line(line, fill=(*post, 200), width=max(1, round(h * 0.0018)))
    for (x0, y0, p0), (x1, y1, p1) in zip(tops, tops[1:], strict=False):
        d.line((x0, y0 - p0 * 0.95, x1, y1 - p1 * 0.2), fill=(*post, 90), width=1)
        d.line((x0, y0 - p0 * 0.2, x1, y1 - p1 * 0.95), fill=(*post, 90), width=1)
    coil_y, coil_h = h * 0.99, h * 0.06
    x = 0.0
    while x < w:
        r = coil_h * rng.uniform(0.45, 0.55)
        d.arc(
            (x - r, coil_y - coil_h - r * 0.3, x + r, coil_y - coil_h + 2 * r),
            0,
            360,
            fill=(*post, 200),
            width=max(1, h // 500),
        )
        x += r * 0.55
    grass = _mix(field, (30, 40, 20), 0.6)
    for _ in range(int(w * 0.25)):
        gx = rng.uniform(0, w)
        gy = h - rng.uniform(0, h * 0.12)
        d.line(
            (
                gx,
                gy,
                gx + rng.uniform(-h * 0.01, h * 0.01),
                gy - rng.uniform(h * 0.015, h * 0.04),
            ),
            fill=grass,
            width=max(1, w // 900),
        )


SCENES: dict[str, Callable[[Image.Image, ImageDraw.ImageDraw, random.Random], None]] = {
    "harbour": _harbour,
    "airfield": _airfield,
    "city": _city,
    "conference": _conference,
    "mountains": _mountains,
    "desert": _desert,
    "forest": _forest,
    "night": _night,
    "parliament": _parliament,
    "factory": _factory,
    "sea": _sea,
    "border": _border,
}


def draw(scene: str, label: str, size: tuple[int, int], seed: int) -> bytes:
    """Return JPEG bytes of a stylised `scene` at `size`, captioned with `label`.

    The same arguments always give the same bytes. Unknown scenes raise KeyError.
    """
    painter = SCENES[scene]
    rng = random.Random(seed)
    img = Image.new("RGB", size)
    painter(img, ImageDraw.Draw(img, "RGBA"), rng)
    _vignette(img, 60)
    _caption(img, label)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()
