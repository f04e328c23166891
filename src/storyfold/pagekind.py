"""Pages that are not articles: sign-in and captcha pages, cookie walls, paywalls, error pages,
empty or near-empty pages, index pages. They are stored with the reason and kept out of stories, but for the
pages whose headline still reports the event (``headline_only``): those join a story on their headline.

The rules look at what a page *is* (a form asking for characters, a registration notice, a list of
headlines), never at any outlet's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyfold.model import Article, Segment, SegmentKind

MIN_BODY_WORDS = 10  # fewer words of body text than this: a near-empty page
NOTICE_MAX_BODY_WORDS = 25  # a page with a notice below and fewer other words of body is that notice
INDEX_MIN_LINES = 6
INDEX_SHARE = 0.8

_NOTICES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "captcha or bot check",
        re.compile(
            r"\benter\s+the\s+characters\b|\bcharacters\s+(?:you\s+see|shown|with\s+\w+\s+colou?r)\b|\bcaptcha\b"
            r"|\bare\s+you\s+a\s+(?:human|robot)\b|\bnot\s+a\s+robot\b|\bunusual\s+traffic\b"
            r"|\bverify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human\b|\bchecking\s+your\s+browser\b",
            re.IGNORECASE,
        ),
    ),
    (
        "sign-in or registration page",
        re.compile(
            r"\bverification\s+(?:e-?mail|message)\b|\bthank\s+you\s+for\s+registering\b|\bactivate\s+your\s+profile\b"
            r"|\b(?:sign|log)\s*in\s+to\s+(?:continue|your\s+account|read|comment|update)\b|\bforgot\s+(?:your\s+)?password\b"
            r"|\bcreate\s+(?:an|your)\s+account\b|\byou\s+are\s+the\s+owner\s+of\s+this\s+article\b"
            r"|\bnotification\s+has\s+been\s+saved\b|\buse\s+your\s+facebook\s+account\b"
            r"|\bsign\s*in\s+(?:using|with)\b|\bplease\s+sign\s*in\b|\balready\s+have\s+an\s+account\b"
            r"|\bconfirmation\s+e-?mail\b|\bactivate\s+your\s+account\b|\breturn\s+to\s+the\s+page\s+you\s+were\b"
            r"|\be-?mail\s+notifications?\b|\bsaving\s+your\s+notification\b",
            re.IGNORECASE,
        ),
    ),
    (
        "paywall or subscription notice",
        re.compile(
            r"\bfull[\s-]+access\s+subscri\w*|\bsubscribe\s+(?:now\s+)?to\s+(?:continue|read|keep\s+reading)\b"
            r"|\bsubscribers?\s+only\b|\breached\s+your\s+(?:free\s+)?(?:article|story)\s+limit\b"
            r"|\balready\s+a\s+subscriber\b|\bdelivery\s+options\b|\bhome\s+delivery\b|\bwithout\s+a\s+subscription\b"
            r"|\bmaximum\s+number\s+of\s+(?:free\s+)?(?:stories|articles)\b|\bsubscription\s+service\b"
            r"|\bget\s+(?:unlimited\s+)?digital\s+access\b",
            re.IGNORECASE,
        ),
    ),
    (
        "cookie wall",
        re.compile(
            r"\bwe\s+use\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b|\bcookie\s+(?:settings|preferences|consent)\b"
            r"|\bconsent\s+to\s+(?:the\s+use\s+of\s+)?cookies\b",
            re.IGNORECASE,
        ),
    ),
    (
        "error or expired page",
        re.compile(
            r"\bpage\s+(?:not\s+found|cannot\s+be\s+found|you\s+requested)\b|\b(?:error\s+)?404\b(?=.*\bnot\s+found\b)"
            r"|\b(?:article|story|page|content)\s+(?:is\s+)?(?:no\s+longer\s+available|has\s+expired|was\s+removed)\b"
            r"|\bis\s+outdated\s+and\s+was\s+moved\b|\bmoved\s+to\s+(?:the\s+)?archive\b",
            re.IGNORECASE,
        ),
    ),
)
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)]*$""")


def _words(segments: Sequence[Segment]) -> int:
    return sum(len(s.text.split()) for s in segments)


def _is_headline(text: str) -> bool:
    return len(text.split()) <= 16 and not _SENTENCE_END.search(text.strip())


# pages whose headline is still the report's own (the text is missing or hidden behind a notice): those
# join stories by their headline; captcha, error and index pages carry no report's headline
_HEADLINE_KEPT = (
    "empty page",
    "only page debris",
    "near-empty page",
    "sign-in or registration page",
    "paywall or subscription notice",
    "cookie wall",
)
HEADLINE_MIN_WORDS = 4


def headline_only(article: Article) -> bool:
    """Whether a page that is not an article still reports by its headline: its text is missing, debris or
    a sign-in, paywall or cookie notice, and its title has at least ``HEADLINE_MIN_WORDS`` words ("Boy, 3,
    wounded in accidental shooting in Florissant"). Such a page joins a story on its headline alone and
    takes no part in dedup, alignment or claims."""
    return (
        article.non_article is not None
        and article.non_article.startswith(_HEADLINE_KEPT)
        and len((article.title or "").split()) >= HEADLINE_MIN_WORDS
    )


def story_body(article: Article) -> tuple[Segment, ...]:
    """The body a story reads: none for a headline-only page (its text is a notice or debris)."""
    return () if article.non_article is not None else article.body


def non_article_reason(segments: Sequence[Segment]) -> str | None:
    """Why a cleaned page is not an article, or None when it is one."""
    body = [s for s in segments if s.kind is SegmentKind.BODY]
    content = [s for s in segments if s.kind not in (SegmentKind.TITLE, SegmentKind.SUBTITLE)]
    if not content:
        return "empty page: no text"
    if not body:
        return "only page debris, no article text"
    body_words = _words(body)
    notice: str | None = None
    other_words = 0
    for seg in content:
        hit = next((reason for reason, pattern in _NOTICES if pattern.search(seg.text)), None)
        if hit is not None:
            notice = notice or hit
        elif seg.kind is SegmentKind.BODY:
            other_words += len(seg.text.split())
    if notice is not None and other_words < NOTICE_MAX_BODY_WORDS:
        return f"{notice} ({body_words} words of text)"
    if body_words < MIN_BODY_WORDS:
        return f"near-empty page ({body_words} words of text)"
    if len(body) >= INDEX_MIN_LINES:
        headlines = sum(1 for s in body if _is_headline(s.text))
        if headlines >= INDEX_SHARE * len(body):
            return f"index or list page ({headlines} of {len(body)} lines are headlines)"
    return None
