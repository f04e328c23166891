"""Article metadata that is not in a reader's fields: the outlet behind a URL, a date in a URL's
path, the dateline and wire credit at the head of a report, and the language of the text.

Everything here is offline: the public-suffix list is the one bundled with ``tld``, the language
model the one shipped inside ``py3langid``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from urllib.parse import urlsplit

from storyfold.textproc import MONTH_RX

# News agencies whose credit marks a wire report, with the name they are recorded under.
WIRES: dict[str, str] = {
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "AP": "AP",
    "Associated Press": "AP",
    "The Associated Press": "AP",
    "Reuters": "Reuters",
    "Thomson Reuters": "Reuters",
    "dpa": "dpa",
    "DPA": "dpa",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "Anadolu": "Anadolu",
    "Anadolu Agency": "Anadolu",
    "PTI": "PTI",
    "IANS": "IANS",
    "UPI": "UPI",
    "United Press International": "UPI",
    "AAP": "AAP",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "Bloomberg": "Bloomberg",
}
_WIRE_ALT = "|".join(re.escape(w) for w in sorted(WIRES, key=len, reverse=True))

# "YEREVAN (AFP) -", "NEW YORK, Oct 31 (Reuters) -", "WASHINGTON —", "STOCKTON-", "(WMC) -"
_DATELINE = re.compile(
    r"^(?P<line>(?P<place>[A-Z][A-Z.'\u2019-]{2,}(?:[ ][A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:,[ ]?[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?)"
    r"(?:,[ ]?(?P<when>[A-Z][a-z]{2,8}\.?[ ]\d{1,2}))?"
    r"[ ]?(?:\((?P<credit>[^()]{2,40})\))?[ ]?[-\u2013\u2014]+)[ ]*(?=\S)"
)
_LEAD_CREDIT = re.compile(r"^(?P<line>\((?P<credit>[A-Z][A-Za-z0-9 .&]{1,30})\)[ ]?[-\u2013\u2014:]+)[ ]*(?=\S)")
_CREDIT_IN_TEXT = re.compile(
    rf"\((?P<a>{_WIRE_ALT})\)|\b(?:told|according\s+to|reported\s+by|said\s+in\s+a\s+statement\s+to)\s+(?:[Tt]he\s+)?"
    rf"(?P<b>{_WIRE_ALT})\b|(?:\u00a9|\([cC]\)|[Cc]opyright)\s*(?:\d{{4}}\s+)?(?:[Tt]he\s+)?(?P<c>{_WIRE_ALT})\b"
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)|/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|\b)")


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as written, e.g. "YEREVAN (AFP) -"
    place: str | None
    wire: str | None  # the agency named in it, normalised ("AFP", "AP", "Reuters"), if it is one


def wire_name(credit: str) -> str | None:
    """The normalised agency for a credit such as "AFP" or "The Associated Press", else None."""
    return WIRES.get(credit.strip())


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the head of a report's first paragraph, if it has one."""
    head = paragraph[:160]
    m = _DATELINE.match(head)
    if m and any(c.islower() for c in head[m.end() : m.end() + 40]):
        credit = m.group("credit")
        return Dateline(m.group("line").strip(), m.group("place").strip(), wire_name(credit) if credit else None)
    m = _LEAD_CREDIT.match(head)
    if m:
        return Dateline(m.group("line").strip(), None, wire_name(m.group("credit")))
    return None


def find_wire(paragraphs: tuple[str, ...] | list[str]) -> str | None:
    """The first news agency credited in the text: "(Reuters)", "told AFP", "© 2016 The Associated Press"."""
    for para in paragraphs:
        m = _CREDIT_IN_TEXT.search(para)
        if m:
            name = m.group("a") or m.group("b") or m.group("c")
            return WIRES.get(name)
    return None


def host(url: str | None) -> str | None:
    """The URL's host, lower-cased, without port and ``www.``."""
    if not url:
        return None
    try:
        netloc = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not netloc:
        return None
    netloc = netloc.lower().rstrip(".")
    return netloc[4:] if netloc.startswith("www.") else netloc


def registered_domain(url: str | None) -> str | None:
    """The registered domain behind a URL ("news.bbc.co.uk" -> "bbc.co.uk"), from the bundled suffix list."""
    h = host(url)
    if not h:
        return None
    from tld import get_fld

    try:
        fld = get_fld(h, fix_protocol=True, fail_silently=True)
    except Exception:  # tld raises its own errors on odd hosts; the host itself is the answer then
        fld = None
    return str(fld) if fld else h


def date_from_url(url: str | None) -> date | None:
    """A publication date written into a URL path: ``/2020/10/31/``, ``/2020-10-31-``, ``/20201031/``."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE.search(path)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


# A day with its year, as pages stamp it: "Monday, October 27, 2014", "Sept. 18th, 2013", "05 January 2011",
# "2016-05-13" (not "05/13/2016": the order of day and month is the outlet's).
_STAMP_DAY = (
    r"(?i:(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s)?"
    rf"(?:(?P<m1>{MONTH_RX})\s(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<m2>{MONTH_RX}),?\s(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d))\b)"
)
# The page's own stamp, on a line with its whitespace collapsed (each "\s" one space: no backtracking over long
# runs): after its word ("Posted: ...", "Updated on ...", "CREATED Jun 12, 2015", "Published 3:45 PM ET Fri, 13 May
# 2016"), alone on a line but for a clock time and a zone ("September 18th, 2013, 05: 31 GMT") or in a dateline
# ("FRANKLIN (Feb. 4, 2014) –"; not "Update (May 11, 2016):").
_STAMP_LABELLED = re.compile(
    r"\b(?P<label>(?:(?:first|originally)\s)?(?:published|posted|created|updated?|last\supdated?|date))\b"
    r"\s?(?:(?:on|at)\s)?:?\s?(?:\d{1,2}:\d\d\s?(?:[ap]\.?m\.?)?\s?(?:[a-z]{2,4}\s?)?,?\s?)?"
    rf"{_STAMP_DAY}",
    re.I,
)
_STAMP_LINE = re.compile(
    rf"^\W*{_STAMP_DAY}[\s,|@:\-\u2013\u2014]*(?:(?:at\s)?\d{{1,2}}\s?:\s?\d\d(?:\s?:\s?\d\d)?\s?(?:[ap]\.?m\.?)?)?"
    r"[\s,]*(?:\(?[a-z]{2,5}(?:\s?[+-]\s?\d{1,2}(?:\s?:\s?\d\d)?)?\)?)?[\s|,.]*$",
    re.I,
)
_STAMP_DATELINE = re.compile(rf"^(?!(?i:update))[A-Z][A-Za-z .,'-]{{1,40}}\(\s?{_STAMP_DAY}\s?\)")
# A label in lower case is a stamp's only after a stamp's separator ("10:50 AM, updated July 29, 2009"), not in a
# sentence: "A GoFundMe page created June 20, 2016", "a study published Jan. 5, 2015".
_STAMP_SEPARATOR = re.compile(r"(?:^|[,;|(:\-\u2013\u2014]\s?)$")
_SPACES = re.compile(r"\s+")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
STAMP_LINES = 4  # the headline and this many first blocks of the page
STAMP_FROM_YEAR = 1995  # a bare day or a dateline's before the web is a birth date or a timeline's


@dataclass(frozen=True, slots=True)
class Stamp:
    """A page's own date stamp: ``posted`` where it stamps the posting (or is a bare day line or the report's
    dateline), False for an update stamp (which may be months after the report)."""

    day: date
    posted: bool


def _stamped(m: re.Match[str]) -> date | None:
    if m.group("y3"):
        year, month, day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        name, dd, yy = (m.group("m1"), m.group("d1"), m.group("y1")) if m.group("m1") else m.group("m2", "d2", "y2")
        year, month, day = int(yy), _MONTH_KEYS.index(name.lower()[:3]) + 1, int(dd)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_stamp(title: str | None, blocks: Sequence[str]) -> Stamp | None:
    """The day a page stamps itself with, from its headline and first blocks (debris included: a stamp is debris
    to the text), for an article whose input gives no publication date or a later one (a crawl's, an update's);
    None where the page shows none. A posting
    stamp ("Posted: Monday, October 27, 2014 5:27 PM EDT") or the report's dateline day wins, then a line that is
    a day ("September 18th, 2013, 05:31 GMT"), then an update stamp; among equals the first in reading order."""
    found: list[tuple[int, int, int, date]] = []  # (0 posting, 1 bare day, 2 update; line; offset; day)
    for index, raw in enumerate(([title] if title else []) + list(blocks[:STAMP_LINES])):
        line = _SPACES.sub(" ", raw[:2000]).strip()[:400]
        for m in _STAMP_LABELLED.finditer(line):
            label = m.group("label").lower()
            prose = m.group("label")[0].islower() and not label.startswith(("first", "originally"))
            if prose and not _STAMP_SEPARATOR.search(line, 0, m.start()):
                continue  # a word of a sentence
            rank = 2 if label.startswith(("update", "last", "date")) else 0
            if (day := _stamped(m)) is not None:
                found.append((rank, index, m.start(), day))
        for rank, whole in ((1, _STAMP_LINE.match(line)), (0, _STAMP_DATELINE.match(line))):
            if whole is not None and (day := _stamped(whole)) is not None and day.year >= STAMP_FROM_YEAR:
                found.append((rank, index, 0, day))
    if not found:
        return None
    rank, *_, day = min(found)
    return Stamp(day, rank < 2)


MIN_LANGUAGE_CHARS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, offline), or None for too little text."""
    sample = text[:1500]
    # at least MIN_LANGUAGE_CHARS letters: looked for in C and only up to the last one needed (the generator
    # summed over every character was a fifth of language identification)
    if next(islice(filter(str.isalpha, sample), MIN_LANGUAGE_CHARS - 1, None), None) is None:
        return None
    from py3langid.langid import classify

    lang, _score = classify(sample)
    return str(lang)
