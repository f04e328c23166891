"""Separate page debris from article body. Debris is labelled and kept, never thrown away.

The rules look at the shape of a block (a credit at its end, a sign-up call, a time stamp), not at
any outlet's wording, so they carry over to pages they were not written for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyfold.model import Segment, SegmentKind

# Agencies and photo services whose name in parentheses or after "Credit:" marks a caption.
WIRE_NAMES = (
    "AFP",
    "AP",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "dpa",
    "DPA",
    "EPA",
    "EFE",
    "ANSA",
    "Xinhua",
    "TASS",
    "Anadolu",
    "PTI",
    "IANS",
    "UPI",
    "Bloomberg",
    "Getty Images",
    "Getty",
    "Shutterstock",
    "AAP",
    "Kyodo",
    "Yonhap",
    "CNN",
    "BBC",
)
_WIRE_ALT = "|".join(re.escape(w) for w in sorted(WIRE_NAMES, key=len, reverse=True))

_CREDIT = re.compile(
    r"(?:\b(?:photo|image|picture|video)\s*(?:credit|courtesy|by)?\s*[:/]|\bcredit\s*:|\bcourtesy\s+of\b"
    r"|\b(?:photograph|photo|picture)\s*:\s|\bfile\s+photo\b|\((?:photo|image)\s*:?[^)]*\))",
    re.IGNORECASE,
)
_TRAILING_AGENCY = re.compile(
    rf"\((?:{_WIRE_ALT})(?:\s*(?:Photo|Images?|Pictures?|/)[^)]*)?\)\s*$|\b(?:{_WIRE_ALT})\s*(?:Photo|/\s*\w+)\s*$"
)
_LEADING_DATELINE = re.compile(rf"^[A-Z][A-Za-z .,'-]{{1,60}}\((?:{_WIRE_ALT})\)\s*[-\u2013\u2014:]")
_RELATED = re.compile(
    r"^\s*(?:also\s+read|read\s+(?:more|also|next)|related(?:\s+(?:articles?|stories|news|coverage))?"
    r"|see\s+also|more\s+(?:on\s+this|from|stories)|recommended|watch|listen|click\s+here)\b\s*[:|\-\u2013\u2014>]",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\bnewsletters?\b|\bsign\s*up\b|\bsubscribe\b|\bin\s+your\s+inbox\b|\bunsubscribe\b"
    r"|\bfollow\s+us\s+on\b|\bdownload\s+(?:our|the)\s+app\b",
    re.IGNORECASE,
)
# A short call to follow the outlet ("Stay up to date, follow KDKA on Twitter", "Follow CBSMIAMI.COM: Facebook |
# Twitter", "Never miss another Facebook post from 8News") or to send it news ("Report an Error or Submit a Tip
# to NBC12"); a report's sentence ("Police urged residents to follow the department on Twitter") is longer.
_SOCIAL = re.compile(
    r"\b(?:follow|join|like|never\s+miss)\b.{0,60}\b(?:facebook|twitter|instagram)\b"
    r"|\bsubmit\s+a\s+(?:news\s+)?tip\b|\breport\s+an\s+error\b",
    re.IGNORECASE,
)
SOCIAL_WORDS = 10
_STAMP = re.compile(
    r"^\s*(?:last\s+updated?|updated|published|first\s+published|posted|modified)\s*(?:on|at)?\s*[:\-]?\s*"
    r"(?:\w+day,?\s*)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:by|written\s+by|reporting\s+by|editing\s+by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*\s*$"
)
_BOILERPLATE = re.compile(
    r"\b(?:we\s+use\s+cookies|accept\s+(?:all\s+)?cookies|cookie\s+policy|privacy\s+policy|terms\s+of\s+(?:use|service)"
    r"|all\s+rights\s+reserved|share\s+this\s+(?:article|story)|(?:enable|requires)\s+javascript|subscribers?\s+only"
    r"|already\s+a\s+subscriber|log\s*in\s+to\s+continue|advertisement)\b",
    re.IGNORECASE,
)

# A copyright notice: led by a copyright mark or word, and short ("© 2016 Cox Media Group.", "(© 2016 KHOU)") or
# reserving rights; a broadcaster's runs to some 50 words ("(TM and © Copyright 2014 CBS Radio Inc. and its
# relevant subsidiaries. ... may not be published, broadcast, rewritten, or redistributed ..."). Its company
# names are no names of the report.
_COPYRIGHT = re.compile(r"^\(?\s*(?:tm\s+and\s+)?(?:©|copyright\b|\(c\)\s*(?:19|20)\d\d)", re.IGNORECASE)
_RIGHTS = re.compile(
    r"\ball\s+rights\s+reserved\b|\bmay\s+not\s+be\s+(?:re)?(?:published|reproduced|redistributed|broadcast|copied)\b",
    re.IGNORECASE,
)
COPYRIGHT_WORDS = 80
COPYRIGHT_SHORT_WORDS = 8

_SHARE_BUTTONS = re.compile(
    r"^(?:(?:share(?:\s+this)?|print|e-?mail|facebook|twitter|tweet|google\+?|pinterest|linkedin|reddit|whatsapp"
    r"|tumblr|more|close|comments?|like\s+this|like|loading|save|copy\s+link)\s*[:|.,/\u2026]*\s*)+$",
    re.IGNORECASE,
)

# A reporter's contact line: an e-mail address, a phone number, a social handle or profile address, with at most
# a few other words ("Reach Cahill at (803) 771-8305.", "Twitter: @JaneLernerNY", "twitter.com/janders5"). An
# embedded post's attribution ("— Jan Brewer (@GovBrewer) March 18, 2015") is the report's, not a contact.
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w{2,}|\b(?:twitter|facebook|instagram)\.com/\S+"
    r"|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"^[\u2014\u2013-]\s")
CONTACT_OTHER_WORDS = 4

SHORT_WORDS = 30  # debris lines are short; a long paragraph that mentions "subscribe" is body

# A media player's playlist: short lines that each start with a running time ("0:43 Homeless man found dead in
# Parkland; suspect arrested", "2:21 Nathen Terault sentencing"), not a clock time ("10:35 a.m."). Only a run of
# at least ``PLAYLIST_RUN`` such lines is one: a single line starting "10:35" may be a live report's entry.
_RUNNING_TIME = re.compile(r"^\d{1,2}:[0-5]\d\s+(?![ap]\.?m\b|[AP]M\b)\S")
PLAYLIST_RUN = 3
PLAYLIST_LINE_WORDS = 25


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: SegmentKind
    reason: str = ""


def classify_block(text: str) -> Verdict:
    """Label one paragraph as body or as a kind of debris, with the rule that decided it."""
    stripped = text.strip()
    words = len(stripped.split())
    short = words <= SHORT_WORDS
    if _SHARE_BUTTONS.match(stripped):
        return Verdict(SegmentKind.BOILERPLATE, "share or social buttons")
    if _STAMP.match(stripped) and words <= 16:
        return Verdict(SegmentKind.STAMP, "time stamp line")
    if _RELATED.match(stripped) and words <= 40:
        return Verdict(SegmentKind.RELATED, "related-links line")
    if short and _NEWSLETTER.search(stripped):
        return Verdict(SegmentKind.NEWSLETTER, "newsletter or sign-up call")
    if words <= SOCIAL_WORDS and _SOCIAL.search(stripped):
        return Verdict(SegmentKind.NEWSLETTER, "call to follow or write to the outlet")
    if _BYLINE.match(stripped):
        return Verdict(SegmentKind.BYLINE, "byline")
    if _is_contact(stripped):
        return Verdict(SegmentKind.BYLINE, "reporter's contact line")
    if _LEADING_DATELINE.match(stripped):
        return Verdict(SegmentKind.BODY)
    if _TRAILING_AGENCY.search(stripped):
        return Verdict(SegmentKind.CAPTION, "ends with a photo or agency credit")
    if words <= 60 and _CREDIT.search(stripped):
        kind = SegmentKind.CREDIT if words <= 6 else SegmentKind.CAPTION
        return Verdict(kind, "photo credit")
    if words <= 40 and _BOILERPLATE.search(stripped):
        return Verdict(SegmentKind.BOILERPLATE, "page boilerplate")
    if (
        words <= COPYRIGHT_WORDS
        and _COPYRIGHT.match(stripped)
        and (words <= COPYRIGHT_SHORT_WORDS or _RIGHTS.search(stripped))
    ):
        return Verdict(SegmentKind.BOILERPLATE, "copyright notice")
    return Verdict(SegmentKind.BODY)


def _is_contact(text: str) -> bool:
    if not _CONTACT.search(text) or _ATTRIBUTION.match(text):
        return False
    return len(re.findall(r"[A-Za-z]{2,}", _CONTACT.sub(" ", text))) <= CONTACT_OTHER_WORDS


def segment(
    paragraphs: tuple[str, ...], *, title: str | None = None, subtitles: tuple[str, ...] = ()
) -> tuple[Segment, ...]:
    """Turn a reader's blocks into labelled segments, in input order."""
    out: list[Segment] = []
    if title:
        out.append(Segment(SegmentKind.TITLE, title, len(out)))
    for sub in subtitles:
        out.append(Segment(SegmentKind.SUBTITLE, sub, len(out)))
    blocks = [p.strip() for p in paragraphs if p.strip()]
    playlist = _playlist_lines(blocks)
    for k, para in enumerate(blocks):
        verdict = Verdict(SegmentKind.RELATED, "video playlist entry") if k in playlist else classify_block(para)
        out.append(Segment(verdict.kind, para, len(out), verdict.reason))
    return tuple(out)


def _playlist_lines(blocks: list[str]) -> set[int]:
    """The indexes of the blocks in runs of at least ``PLAYLIST_RUN`` playlist entries."""
    out: set[int] = set()
    run: list[int] = []
    for k, text in enumerate([*blocks, ""]):
        if _RUNNING_TIME.match(text) and len(text.split()) <= PLAYLIST_LINE_WORDS:
            run.append(k)
            continue
        if len(run) >= PLAYLIST_RUN:
            out.update(run)
        run = []
    return out
