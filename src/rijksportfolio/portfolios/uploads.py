# SPDX-License-Identifier: EUPL-1.2
"""Checking evidence uploads by their *content*: PDF, PNG and JPEG only.

The user's file name and the browser's content type are never trusted. A file is accepted only when

- its first bytes are the signature of one of the three types, and
- its structure holds for that type: a PNG is a complete chain of chunks with valid CRCs from IHDR to IEND,
  a JPEG a chain of marker segments from SOI to EOI, a PDF has a header, objects and an ``%%EOF`` at the end;
  images must also decode (Pillow), within a pixel limit;
- nothing follows the end of the image (data glued after IEND/EOI is how image/HTML/ZIP polyglots are made),
- it carries no markup a browser would run (``<script``, ``<html``, ``<svg``, ``javascript:`` …), and
- a PDF contains no active content: JavaScript, launch and submit actions, embedded files, XFA forms,
  automatic actions (also when hidden in compressed object streams or behind ``#xx`` name escapes).

:func:`check_upload` returns what to store: the bytes, the detected content type and extension, the
sanitised display name, the size and the SHA-256. It raises ``ValidationError`` (key ``file``) with a Dutch
message otherwise; it stores nothing itself (``services.evidence_add`` does, only after the check).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import unicodedata
import warnings
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
ACCEPTED: dict[str, str] = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg"}

MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel scan is plenty; more is a decompression bomb
MAX_INFLATED_BYTES = 64 * 1024 * 1024  # total of decompressed PDF streams we are willing to inspect
DISPLAY_NAME_MAX = 120

# Markup a browser would interpret. In text (metadata, PDF objects) the full list; in compressed image data
# only tokens long enough not to occur by chance (a 3-byte token like ``<a `` appears in megabytes of noise).
_MARKUP = re.compile(
    rb"<\s*(script|html|body|head|svg|iframe|object|embed|meta|link|form|img|a\s|!doctype)"
    rb"|javascript\s*:|vbscript\s*:|\bon(load|error|click|mouseover|focus)\s*=",
    re.IGNORECASE,
)
_MARKUP_STRONG = re.compile(
    rb"<(script|html|body|head|svg[\s>/]|iframe|object|embed|!doctype)|javascript:|vbscript:", re.IGNORECASE
)
# PDF names that make a document do something by itself.
_PDF_ACTIVE = re.compile(
    rb"/(JS|JavaScript|Launch|SubmitForm|ImportData|EmbeddedFiles?|RichMedia|XFA|GoToE|AA|OpenAction)(?![A-Za-z0-9])"
)
_PDF_OPEN_ACTION = re.compile(rb"/OpenAction\s*(<<.*?>>|\d+\s+\d+\s+R|\[)", re.DOTALL)
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb">>\s*stream\r?\n(.*?)endstream", re.DOTALL)
_PDF_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b|\bendobj\b")
# Unsafe in a file name shown to people or put in a header: path separators, controls, reserved characters.
_NAME_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*;=\[\]{}`$%]')
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"))


@dataclass(frozen=True)
class CheckedUpload:
    content: bytes
    content_type: str
    extension: str
    display_name: str
    size: int
    sha256: str


def _reject(message: str) -> ValidationError:
    return ValidationError({"file": [message]}, code="invalid_upload")


def max_bytes() -> int:
    return int(settings.EVIDENCE_MAX_BYTES)


def _read_limited(source: IO[bytes] | bytes, limit: int) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source[: limit + 1])
    if hasattr(source, "seek"):
        source.seek(0)
    return source.read(limit + 1)


def check_upload(source: IO[bytes] | bytes, *, name: str) -> CheckedUpload:
    """Check an uploaded file (a file object or bytes) with the user's file ``name``; see the module doc."""
    limit = max_bytes()
    content = _read_limited(source, limit)
    if len(content) > limit:
        raise _reject(
            _("Het bestand is te groot: het mag hoogstens %(size)s zijn.") % {"size": size_label(limit)}
        )
    if not content:
        raise _reject(_("Het bestand is leeg."))
    content_type = detect_type(content)
    if content_type == PDF:
        _check_pdf(content)
    elif content_type == PNG:
        _check_png(content)
    else:
        _check_jpeg(content)
    extension = ACCEPTED[content_type]
    return CheckedUpload(
        content=content,
        content_type=content_type,
        extension=extension,
        display_name=display_name_for(name, extension),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def size_label(n: int) -> str:
    """``10 MB``, ``2,5 MB``, ``512 kB``: a size limit as people read it (Dutch decimal comma)."""
    if n < 1024 * 1024:
        return f"{max(1, n // 1024)} kB"
    value = n / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB".replace(".", ",")


def detect_type(content: bytes) -> str:
    """The type by signature at offset 0; a clear Dutch rejection for everything else (SVG and HTML named)."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in head or (head.startswith(b"<?xml") and b"svg" in head):
        raise _reject(_("SVG-bestanden zijn niet toegestaan. Lever een PDF, PNG of JPEG aan."))
    if _MARKUP.search(head) or head.startswith(b"<"):
        raise _reject(
            _(
                "Dit bestand is een webpagina (HTML), ook al heeft het een andere naam. Lever een PDF, PNG of JPEG aan."
            )
        )
    raise _reject(
        _(
            "Dit soort bestand is niet toegestaan. Alleen PDF, PNG en JPEG; het soort wordt aan de inhoud bepaald, niet aan de naam."
        )
    )


def _no_markup(data: bytes, pattern: re.Pattern[bytes] = _MARKUP) -> None:
    if pattern.search(data):
        raise _reject(_("Het bestand bevat ook webcode (HTML of script) en wordt daarom niet geaccepteerd."))


# --- PDF ---------------------------------------------------------------------------------------------


def _normalise_pdf_names(data: bytes) -> bytes:
    return _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _pdf_split(content: bytes) -> tuple[bytes, list[bytes]]:
    """The file with stream data blanked out, and the inflated object streams.

    Stream data is binary (fonts, images, compressed page drawing) and would match short tokens by chance;
    the objects a reader interprets are outside streams or inside object streams (``/Type /ObjStm``),
    which are inflated and inspected. A "stream" span that contains object syntax is not blanked, so a
    fake stream keyword cannot hide real objects.
    """
    kept: list[bytes] = []
    inflated: list[bytes] = []
    budget = MAX_INFLATED_BYTES
    last = 0
    for match in _PDF_STREAM.finditer(content):
        data = match.group(1)
        if _PDF_OBJ.search(data):
            continue
        header = content[max(0, match.start() - 4096) : match.start()]
        header = header[header.rfind(b"obj") + 3 :] if b"obj" in header else header
        if b"/ObjStm" in _normalise_pdf_names(header):
            decompressor = zlib.decompressobj()
            try:
                plain = decompressor.decompress(data, budget)
            except zlib.error:
                raise _reject(_("Dit PDF-bestand is onvolledig of beschadigd.")) from None
            if decompressor.unconsumed_tail:
                raise _reject(_("Het PDF-bestand is te ingewikkeld om te controleren."))
            budget -= len(plain)
            inflated.append(plain)
        kept.append(content[last : match.start(1)])
        last = match.end(1)
    kept.append(content[last:])
    return b"".join(kept), inflated


def _check_pdf(content: bytes) -> None:
    if not re.match(rb"%PDF-[12]\.\d", content):
        raise _reject(_("Dit is geen geldig PDF-bestand (de kop ontbreekt of is onjuist)."))
    if b"%%EOF" not in content[-1024:]:
        raise _reject(_("Dit PDF-bestand is onvolledig of beschadigd (het einde ontbreekt)."))
    if not _PDF_OBJ.search(content) or b"endobj" not in content or b"startxref" not in content[-4096:]:
        raise _reject(_("Dit PDF-bestand is onvolledig of beschadigd."))
    outside, object_streams = _pdf_split(content)
    for part in [outside, *object_streams]:
        names = _normalise_pdf_names(part)
        if b"/Encrypt" in names:
            raise _reject(
                _("Versleutelde PDF-bestanden kunnen niet worden gecontroleerd en zijn niet toegestaan.")
            )
        found = _PDF_ACTIVE.search(names)
        if found and not (found.group(1) == b"OpenAction" and _open_action_harmless(names)):
            raise _reject(
                _(
                    "Het PDF-bestand bevat actieve inhoud (zoals JavaScript, ingesloten bestanden of automatische acties) en wordt daarom niet geaccepteerd."
                )
            )
        _no_markup(part)


def _open_action_harmless(names: bytes) -> bool:
    """``/OpenAction [page /Fit]`` (go to a page) is common and harmless; anything else is rejected."""
    active = [m.group(1) for m in _PDF_ACTIVE.finditer(names)]
    if any(a != b"OpenAction" for a in active):
        return False
    return all(m.group(1) == b"[" for m in _PDF_OPEN_ACTION.finditer(names))


# --- PNG ---------------------------------------------------------------------------------------------


def _check_png(content: bytes) -> None:
    pos = 8
    first = True
    texts: list[bytes] = []
    while True:
        if pos + 12 > len(content):
            raise _reject(_("Dit PNG-bestand is onvolledig of beschadigd."))
        (length,) = struct.unpack(">I", content[pos : pos + 4])
        kind = content[pos + 4 : pos + 8]
        data = content[pos + 8 : pos + 8 + length]
        crc = content[pos + 8 + length : pos + 12 + length]
        if len(data) != length or len(crc) != 4 or struct.unpack(">I", crc)[0] != zlib.crc32(kind + data):
            raise _reject(_("Dit PNG-bestand is onvolledig of beschadigd."))
        if first and kind != b"IHDR":
            raise _reject(_("Dit PNG-bestand is onvolledig of beschadigd."))
        first = False
        if kind not in (b"IDAT", b"IHDR", b"PLTE", b"IEND"):
            texts.append(data)
        if kind in (b"zTXt", b"iTXt") and b"\x00" in data:
            texts.extend(_inflate_text(data))
        pos += 12 + length
        if kind == b"IEND":
            break
    _check_image_rest(content, pos, texts, "PNG")


def _inflate_text(data: bytes) -> list[bytes]:
    """Compressed text in zTXt/iTXt chunks, inflated (bounded), or nothing when it is not compressed."""
    out = []
    for start in range(data.find(b"\x00") + 1, len(data)):
        if data[start : start + 1] in (b"\x78",):  # zlib header
            decompressor = zlib.decompressobj()
            try:
                out.append(decompressor.decompress(data[start:], 1_000_000))
            except zlib.error:
                continue
            break
    return out


# --- JPEG --------------------------------------------------------------------------------------------


def _check_jpeg(content: bytes) -> None:
    pos = 2
    size = len(content)
    seen_sos = False
    texts: list[bytes] = []
    while True:
        # Skip fill bytes, then read a marker.
        while pos < size and content[pos] == 0xFF and pos + 1 < size and content[pos + 1] == 0xFF:
            pos += 1
        if pos + 2 > size or content[pos] != 0xFF:
            raise _reject(_("Dit JPEG-bestand is onvolledig of beschadigd."))
        marker = content[pos + 1]
        pos += 2
        if marker == 0xD9:  # EOI
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        if pos + 2 > size:
            raise _reject(_("Dit JPEG-bestand is onvolledig of beschadigd."))
        (length,) = struct.unpack(">H", content[pos : pos + 2])
        if length < 2 or pos + length > size:
            raise _reject(_("Dit JPEG-bestand is onvolledig of beschadigd."))
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn and COM: metadata and comments
            texts.append(content[pos + 2 : pos + length])
        pos += length
        if marker == 0xDA:  # SOS: entropy-coded data up to the next real marker
            seen_sos = True
            while True:
                nxt = content.find(b"\xff", pos)
                if nxt < 0 or nxt + 1 >= size:
                    raise _reject(_("Dit JPEG-bestand is onvolledig of beschadigd."))
                following = content[nxt + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos = nxt + 1 if following == 0xFF else nxt + 2
                    continue
                pos = nxt
                break
    if not seen_sos:
        raise _reject(_("Dit JPEG-bestand is onvolledig of beschadigd."))
    _check_image_rest(content, pos, texts, "JPEG")


def _check_image_rest(content: bytes, end: int, texts: list[bytes], expected: str) -> None:
    """After the image's end marker only padding; no markup in the file or its metadata; it decodes."""
    if content[end:].strip(b"\x00"):
        raise _reject(
            _(
                "Na het einde van de afbeelding staan nog andere gegevens; zo'n bestand wordt niet geaccepteerd."
            )
        )
    _no_markup(content, _MARKUP_STRONG)
    for text in texts:
        _no_markup(text)
    _decode_image(content, expected)


def _decode_image(content: bytes, expected: str) -> None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != expected:
                    raise _reject(_("Dit afbeeldingsbestand is onvolledig of beschadigd."))
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise _reject(_("De afbeelding heeft te veel beeldpunten."))
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _reject(_("De afbeelding heeft te veel beeldpunten.")) from None
    except Exception:  # any decoder failure means: not a usable image
        raise _reject(_("Dit afbeeldingsbestand is onvolledig of beschadigd.")) from None


# --- names -------------------------------------------------------------------------------------------


def display_name_for(name: str, extension: str) -> str:
    """The user's file name made safe to show and to put in a header, with the *detected* extension."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = unicodedata.normalize("NFC", base).translate(_BIDI)
    base = _NAME_UNSAFE.sub("_", base)
    base = re.sub(r"\s+", " ", base).strip(" ._")
    stem = base.rsplit(".", 1)[0].strip(" ._") if "." in base else base
    stem = stem[: DISPLAY_NAME_MAX - len(extension)].strip(" ._")
    return f"{stem or 'bewijsstuk'}{extension}"
