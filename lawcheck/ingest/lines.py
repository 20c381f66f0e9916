"""Reading a draft as lines: the common input of structure recognition, from .txt or .docx.

A `Line` is one paragraph of the draft with what the source says about it beyond its text: a
heading level (Word's Heading 1-9 and Title styles, Markdown `#` headings in text files) and
its source line or paragraph number, for messages. Word's automatic numbering is already
written into the text by the .docx reader, so the recogniser sees "1) ..." whatever the source.

Text files come from e-mail and government websites, so decoding is forgiving but never
silent: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such; other bytes are
read as Windows-1251 only when the result looks like Russian text (Central Asian drafts are
still saved in it); anything else, and binary junk, is an InputError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck.errors import InputError

TITLE_LEVEL = 0
"""`Line.level` of a document title (Word's Title style)."""

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_LIST_START = re.compile(r"^(?:\(?[a-zа-яё]{1,4}[.)]|[-–—•*]\s)")
_LINE_END = re.compile(r"[.;:!?–—-]$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SUPERSCRIPT_AFTER_DIGIT = re.compile(r"(?<=\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CYRILLIC_WORD = re.compile(r"(?<![A-Za-z])[А-Яа-яЁёІіЇїЄєЎў]{2,}(?![A-Za-z])")
_CYRILLIC_1251 = re.compile(r"[А-Яа-яЁёІіЇїЄєЎўҚқҒғҢңӨөҰұҮүҺһӘә«»№—–“”„…]")


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the draft.

    level: None for body text, 0 for a title, 1-9 for a heading (style or Markdown `#`).
    number: the source's line (text) or paragraph (Word) number, 1-based, for messages.
    """

    text: str
    number: int
    level: int | None = None


def clean_text(text: str) -> str:
    """One line of text as the output holds it: whitespace collapsed, zero-width characters and
    characters XML cannot hold removed (soft hyphens stay: they are in the source), and a
    superscript number after a digit written as an inserted-unit suffix ("94¹" -> "94-1")."""
    text = _INVISIBLE.sub("", text)
    text = _XML_INVALID.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return fold_superscripts(text)


def fold_superscripts(text: str) -> str:
    """"Статья 94¹" -> "Статья 94-1": Russian drafting writes inserted articles as superscripts."""
    return _SUPERSCRIPT_AFTER_DIGIT.sub(lambda match: "-" + match.group(1).translate(_SUPERSCRIPT_DIGITS),
                                        text)


def decode_text(data: bytes, source: str) -> str:
    """The text of a .txt draft, or InputError (binary data, unknown encoding, empty)."""
    if not data.strip():
        raise InputError("empty file: no draft text", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], encoding, source)
    if b"\x00" in data[:4096]:
        return _decode_without_bom(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _decode_legacy(data, source, error)
    _refuse_binary(text, source)
    return text


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding.upper()} text (byte {error.start})", source=source) from None
    _refuse_binary(text, source)
    return text


def _decode_without_bom(data: bytes, source: str) -> str:
    """UTF-16 without a BOM has a NUL in every other byte of ASCII text; anything else with
    NULs is binary."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return _decode(data, "utf-16-le", source)
    if even > len(sample) // 4 and odd == 0:
        return _decode(data, "utf-16-be", source)
    raise InputError("binary data, not a text draft (NUL bytes)", source=source)


def _decode_legacy(data: bytes, source: str, error: UnicodeDecodeError) -> str:
    """Windows-1251, accepted only when it reads as Russian: nearly all non-ASCII characters
    are Cyrillic and they form words (Latin-1 "café" would give a lone "й" inside a Latin word)."""
    text = data.decode("cp1251", errors="replace")
    non_ascii = sum(1 for char in text if ord(char) > 127)
    cyrillic = len(_CYRILLIC_1251.findall(text))
    in_words = sum(len(word) for word in _CYRILLIC_WORD.findall(text))
    if non_ascii and cyrillic >= 0.9 * non_ascii and in_words >= 0.8 * cyrillic:
        return text
    raise InputError(f"cannot decode the text: not UTF-8 (byte {error.start}) nor Windows-1251 Russian; "
                     "save it as UTF-8", source=source)


def _refuse_binary(text: str, source: str) -> None:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise InputError("binary data, not a text draft (control characters)", source=source)


def text_lines(text: str) -> list[Line]:
    """Non-empty lines of a text draft; Markdown `#` headings become heading levels.

    In a hard-wrapped file (text pasted from a PDF or an e-mail: most lines end near one
    width), a line broken inside a sentence (no blank line before it, it starts in lower case,
    the line before ends without punctuation) is joined to the line before. Files with one
    paragraph per line are left alone: there a lower-case line is a paragraph of its own.
    """
    raw_lines = text.splitlines()
    wrapped = _hard_wrapped(raw_lines)
    lines: list[Line] = []
    blank_before = True
    for number, raw in enumerate(raw_lines, start=1):
        level = None
        heading = _MARKDOWN_HEADING.match(raw.strip())
        if heading:
            level, raw = len(heading.group(1)), heading.group(2)
        cleaned = clean_text(raw)
        if not cleaned:
            blank_before = True
            continue
        if wrapped and level is None and not blank_before and lines and _continues(lines[-1], cleaned):
            previous = lines[-1]
            lines[-1] = Line(f"{previous.text} {cleaned}", previous.number, previous.level)
        else:
            lines.append(Line(cleaned, number, level))
        blank_before = False
    return lines


def _hard_wrapped(raw_lines: list[str]) -> bool:
    """Do most lines stop near one width (and none run much past it)?"""
    lengths = sorted(len(line.rstrip()) for line in raw_lines if line.strip())
    if len(lengths) < 10:
        return False
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width < 40 or width > 120:
        return False
    near = sum(1 for length in lengths if length >= 0.7 * width)
    return near >= 0.5 * len(lengths)


def _continues(previous: Line, text: str) -> bool:
    return (previous.level is None and text[:1].islower() and not _LIST_START.match(text)
            and not _LINE_END.search(previous.text))
