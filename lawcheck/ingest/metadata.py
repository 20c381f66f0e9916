"""FRBR metadata of an imported draft: from the options, the text, or sensible defaults.

The strict AKN schema wants full dates, and the FRBR URIs must be stable for the same inputs,
so: country defaults to "xx" (unknown), the date to today, the title to the first title-like
line or the file name, and the work's number to the number in the title ("No. 14 of 2015",
«№ 226-V») or a slug of the file name.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from lawcheck.errors import InputError

LANGUAGES = {"en": "eng", "eng": "eng", "english": "eng", "ru": "rus", "rus": "rus", "russian": "rus"}
"""--lang values -> FRBR (ISO 639-2) codes."""

_COUNTRY = re.compile(r"^[a-z]{2}(?:-[a-z0-9]{1,8})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EN_NUMBER = re.compile(r"\bNo\.?\s*(\d+[A-Za-z]?)(?:\s+of\s+(\d{4}))?")
_RU_NUMBER = re.compile(r"№\s*([0-9][0-9A-Za-zА-Яа-яІі\-]*)")
_LOOKALIKES = str.maketrans("АВСЕНІКМОРТХУаесоріх", "ABCEHIKMOPTXYaecopix")
_NOTE = re.compile(r"(?i)^(?:сноска|примечание|note)\b")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the FRBR block of the output says."""

    title: str
    country: str
    date: str
    language: str  # FRBR code: "eng" | "rus"
    number: str

    @property
    def work_uri(self) -> str:
        return f"/akn/{self.country}/act/{self.date[:4]}/{self.number}"

    @property
    def expression_uri(self) -> str:
        return f"{self.work_uri}/{self.language}@{self.date}"


def detect_language(texts: list[str]) -> str:
    """"ru" when Cyrillic letters outnumber Latin ones in (the first 200k characters of) the text."""
    sample, size = [], 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size > 200_000:
            break
    joined = " ".join(sample)
    return "ru" if len(_CYRILLIC.findall(joined)) > len(_LATIN.findall(joined)) else "en"


def resolve_language(lang: str, texts: list[str]) -> str:
    """"en" or "ru" from --lang (auto|en|ru|eng|rus), detecting it for "auto"."""
    value = (lang or "auto").strip().lower()
    if value == "auto":
        return detect_language(texts)
    if value not in LANGUAGES:
        raise InputError(f"--lang must be auto, en or ru, not {lang!r}")
    return "en" if LANGUAGES[value] == "eng" else "ru"


def build_metadata(*, language: str, title: str | None, country: str | None, date: str | None,
                   found_title: str, front: list[str], filename: str) -> Metadata:
    """Metadata from the options, falling back to what the draft says, then to defaults."""
    final_title = " ".join((title or found_title or PurePath(filename).stem or "Draft").split())
    title_block = [text for text in front[:5] if len(text) <= 200 and not _NOTE.match(text)]
    return Metadata(title=final_title, country=_country(country), date=_date(date),
                    language=LANGUAGES[language], number=_number([final_title, *title_block], filename))


def _country(country: str | None) -> str:
    if country is None or not country.strip():
        return "xx"
    value = country.strip().lower()
    if not _COUNTRY.match(value):
        raise InputError(f"--country must be a two-letter ISO 3166 code such as kz or kg, not {country!r}")
    return value


def _date(date: str | None) -> str:
    if date is None or not date.strip():
        return dt.date.today().isoformat()
    value = date.strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be a full date YYYY-MM-DD (the AKN schema refuses a year alone), "
                         f"not {date!r}") from None
    return value


def _number(texts: list[str], filename: str) -> str:
    """The act's number from its title block (not from notes, which cite amending acts), else
    a slug of the file name."""
    for text in texts:
        for pattern in (_EN_NUMBER, _RU_NUMBER):
            match = pattern.search(text)
            if match:
                number = _slug(match.group(1).translate(_LOOKALIKES), lower=False)
                if number:
                    return number
    return _slug(PurePath(filename).stem) or "draft"


def _slug(text: str, *, lower: bool = True) -> str:
    """ASCII letters, digits and hyphens only: the URI stays valid in every tool."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if lower:
        ascii_text = ascii_text.lower()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:60]
