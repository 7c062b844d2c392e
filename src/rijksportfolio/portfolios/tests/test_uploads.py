# SPDX-License-Identifier: EUPL-1.2
"""Evidence uploads are judged by their content: PDF, PNG and JPEG only, no polyglots, no active content."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError

from rijksportfolio.portfolios import uploads
from rijksportfolio.portfolios.tests import samples


def rejection(content: bytes, name: str = "bewijs.pdf") -> str:
    with pytest.raises(ValidationError) as caught:
        uploads.check_upload(content, name=name)
    return caught.value.message_dict["file"][0]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def with_png_chunk(png: bytes, chunk: bytes) -> bytes:
    # Right after IHDR (8-byte signature + 25-byte IHDR chunk).
    return png[:33] + chunk + png[33:]


@pytest.mark.parametrize(
    ("content", "name", "content_type", "display_name"),
    [
        (samples.png(), "Diploma HBO.png", "image/png", "Diploma HBO.png"),
        (samples.jpeg(), "scan.JPEG", "image/jpeg", "scan.jpg"),
        (samples.jpeg(progressive=True), "scan.jpg", "image/jpeg", "scan.jpg"),
        (samples.pdf(), "certificaat.pdf", "application/pdf", "certificaat.pdf"),
        (samples.weasyprint_pdf(), "certificaat.pdf", "application/pdf", "certificaat.pdf"),
        # Named wrongly but a real PNG: accepted as what it is, with the detected extension.
        (samples.png(), "diploma.pdf", "image/png", "diploma.png"),
    ],
)
def test_accepted_files_get_their_detected_type_and_extension(content, name, content_type, display_name):
    checked = uploads.check_upload(content, name=name)
    assert (checked.content_type, checked.display_name) == (content_type, display_name)
    assert checked.extension == uploads.ACCEPTED[content_type]
    assert checked.size == len(content)
    assert len(checked.sha256) == 64


def test_a_harmless_open_action_that_only_opens_page_one_is_accepted():
    content = samples.pdf(catalog_extra=b"/OpenAction [3 0 R /Fit] ")
    assert uploads.check_upload(content, name="a.pdf").content_type == "application/pdf"


def test_html_under_a_pdf_name_is_rejected_as_a_web_page():
    message = rejection(b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "cv.pdf")
    assert message.startswith("Dit bestand is een webpagina (HTML)")


def test_svg_with_script_is_rejected_even_under_a_png_name():
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert rejection(svg, "logo.png") == "SVG-bestanden zijn niet toegestaan. Lever een PDF, PNG of JPEG aan."


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100, "diploma.jpg"),  # a Windows program
        (b"PK\x03\x04" + b"\x00" * 100, "diploma.pdf"),  # a ZIP (docx, jar)
        (b"GIF89a" + b"\x00" * 100, "foto.png"),
        (b"Gewone tekst, geen PDF", "brief.pdf"),
    ],
)
def test_other_types_under_an_accepted_name_are_rejected(content, name):
    assert rejection(content, name).startswith("Dit soort bestand is niet toegestaan.")


def test_empty_file_is_rejected():
    assert rejection(b"") == "Het bestand is leeg."


def test_oversize_file_is_rejected_with_the_limit_in_the_message(settings):
    settings.EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
    content = samples.pdf(text=b"x" * (2 * 1024 * 1024))
    assert rejection(content) == "Het bestand is te groot: het mag hoogstens 2 MB zijn."


def test_file_of_exactly_the_limit_is_accepted(settings):
    content = samples.png()
    settings.EVIDENCE_MAX_BYTES = len(content)
    assert uploads.check_upload(content, name="a.png").size == len(content)


# --- polyglots -------------------------------------------------------------------------------------

POLYGLOT_TAIL = (
    "Na het einde van de afbeelding staan nog andere gegevens; zo'n bestand wordt niet geaccepteerd."
)
WEBCODE = "Het bestand bevat ook webcode (HTML of script) en wordt daarom niet geaccepteerd."


def test_jpeg_with_html_appended_is_rejected():
    assert rejection(samples.jpeg() + b"<html><script>alert(1)</script></html>", "a.jpg") == POLYGLOT_TAIL


def test_png_with_a_zip_appended_is_rejected():
    assert rejection(samples.png() + b"PK\x03\x04" + b"\x01" * 64, "a.png") == POLYGLOT_TAIL


def test_jpeg_with_html_in_a_comment_segment_is_rejected():
    jpeg = samples.jpeg()
    comment = b"<iframe src=x onload=alert(1)>"
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    assert rejection(jpeg[:2] + segment + jpeg[2:], "a.jpg") == WEBCODE


def test_png_with_script_in_a_text_chunk_is_rejected():
    chunk = png_chunk(b"tEXt", b"Comment\x00<script>alert(1)</script>")
    assert rejection(with_png_chunk(samples.png(), chunk), "a.png") == WEBCODE


def test_png_with_script_in_a_compressed_text_chunk_is_rejected():
    chunk = png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"<a href='javascript:alert(1)'>x</a>"))
    assert rejection(with_png_chunk(samples.png(), chunk), "a.png") == WEBCODE


ACTIVE = (
    "Het PDF-bestand bevat actieve inhoud (zoals JavaScript, ingesloten bestanden of automatische acties)"
    " en wordt daarom niet geaccepteerd."
)


@pytest.mark.parametrize(
    "catalog_extra",
    [
        b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ",
        b"/OpenAction 5 0 R ",  # an indirect action object: not a plain page destination
        b"/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (app.alert(1)) >>] >> >> ",
        b"/Names << /J#61vaScript 5 0 R >> ",  # name escapes do not hide it
        b"/AA << /O << /S /Launch /F (cmd.exe) >> >> ",
        b"/Names << /EmbeddedFiles 5 0 R >> ",
        b"/AcroForm << /XFA 5 0 R >> ",
    ],
)
def test_pdf_with_active_content_is_rejected(catalog_extra):
    content = samples.pdf(catalog_extra=catalog_extra, objects=(b"<< /S /GoTo /D [3 0 R /Fit] >>",))
    assert rejection(content) == ACTIVE


def test_pdf_with_javascript_hidden_in_a_compressed_object_stream_is_rejected():
    content = samples.weasyprint_pdf()
    match = re.search(rb"/ObjStm.*?>>\s*stream\r?\n(.*?)endstream", content, re.DOTALL)
    assert match is not None
    plain = zlib.decompress(match.group(1))
    assert b"/Catalog" in plain
    evil = zlib.compress(
        plain.replace(b"/Catalog", b"/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>", 1)
    )
    assert rejection(content.replace(match.group(1), evil + b"\n")) == ACTIVE


def test_pdf_whose_fake_stream_keyword_would_hide_an_object_is_still_inspected():
    hidden = b"<< /Type /Foo >>\nstream\n(x) 9 0 obj << /S /JavaScript /JS (1) >> endobj\nendstream"
    assert rejection(samples.pdf(objects=(hidden,))) == ACTIVE


def test_pdf_with_html_outside_streams_is_rejected():
    content = samples.pdf(objects=(b"(<script>alert(1)</script>)",))
    assert rejection(content) == WEBCODE


def test_encrypted_pdf_is_rejected():
    content = samples.pdf(catalog_extra=b"/Encrypt 5 0 R ", objects=(b"<< /Filter /Standard >>",))
    assert rejection(content).startswith("Versleutelde PDF-bestanden")


# --- damaged files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (samples.png()[:-6], "a.png", "Dit PNG-bestand is onvolledig of beschadigd."),
        (samples.png()[:23] + b"\x31" + samples.png()[24:], "a.png", "Dit PNG-bestand is onvolledig of beschadigd."),
        (samples.jpeg()[:200], "a.jpg", "Dit JPEG-bestand is onvolledig of beschadigd."),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9", "a.jpg",
         "Dit JPEG-bestand is onvolledig of beschadigd."),
        (samples.pdf()[:-30], "a.pdf", "Dit PDF-bestand is onvolledig of beschadigd (het einde ontbreekt)."),
        (b"%PDF-1.7\n%%EOF\n", "a.pdf", "Dit PDF-bestand is onvolledig of beschadigd."),
    ],
)  # fmt: skip
def test_damaged_files_are_rejected(content, name, message):
    assert rejection(content, name) == message


def test_image_with_too_many_pixels_is_rejected():
    # A 10000 x 5000 PNG compresses to a few kilobytes: a decompression bomb in miniature.
    content = samples.png(size=(10_000, 5_000))
    assert rejection(content, "a.png") == "De afbeelding heeft te veel beeldpunten."


# --- display names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\jan\\Mijn diploma.pdf", "Mijn diploma.pdf"),
        ("cv\u202egpj.exe", "cvgpj.pdf"),  # right-to-left override removed; extension is the detected one
        ('a"\r\nContent-Type: text.pdf', "a___Content-Type_ text.pdf"),  # no header injection
        ("<b onmouseover=alert(1)>.pdf", "b onmouseover_alert(1).pdf"),
        ("../<script>.pdf", "script.pdf"),
        ("...", "bewijsstuk.pdf"),
        ("", "bewijsstuk.pdf"),
        ("é" * 200 + ".pdf", "é" * 116 + ".pdf"),
    ],
)
def test_display_name_is_sanitised_and_carries_the_detected_extension(name, expected):
    assert uploads.display_name_for(name, ".pdf") == expected
