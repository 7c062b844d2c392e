# SPDX-License-Identifier: EUPL-1.2
"""The English translation is complete: every Dutch message has an English text with the same placeholders."""

import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po
from django.core.management import call_command

import rijksportfolio

PO = Path(rijksportfolio.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sd]|\{\w*\}")


def _messages():
    with PO.open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def test_every_message_has_an_english_translation() -> None:
    missing = [
        m.id
        for m in _messages()
        if m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string))
    ]
    assert missing == []


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for m in _messages():
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if sorted(PLACEHOLDER.findall(ids[0])) != sorted(PLACEHOLDER.findall(strings[0])):
            wrong.append(ids[0])
    assert wrong == []


def test_every_message_of_the_source_is_in_the_english_catalogue(tmp_path, monkeypatch) -> None:
    """Extract the messages of a copy of the package (Django's makemessages, xgettext) and compare: a Dutch
    text without an English entry would show in Dutch to English users."""
    assert shutil.which("xgettext"), "xgettext is missing: install Debian's gettext (scripts/run-tests does)"
    copy = tmp_path / "rijksportfolio"
    shutil.copytree(
        PO.parents[3],
        copy,
        ignore=shutil.ignore_patterns("tests", "__pycache__", "static", "*.mo", "*.gz", "*.json", "*.tsv"),
    )
    (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").unlink()
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], verbosity=0)
    with (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages()}
    assert sorted(extracted - known) == []


FORMAL = re.compile(r"\b(?:[Uu]w?|[Uu]zelf|[Uu]we)\b")


def test_the_dutch_texts_address_the_user_with_je() -> None:
    """One voice: the interface says "je/jouw/jij", never the formal "u/uw" (CONTRIBUTING.md, Dutch UI texts)."""
    formal = [
        text
        for m in _messages()
        for text in (m.id if isinstance(m.id, tuple) else (m.id,))
        if FORMAL.search(text)
    ]
    assert formal == []


def test_no_message_is_defined_twice() -> None:
    # a merge can leave two entries of one msgid (with different texts): which one is used is then chance
    lines = PO.read_text(encoding="utf-8").splitlines()
    seen: set[tuple[str, str]] = set()
    twice = []
    for k, line in enumerate(lines):
        if not line.startswith("msgid "):
            continue
        parts = [line[6:]]
        parts += lines[k + 1 : k + 1 + _continued(lines, k + 1)]
        context = lines[k - 1] if k and lines[k - 1].startswith("msgctxt") else ""
        key = (context, "".join(parts))
        if key[1] != '""' and key in seen:
            twice.append(key[1][:60])
        seen.add(key)
    assert twice == []


def _continued(lines: list[str], start: int) -> int:
    """How many string lines continue the message that starts before ``start``."""
    n = 0
    while start + n < len(lines) and lines[start + n].startswith('"'):
        n += 1
    return n
