# SPDX-License-Identifier: EUPL-1.2
"""Real sample files for the upload tests, made on the spot (Pillow for images, a tiny PDF writer)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def png(size: tuple[int, int] = (64, 48), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (21, 66, 115)).save(buffer, "PNG", **save)
    return buffer.getvalue()


def jpeg(size: tuple[int, int] = (320, 200), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buffer, "JPEG", quality=85, **save)
    return buffer.getvalue()


def pdf(*, catalog_extra: bytes = b"", objects: tuple[bytes, ...] = (), text: bytes = b"Diploma") -> bytes:
    """A small valid PDF (one page with text) with a correct cross-reference table.

    ``catalog_extra`` goes into the catalog dictionary, ``objects`` are appended as objects 5, 6, …"""
    stream = b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET"
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        *objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def weasyprint_pdf() -> bytes:
    """A PDF as real tools make it: compressed object streams, embedded font subsets."""
    import weasyprint

    html = "<h1>Certificaat</h1><p>Uitgereikt aan <a href='https://example.org'>Jan Jansen</a>.</p>"
    return weasyprint.HTML(string=html).write_pdf()


def stored_files(media: Path) -> list[Path]:
    """Every file under the media root (to see that nothing was stored, or left behind)."""
    return sorted(p for p in Path(media).rglob("*") if p.is_file())
