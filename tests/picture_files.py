"""Odd picture files, built in memory with Pillow (nothing committed to the repository)."""

import io
import struct
import zlib

from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'photoshop:Credit="Ana Ruiz / Agencia Sur" exif:GPSLatitude="52,31.2N">'
    b'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Fishing boats return '
    b"to harbour at dusk</rdf:li></rdf:Alt></dc:description>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg(size=(1600, 900), color=(40, 90, 140), **options) -> bytes:
    return encoded(Image.new("RGB", size, color), "JPEG", quality=85, **options)


def noisy_jpeg(size=(1200, 800), quality=92) -> bytes:
    """Texture that does not compress away, for files of a realistic size."""
    photo = Image.merge("RGB", [Image.effect_noise(size, 60)] * 3)
    return encoded(photo, "JPEG", quality=quality)


def two_tone(size=(1600, 900), right=(220, 30, 30), left=(30, 60, 200)) -> bytes:
    """Left part blue, a red band on the right fifth: shows where a crop was cut."""
    picture = Image.new("RGB", size, left)
    ImageDraw.Draw(picture).rectangle(
        (size[0] * 4 // 5, 0, size[0], size[1]), fill=right
    )
    return encoded(picture, "JPEG", quality=90)


def gps_rotated_jpeg() -> bytes:
    """600 × 400 pixels stored sideways (orientation 6), red top-left corner, GPS
    position, camera serial, XMP with a credit and caption, a comment."""
    picture = Image.new("RGB", (600, 400), (30, 60, 200))
    ImageDraw.Draw(picture).rectangle((0, 0, 99, 99), fill=(230, 20, 20))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Camera maker"
    exif[0xA431] = "SERIAL-123456"  # body serial number
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 6.0)})
    return encoded(
        picture,
        "JPEG",
        quality=90,
        exif=exif.tobytes(),
        xmp=XMP,
        comment=b"shot at home, 52.52N 13.40E",
    )


def with_iptc(data: bytes, *, credit: str, caption: str) -> bytes:
    """Insert an APP13 Photoshop IPTC block (credit 2:110, caption 2:120) after SOI."""

    def record(number: int, text: str) -> bytes:
        value = text.encode()
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value

    iptc = record(110, credit) + record(120, caption)
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"
    resource += struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + segment + data[2:]


def bomb_png(size=(20000, 20000)) -> bytes:
    """A 1 × 1 PNG whose header declares ``size``: tiny on disk, huge once decoded."""
    data = bytearray(encoded(Image.new("L", (1, 1)), "PNG"))
    header = struct.pack(">II", *size) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def truncated_jpeg() -> bytes:
    data = noisy_jpeg((800, 600))
    return data[: len(data) // 2]


def cmyk_jpeg() -> bytes:
    return encoded(Image.new("CMYK", (800, 500), (0, 255, 255, 0)), "JPEG")


def png16_gradient() -> bytes:
    """A 16-bit grey ramp, 0 to 65535 from left to right."""
    ramp = Image.new("I;16", (512, 64))
    ramp.putdata([x * 128 for x in range(512)] * 64)
    return encoded(ramp, "PNG")


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (320, 200), color) for color in ("red", "lime", "blue")]
    return encoded(
        frames[0], "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0
    )


def transparent_png() -> bytes:
    picture = Image.new("RGBA", (700, 400), (0, 0, 0, 0))
    ImageDraw.Draw(picture).ellipse((100, 50, 600, 350), fill=(200, 30, 30, 255))
    return encoded(picture, "PNG")


def other_format(fmt: str) -> bytes:
    return encoded(Image.new("RGB", (64, 64), "orange"), fmt)


HTML = (
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.domain)</script><rect width="10" '
    b'height="10"/></svg>'
)
