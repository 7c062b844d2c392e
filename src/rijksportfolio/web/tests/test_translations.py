# SPDX-License-Identifier: EUPL-1.2
"""The English translation is complete: every Dutch message has an English text with the same placeholders."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

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
