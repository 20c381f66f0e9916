"""Provisions cited as lawyers cite them, in the draft's language and drafting convention.

An eId names a unit for the machine; a reader of a commentary expects `s. 14(2)(a)`,
`Art. 5(1)(b)`, «ст. 94-3 ч. 1» or «п. 2 ч. 1 ст. 231». A unit quoted from an amending act is
cited in the act it amends, followed by the instruction of the draft that inserts it:
«ст. 94-3 ч. 1 УПК (п. 4 ст. 1 проекта)».
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lawcheck.akn.model import Document, Provision
from lawcheck.akn.references import russian_ordinal

ARTICLE_ELEMENTS = frozenset({"article", "section", "rule", "regulation"})
GROUP_ELEMENTS = {"book": ("Book", "кн."), "part": ("Part", "разд."), "subpart": ("Subpart", "подразд."),
                  "title": ("Title", "разд."), "division": ("Division", "разд."),
                  "chapter": ("Chapter", "гл."), "subchapter": ("Subchapter", "§")}
_NUM_WORDS = re.compile(
    r"(?i)^(?:article|art\.|section|sec\.|s\.|rule|regulation|reg\.|part|chapter|book|division|title|"
    r"статья|ст\.|раздел|подраздел|глава|гл\.|книга|параграф|пункт|часть|§)\s*")
_RU_ARTICLE = re.compile(r"(?i)\bстать(?:ю|и|е|ей|я)\s+(\d+(?:-\d+)*)")
_RU_PART = re.compile(r"(?i)\bчаст(?:ь|и|ью)\s+(\d+(?:-\d+)*|[а-яё]+(?:ую|ой|ая))\s+стать")
_EN_ARTICLE = re.compile(r"(?i)\b(section|article)\s+(\d+(?:-?[A-Z](?![A-Z]))?(?:[.\-]\d+)*)")
_RU_CODES = (
    (re.compile(r"(?i)уголовно-процессуальн\w*\s+кодекс"), "УПК"),
    (re.compile(r"(?i)уголовно-исполнительн\w*\s+кодекс"), "УИК"),
    (re.compile(r"(?i)уголовн\w*\s+кодекс"), "УК"),
    (re.compile(r"(?i)гражданск\w*\s+процессуальн\w*\s+кодекс"), "ГПК"),
    (re.compile(r"(?i)гражданск\w*\s+кодекс"), "ГК"),
    (re.compile(r"(?i)кодекс\w*\s+(?:\S+\s+){0,4}?об\s+административных\s+правонарушениях"), "КоАП"),
    (re.compile(r"(?i)кодекс\w*\s+(?:\S+\s+){0,4}?о\s+правонарушениях"), "Кодекса о правонарушениях"),
)
_RU_LAW = re.compile(r"\bЗакон\w*\b[^«]{0,120}«([^»]{3,160})»")
_LEADING_THE = re.compile(r"^[Tt]he\s+")
_EN_PRINCIPAL = re.compile(r"\bprincipal\s+(Act|Code|Ordinance|Law)\b")
_EN_ACT = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w’'-]*\s+){1,8}(?:Act|Code|Ordinance|Law)(?:,?\s+\d{4})?)")


def num_token(num: str) -> str:
    """The number a unit carries, without its word or punctuation: «Статья 94-1.» -> 94-1."""
    token = _NUM_WORDS.sub("", num.strip())
    return token.strip().strip("().").rstrip(")").strip()


def _ordinal(value: str) -> str:
    return value if value[:1].isdigit() else russian_ordinal(value) or value


INSTRUMENT = "instrument"
"""`hcontainer name="instrument"`: one of several instruments (Bills) a draft prints one after the other."""
_EN_KIND = re.compile(r"(?i)\b(bill|act|law|ordinance|decree|regulations|code)\b")
_RU_KIND = re.compile(r"(?i)\b(закон|кодекс|указ|постановление)\b")
_RU_KINDS = {"закон": "закона", "кодекс": "кодекса", "указ": "указа", "постановление": "постановления"}


def _is_instrument(provision: Provision) -> bool:
    return provision.element == "hcontainer" and provision.name == INSTRUMENT


def _instrument_of(provision: Provision) -> Provision | None:
    """The instrument a unit belongs to, when the draft prints several."""
    return next((node for node in provision.ancestors() if _is_instrument(node)), None)


@dataclass(frozen=True)
class Step:
    """One level of a citation: the kind of unit and its number."""

    element: str
    number: str


def _chain(provision: Provision) -> list[Step]:
    """The units from the article (or the top of a quoted structure) down to this one."""
    steps: list[Step] = []
    node: Provision | None = provision
    while node is not None:
        if (node.element in GROUP_ELEMENTS and steps) or _is_instrument(node):
            break
        number = num_token(node.num)
        if number:
            steps.insert(0, Step(node.element, number))
        if node.element in ARTICLE_ELEMENTS or node.element in GROUP_ELEMENTS:
            break
        node = node.parent
    return steps


def _ru_word(step: Step, parent: Step | None) -> str:
    if step.element in GROUP_ELEMENTS:
        return GROUP_ELEMENTS[step.element][1]
    if step.element in ARTICLE_ELEMENTS:
        return "ст."
    if step.element in {"paragraph", "subsection"}:
        return "ч." if parent is not None and parent.element in ARTICLE_ELEMENTS else "п."
    if step.element == "point" and (parent is None or parent.element not in {"point", "subpoint"}):
        return "п."
    return "подп."


def cite_ru(steps: list[Step]) -> str:
    """«ст. 94-3», «ст. 94-3 ч. 1» (article and part), otherwise from the smallest unit up:
    «п. 2 ч. 1 ст. 231», «подп. а п. 2 ст. 5»."""
    words = [f"{_ru_word(step, steps[i - 1] if i else None)} {step.number}"
             for i, step in enumerate(steps)]
    if len(steps) == 2 and steps[0].element in ARTICLE_ELEMENTS and words[1].startswith("ч."):
        return " ".join(words)
    return " ".join(reversed(words))


def _en_head(step: Step, num: str) -> str:
    if step.element in GROUP_ELEMENTS:
        return f"{GROUP_ELEMENTS[step.element][0]} {step.number}"
    lowered = num.strip().lower()
    if lowered.startswith("art") or (step.element == "article" and not lowered.startswith("s")):
        return f"Art. {step.number}"
    if step.element in {"rule"}:
        return f"r. {step.number}"
    if step.element in {"regulation"}:
        return f"reg. {step.number}"
    if step.element in ARTICLE_ELEMENTS:
        return f"s. {step.number}"
    return f"para. {step.number}"


def cite_en(steps: list[Step], head_num: str = "") -> str:
    """`s. 14(2)(a)`, `Art. 5(1)(b)`; a unit without its article: `para. 2(a)`."""
    head = _en_head(steps[0], head_num)
    return head + "".join(f"({step.number})" for step in steps[1:])


def amended_act(texts: Iterable[str], lang: str) -> str:
    """The short name of the act an instruction amends, when its words name one: УПК,
    Закона «Об электрической и почтовой связи», the Evidence Act."""
    for text in texts:
        if lang == "ru":
            for pattern, short in _RU_CODES:
                if pattern.search(text):
                    return short
            law = _RU_LAW.search(text)
            if law:
                return f"Закона «{law.group(1)}»"
        else:
            principal = _EN_PRINCIPAL.search(text)
            if principal:
                return "the principal " + principal.group(1)
            for act in _EN_ACT.finditer(text):
                if act.group(1).split()[0].lower() in ("a", "an", "this"):
                    continue  # "An Act to amend the Criminal Procedure Code": the long title's own words
                if "amendment" not in act.group(1).lower():  # "The Code is amended": the Code
                    return "the " + _LEADING_THE.sub("", " ".join(act.group(1).split()))
    return ""


def _lead_ins(ancestors: list[Provision]) -> list[str]:
    """The words that open the lists an instruction stands in, nearest first, up to the article
    of the amending act: «5) в статье 165: а) ...; б) дополнить частью шестой ...: «6. ...»» -
    the article named in the lead-in of point 5 is the one its sub-points amend."""
    found = []
    for node in ancestors:
        if node.element in ARTICLE_ELEMENTS or node.element in GROUP_ELEMENTS:
            break
        if node.own_text.rstrip().endswith((":", "—", "–")):
            found.append(node.own_text)
    return found


@dataclass
class Citations:
    """Labels for the provisions of one document, computed once per eId."""

    document: Document
    lang: str
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

    def label(self, eid: str) -> str:
        if eid not in self._cache:
            self._cache[eid] = self._label(eid)
        return self._cache[eid]

    def labels(self, eids: Iterable[str]) -> list[str]:
        return [self.label(eid) for eid in eids]

    def join(self, eids: Iterable[str]) -> str:
        return ", ".join(self.labels(eids))

    def _label(self, eid: str) -> str:
        provision = self.document.by_eid(eid)
        if provision is None:
            return eid
        if _is_instrument(provision):
            return self._instrument(provision)
        steps = _chain(provision)
        if provision.quoted_in is None:
            own = self._cite(steps, provision)
            instrument = _instrument_of(provision)
            if instrument is not None:  # a schedule goes by its eId there too: "sched_1 of Bill (II)"
                return f"{own or eid.rpartition('__')[2]} {self._instrument(instrument, of=True)}"
            return own or eid
        return self._quoted(provision, steps) or eid

    def _instrument(self, provision: Provision, *, of: bool = False) -> str:
        """"Bill (II)" («закона (II)»): one of several instruments a draft prints together, by
        the kind its heading names and its number (else its place among them); `of`: as it
        follows a unit's citation ("s. 3 of Bill (II)")."""
        kind = _EN_KIND.search(provision.heading)
        if self.lang == "ru":
            found = _RU_KIND.search(provision.heading)
            word = _RU_KINDS[found.group(1).lower()] if found else "акта"
        else:
            word = kind.group(1).title() if kind else "Instrument"
        number = provision.num.strip()
        if not number:
            instruments = [top for top in self.document.provisions if _is_instrument(top)]
            number = str(next((i for i, top in enumerate(instruments, 1) if top is provision), 1))
        if self.lang == "ru":
            return f"{word} {number}"
        return f"of {word} {number}" if of else f"{word} {number}"

    def _cite(self, steps: list[Step], provision: Provision) -> str:
        if not steps:
            return ""
        if self.lang == "ru":
            return cite_ru(steps)
        head = provision
        for _ in range(len(steps) - 1):
            head = head.parent or head
        return cite_en(steps, head.num)

    def _quoted(self, provision: Provision, steps: list[Step]) -> str:
        instruction = self.document.by_eid(provision.quoted_in or "")
        context = [instruction, *instruction.ancestors()] if instruction is not None else []
        texts = [p.own_text for p in context]
        # «Статья 1. Внести в Уголовный кодекс ... следующие изменения:» may be read as a heading
        headings = [p.heading for p in context if p.heading]
        if steps and steps[0].element not in ARTICLE_ELEMENTS | set(GROUP_ELEMENTS):
            # "(2) After subsection (1) insert—" under "6. Amendment of section 8": the section
            # is named by the instruction, else by the amending section's own words or heading
            named = [*texts[:1], *_lead_ins(context[1:])] if self.lang == "ru" else [*texts, *headings]
            steps = next((implied for text in named if (implied := self._implied_ancestors(text, steps))), []) + steps
        own = self._cite(steps, provision)
        act = amended_act([*texts, *headings, self.document.title], self.lang)
        where = self.label(instruction.eid) if instruction is not None else ""
        if not own:  # unnumbered words quoted above the inserted units (a heading)
            own = "текст" if self.lang == "ru" else "text"
        if instruction is not None and _instrument_of(instruction) is not None:
            # "s. 118A of the Code (s. 3 of Bill (II))": the Bill is named, the draft goes without saying
            return (f"{own} {act}".strip() if self.lang == "ru" else f"{own} of {act}" if act else own) + f" ({where})"
        if self.lang == "ru":
            return f"{own} {act}".strip() + (f" ({where} проекта)" if where else "")
        return (f"{own} of {act}" if act else own) + (f" ({where} of the draft)" if where else "")

    def _implied_ancestors(self, instruction: str, steps: list[Step]) -> list[Step]:
        """The article (and part) an instruction names for the units it inserts into them:
        «часть первую статьи 231 дополнить пунктом 4-1)» -> ст. 231, ч. 1."""
        if self.lang == "ru":
            article = _RU_ARTICLE.search(instruction)
            if article is None:
                return []
            implied = [Step("article", article.group(1))]
            part = _RU_PART.search(instruction)
            if part is not None and steps[0].element == "point":
                implied.append(Step("paragraph", _ordinal(part.group(1))))
            return implied
        match = _EN_ARTICLE.search(instruction)
        return [Step(match.group(1).lower(), match.group(2))] if match else []
