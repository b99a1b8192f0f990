"""Benchmark the picture pipeline: time and peak memory, one fresh process per case.

    uv run python bench/images.py            # both cases, 3 runs each
    uv run python bench/images.py --runs 5

Cases (targets from issue 3, on the 2-core machine):
- landscape: a 24-megapixel JPEG (6000 × 4000 with GPS EXIF) is validated,
  normalised, re-encoded as the stored original, reopened as the rendition task does,
  and cut into the whole rendition set. Target: under 3 s of CPU, under 500 MB peak.
- rotated: the same with EXIF orientation 6, so the pipeline rotates it and the
  renditions are portrait (4000 × 6000: taller renditions, more pixels to encode).
- bomb: a tiny PNG declaring 20000 × 20000 pixels is refused.
  Target: under 0.2 s and under 50 MB peak.

Each case runs in a child process so that its peak resident memory (ru_maxrss) is its
own; "growth" is that peak minus the child's size just before the case started.
"""

import argparse
import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def photo_bytes(size=(6000, 4000), orientation=1) -> bytes:
    """A photo-like JPEG: smooth colour fields, texture and sharp edges, with GPS EXIF."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = size
    base = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(size),
            Image.radial_gradient("L").resize(size),
            Image.effect_noise((width // 16, height // 16), 90).resize(
                size, Image.Resampling.BICUBIC
            ),
        ],
    )
    grain = Image.effect_noise(size, 12).convert("RGB")
    photo = Image.blend(base, grain, 0.25)
    draw = ImageDraw.Draw(photo)
    for n in range(60):
        x, y = (n * 7919) % width, (n * 104729) % height
        draw.rectangle((x, y, x + 300, y + 180), outline=(250, 250, 240), width=6)
    photo = photo.filter(ImageFilter.SMOOTH)
    exif = Image.Exif()
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 6.0)})
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def bomb_bytes(size=(20000, 20000)) -> bytes:
    """A 1 × 1 PNG whose header is rewritten to declare a huge canvas."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", *size) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def peak_mb() -> float:
    """This process's resident high-water mark (VmHWM; ru_maxrss survives exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: str, path: str) -> dict:
    """Runs in the child: time one case from bytes on disk to the last rendition."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    from django.core.exceptions import ValidationError

    from articles import images

    data = Path(path).read_bytes()
    before = peak_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    result: dict = {"case": case, "input_kb": round(len(data) / 1024)}
    try:
        prepared = images.prepare(
            io.BytesIO(data), max_bytes=25 * 1024 * 1024, max_pixels=50_000_000
        )
        result["prepare_s"] = round(time.process_time() - cpu, 3)
        full_size = (prepared.width, prepared.height)
        specs = images.plan(full_size, (0.5, 0.5), transparent=False)
        original = images.open_original(
            prepared.content, scale=images.source_scale(specs)
        )
        rendered = images.render(original, specs, full_size=full_size)
        sizes = [len(content) for _, content in rendered]
        result |= {
            "outcome": f"{len(sizes)} renditions, {sum(sizes) // 1024} KiB, "
            f"original {len(prepared.content) // 1024} KiB "
            f"{prepared.width}x{prepared.height}",
        }
    except ValidationError as error:
        result["outcome"] = f"refused: {error.messages[0]}"
    result["cpu_s"] = round(time.process_time() - cpu, 3)
    result["wall_s"] = round(time.perf_counter() - wall, 3)
    result["peak_mb"] = round(peak_mb(), 1)
    result["growth_mb"] = round(peak_mb() - before, 1)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        say(json.dumps(run_case(*args.child)))
        return
    # Made once and kept outside the repository: drawing a 24 MP photo takes seconds.
    work = Path(tempfile.gettempdir()) / "newsroom-bench"
    work.mkdir(exist_ok=True)
    inputs = {
        "landscape": (work / "photo-24mp.jpg", lambda: photo_bytes()),
        "rotated": (work / "photo-24mp-o6.jpg", lambda: photo_bytes(orientation=6)),
        "bomb": (work / "bomb-20000.png", bomb_bytes),
    }
    for path, make in inputs.values():
        if not path.exists():
            path.write_bytes(make())
    say(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs")
    for case, (path, _) in inputs.items():
        for _ in range(args.runs):
            child = subprocess.run(
                [sys.executable, __file__, "--child", case, str(path)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            row = json.loads(child.stdout)
            say(
                f"{case:9}  cpu {row['cpu_s']:6.2f} s  wall {row['wall_s']:6.2f} s  "
                f"peak {row['peak_mb']:6.1f} MB (+{row['growth_mb']:.1f} MB)  "
                f"{row['outcome']}"
            )


if __name__ == "__main__":
    main()
