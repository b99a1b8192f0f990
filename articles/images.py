"""Pixel work for uploaded pictures: bytes in, files out. No ORM, no request.

An upload goes through ``prepare()`` (validate, normalise, re-encode the original);
renditions are cut later, in a task, by ``render()`` from the stored original. Every
function raises ``ValidationError`` with words an editor understands.

Decisions (see README "Pictures"):
- The type comes from the bytes. JPEG, PNG, WebP and GIF are accepted; anything else
  is refused before Pillow parses more than the header.
- Metadata never survives: every file we write is a fresh encode with no EXIF, XMP,
  IPTC or comment, only the colour profile of RGB images.
- Animated GIF/PNG/WebP: the first frame is used, as a still. Cutting five widths of
  every frame in two formats would cost more than the rest of the pipeline, and a
  news page should not move by surprise. The admin tells the editor.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from PIL import Image, ImageCms, ImageOps, IptcImagePlugin, UnidentifiedImageError

# Pillow format name -> file extension we store it under.
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
ACCEPTED_LABEL = "JPEG, PNG, WebP or GIF"

# Renditions: widths at the original's proportions, and focal-point crops.
WIDTHS = (320, 640, 960, 1280, 1920)
CROPS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
CROP_WIDTHS = (320, 640, 1200)
ORIENTATION = 0x0112  # the EXIF tag
# Bumping this makes `regenerate_renditions` redo every file.
PIPELINE_VERSION = 1

WEBP_MAX_SIDE = 16383  # the format's limit
ORIGINAL_QUALITY = {"JPEG": 90, "WEBP": 90}
RENDITION_QUALITY = {"jpeg": 82, "webp": 78}
WEBP_METHOD = 4

# Signatures of formats we refuse, to name them in the error message.
REFUSED_SIGNATURES = [
    (re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<svg", re.I | re.S), "SVG"),
    (re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<script)", re.I), "HTML"),
    (re.compile(rb"^(II\*\x00|MM\x00\*)"), "TIFF"),
    (re.compile(rb"^BM"), "BMP"),
    (re.compile(rb"^\x00\x00[\x01\x02]\x00"), "ICO"),
    (re.compile(rb"^(%!PS|\xc5\xd0\xd3\xc6)"), "EPS"),
    (re.compile(rb"^%PDF"), "PDF"),
    (re.compile(rb"^....ftyp(heic|heix|mif1|msf1)", re.S), "HEIC"),
    (re.compile(rb"^....ftypavi[fs]", re.S), "AVIF"),
]


@dataclass(frozen=True)
class Prepared:
    """A validated upload, re-encoded without metadata, ready to store."""

    content: bytes
    name: str  # a slug of the uploaded name with the extension of what we wrote
    width: int
    height: int
    source_format: str
    animated: bool
    credit: str
    caption: str


@dataclass(frozen=True)
class Spec:
    """One rendition to cut: a box of the original, resized to width × height."""

    ratio: str  # "" keeps the original's proportions
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"
    box: tuple[int, int, int, int]

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.ratio, self.width, self.format)

    @property
    def signature(self) -> str:
        """What the file depends on; a rendition is stale when this changes."""
        box = ",".join(map(str, self.box))
        return f"v{PIPELINE_VERSION}:{box}:{self.width}x{self.height}"

    @property
    def extension(self) -> str:
        return "jpg" if self.format == "jpeg" else self.format


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def read_capped(upload, max_bytes: int) -> bytes:
    """The upload's bytes, refusing empty and oversized files before reading them all."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            f"The file is {megabytes(size)}; the limit is {megabytes(max_bytes)}. "
            "Export a smaller version and upload it again.",
            code="too_big",
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1) if hasattr(upload, "read") else bytes(upload)
    if len(data) > max_bytes:
        raise ValidationError(
            f"The file is larger than {megabytes(max_bytes)}, the limit. "
            "Export a smaller version and upload it again.",
            code="too_big",
        )
    if not data:
        raise ValidationError(
            f"The file is empty. Choose a {ACCEPTED_LABEL} image.", code="empty"
        )
    return data


def refused_type(data: bytes) -> ValidationError:
    head = data[:1024]
    name = next(
        (label for pattern, label in REFUSED_SIGNATURES if pattern.match(head)), None
    )
    if name:
        article = "an" if name in ("SVG", "HTML", "ICO", "EPS", "AVIF") else "a"
        what = f"This is {article} {name} file"
    else:
        what = "This file is not an image we can read"
    return ValidationError(
        f"{what}. Upload a {ACCEPTED_LABEL} image; the type is read from the "
        "file's content, not its name.",
        code="type",
    )


def too_many_pixels(pixels: int, max_pixels: int, size=None) -> ValidationError:
    dimensions = f"{size[0]} × {size[1]} pixels, " if size else ""
    return ValidationError(
        f"The image is too large ({dimensions}{pixels / 1e6:.0f} megapixels); "
        f"the limit is {max_pixels / 1e6:.0f} megapixels. Scale it down and upload it "
        "again.",
        code="too_many_pixels",
    )


def open_checked(data: bytes, *, max_pixels: int) -> Image.Image:
    """Open and fully decode the first frame, or raise ValidationError.

    The size is checked from the header, before any pixel is decoded, so a small
    file declaring a huge canvas is refused without the process growing.
    """
    limit = min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels)
    with warnings.catch_warnings():
        # Pillow's own warning zone counts as too large too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(ACCEPTED))
        except UnidentifiedImageError:
            raise refused_type(data) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            match = re.search(r"\((\d+) pixels\)", str(error))
            raise too_many_pixels(int(match.group(1)) if match else 0, limit) from None
        except Exception as error:  # any parser failure means "damaged"
            raise damaged() from error
    if image.format not in ACCEPTED:
        raise refused_type(data)
    width, height = image.size
    if width < 1 or height < 1:
        raise damaged()
    if width * height > limit:
        raise too_many_pixels(width * height, limit, image.size)
    try:
        image.seek(0)
        image.load()
    except Exception as error:  # truncated, corrupt, or a bad frame
        raise damaged() from error
    return image


def damaged() -> ValidationError:
    return ValidationError(
        "The image is damaged or incomplete (it may have been cut off during the "
        "transfer). Export it again and upload the new file.",
        code="damaged",
    )


def embedded_text(image: Image.Image) -> tuple[str, str]:
    """(credit, caption) from the upload's IPTC or XMP block, read before stripping."""
    credit = caption = ""
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, OSError, IndexError):
        iptc = {}
    for key in ((2, 110), (2, 80), (2, 115)):  # Credit line, By-line, Source
        if credit := iptc_text(iptc.get(key)):
            break
    caption = iptc_text(iptc.get((2, 120)))
    xmp = image.info.get("xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode()
    if xmp:
        xml = xmp[:200_000].decode("utf-8", "replace")
        credit = (
            credit
            or xmp_value(xml, "photoshop:Credit")
            or xmp_value(xml, "dc:creator")
            or xmp_value(xml, "photoshop:Source")
        )
        caption = caption or xmp_value(xml, "dc:description")
    return credit[:200], caption[:300]


def iptc_text(value) -> str:
    if isinstance(value, list):
        value = b"; ".join(value)
    if not value:
        return ""
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        text = value.decode("latin-1")
    return " ".join(text.split())


def xmp_value(xml: str, prop: str) -> str:
    """A property's text, as an attribute or as an element (possibly an rdf list)."""
    name = re.escape(prop)
    if match := re.search(rf'{name}\s*=\s*"([^"]*)"', xml):
        text = match.group(1)
    elif match := re.search(rf"<{name}(?:\s[^>]*)?>(.*?)</{name}>", xml, re.S):
        inner = match.group(1)
        items = re.findall(r"<rdf:li(?:\s[^>]*)?>(.*?)</rdf:li>", inner, re.S)
        text = "; ".join(items) if items else inner
    else:
        return ""
    text = re.sub(r"<[^>]+>", " ", text)
    for entity, char in (
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", '"'),
        ("&apos;", "'"),
        ("&amp;", "&"),
    ):
        text = text.replace(entity, char)
    return " ".join(text.split())


def normalised(image: Image.Image) -> Image.Image:
    """Upright pixels in RGB or RGBA, no metadata, the colour profile kept for RGB."""
    icc = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image) or image
    mode = upright.mode
    if mode == "CMYK":
        upright, icc = cmyk_to_rgb(upright, icc), None
    elif mode.startswith("I"):
        # 16-bit grey: Pillow's own conversion clips to 255 instead of scaling.
        upright = upright.convert("I").point(lambda value: value / 256).convert("L")
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode in ("P", "L", "RGB", "1") and "transparency" in upright.info
    ):
        upright = upright.convert("RGBA")
        if upright.getchannel("A").getextrema()[0] == 255:
            upright = upright.convert("RGB")  # an alpha channel nobody uses
    elif upright.mode != "RGB":
        upright = upright.convert("RGB")
    if mode not in ("RGB", "RGBA", "P"):
        icc = None  # a grey or CMYK profile does not describe the RGB we made
    clean = upright if upright is not image else upright.copy()
    clean.info = {"icc_profile": icc} if icc else {}
    return clean


def cmyk_to_rgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the plain conversion below is still usable
    return image.convert("RGB")


def has_alpha(image: Image.Image) -> bool:
    return image.mode == "RGBA"


def encode(image: Image.Image, fmt: str, *, quality: int | None = None) -> bytes:
    """A fresh file with nothing but pixels (and an RGB colour profile)."""
    buffer = io.BytesIO()
    options: dict = {}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    match fmt:
        case "jpeg":
            options["quality"] = quality or RENDITION_QUALITY["jpeg"]
            rgb = image if image.mode == "RGB" else image.convert("RGB")
            rgb.save(buffer, "JPEG", **options)
        case "webp":
            options |= {
                "quality": quality or RENDITION_QUALITY["webp"],
                "method": WEBP_METHOD,
            }
            image.save(buffer, "WEBP", **options)
        case "png":
            image.save(buffer, "PNG", **options)
        case _:
            raise ValueError(f"Unknown format {fmt!r}")
    return buffer.getvalue()


def prepare(upload, *, max_bytes: int, max_pixels: int) -> Prepared:
    """Validate an upload and re-encode it as the original we keep and serve."""
    data = read_capped(upload, max_bytes)
    image = open_checked(data, max_pixels=max_pixels)
    source_format = image.format
    animated = bool(getattr(image, "is_animated", False))
    credit, caption = embedded_text(image)
    clean = normalised(image)
    image.close()
    if source_format == "JPEG":
        fmt, extension, quality = "jpeg", "jpg", ORIGINAL_QUALITY["JPEG"]
    elif source_format == "WEBP":
        fmt, extension, quality = "webp", "webp", ORIGINAL_QUALITY["WEBP"]
    else:
        fmt, extension, quality = "png", "png", None  # GIF and PNG stay lossless
    content = encode(clean, fmt, quality=quality)
    stem = slugify(PurePath(getattr(upload, "name", "") or "image").stem)[:60]
    return Prepared(
        content=content,
        name=f"{stem or 'image'}.{extension}",
        width=clean.width,
        height=clean.height,
        source_format=source_format,
        animated=animated,
        credit=credit,
        caption=caption,
    )


def crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of the given ratio that keeps the focal point as centred as it can."""
    width, height = size
    if width * ratio[1] > height * ratio[0]:
        box_w, box_h = max(1, round(height * ratio[0] / ratio[1])), height
    else:
        box_w, box_h = width, max(1, round(width * ratio[1] / ratio[0]))
    left = min(max(round(focal[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal[1] * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def widths_for(available: int, wanted: Iterable[int]) -> list[int]:
    """The wanted widths that need no upscaling, plus the full width when it is smaller."""
    wanted = sorted(wanted)
    chosen = [w for w in wanted if w <= available]
    if available < wanted[-1] and available not in chosen:
        chosen.append(available)
    return chosen


def plan(
    size: tuple[int, int], focal: tuple[float, float], *, transparent: bool
) -> list[Spec]:
    """Every rendition an image of this size should have."""
    width, height = size
    fallback = "png" if transparent else "jpeg"
    specs = []
    for fmt in ("webp", fallback):
        for w in widths_for(width, WIDTHS):
            h = max(1, round(height * w / width))
            if fmt == "webp" and h > WEBP_MAX_SIDE:
                continue  # a very tall strip: the fallback format alone serves it
            specs.append(Spec("", w, h, fmt, (0, 0, width, height)))
        for ratio, (rw, rh) in CROPS.items():
            box = crop_box(size, (rw, rh), focal)
            for w in widths_for(box[2] - box[0], CROP_WIDTHS):
                specs.append(Spec(ratio, w, max(1, round(w * rh / rw)), fmt, box))
    return specs


def header_facts(data: bytes) -> tuple[tuple[int, int], bool]:
    """(upright size, has transparency) of a stored original, from its header only."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
    width, height = image.size
    if image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
        width, height = height, width
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return (width, height), transparent


def source_scale(specs: Iterable[Spec]) -> float:
    """How much of the original's resolution the renditions need (1 = all of it)."""
    return max((spec.width / (spec.box[2] - spec.box[0]) for spec in specs), default=1)


def open_original(data: bytes, *, scale: float = 1.0) -> Image.Image:
    """The stored original (validated and normalised on upload) as RGB or RGBA.

    With ``scale`` below 1/2, a JPEG is decoded at a reduced size straight from its
    DCT coefficients: a quarter of the work for a 24-megapixel photo, same result.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        if image.format == "JPEG" and scale <= 0.5:
            width, height = image.size
            image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
        image.load()
    if image.mode not in ("RGB", "RGBA") or image.getexif().get(ORIENTATION, 1) != 1:
        image = normalised(image)  # a file stored before this pipeline existed
    return image


def render(
    image: Image.Image, specs: Iterable[Spec], *, full_size: tuple[int, int]
) -> Iterator[tuple[Spec, bytes]]:
    """Encode each spec from ``image``, the original opened at ``full_size`` or less.

    Each size is resized once whatever the number of formats, largest first, and a
    small size comes from a made one at least 1.5 times as wide: as sharp as resizing
    the original, for a fraction of the work.
    """
    factor = image.width / full_size[0]
    by_size: dict[tuple, list[Spec]] = {}
    for spec in specs:
        by_size.setdefault((spec.box, spec.width, spec.height), []).append(spec)
    icc = {k: v for k, v in image.info.items() if k == "icc_profile"}
    made: dict[tuple, list[Image.Image]] = {}
    for (box, width, height), group in sorted(
        by_size.items(), key=lambda item: (item[0][0], -item[0][1])
    ):
        larger = [im for im in made.get(box, []) if im.width >= 1.5 * width]
        if larger:
            source = min(larger, key=lambda im: im.width)
            resized = source.resize((width, height), Image.Resampling.LANCZOS)
        else:
            scaled_box = tuple(
                min(edge * factor, limit)
                for edge, limit in zip(box, (*image.size, *image.size), strict=True)
            )
            resized = image.resize(
                (width, height),
                Image.Resampling.LANCZOS,
                box=scaled_box,
                reducing_gap=3.0,
            )
        resized.info = dict(icc)
        made.setdefault(box, []).append(resized)
        for spec in group:
            yield spec, encode(resized, spec.format)


def rendition_name(original_name: str, spec: Spec) -> str:
    """Where a rendition lives: beside its original's name, unique to its content.

    The signature's hash is part of the name, so a re-cut crop gets a new URL and no
    cache can serve the old one under the new meaning.
    """
    original = PurePath(original_name)
    folder = "/".join(original.parent.parts[1:])  # images/2026/05 -> 2026/05
    label = spec.ratio.replace(":", "x") if spec.ratio else "w"
    digest = hashlib.sha256(
        f"{original_name}|{spec.signature}|{spec.format}".encode()
    ).hexdigest()[:8]
    return (
        f"renditions/{folder}/{original.stem}/"
        f"{label}-{spec.width}-{digest}.{spec.extension}"
    )
