"""HTML pages: main text, title, date, author and site name through trafilatura.

Dates come from the page's own metadata first (``article:published_time``, ``datePublished``,
``<time datetime>``, kept timezone-aware), then from trafilatura's date finder, then from what the
caller knows (a WARC record's or HTTP response's date), then from the URL path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from storyfold.ingest.dates import parse_date
from storyfold.ingest.decode import decode_markup
from storyfold.ingest.meta import date_from_url
from storyfold.model import RawArticle, Skipped, sha256_bytes

_DATE_XPATHS = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:article:published_time' or @itemprop='datePublished' or @name='datePublished'"
    " or @name='pubdate' or @name='publishdate' or @name='DC.date.issued' or @name='dc.date'"
    " or @name='date' or @name='sailthru.date' or @name='parsely-pub-date']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@datetime][1]/@datetime",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "br", "section", "article")
MAX_TREE_ELEMENTS = 200_000


def _page_date(tree: Any, markup: str) -> date | datetime | None:
    for xp in _DATE_XPATHS:
        for value in tree.xpath(xp):
            parsed = parse_date(str(value))
            if parsed is not None:
                return parsed
    m = _JSONLD_DATE.search(markup)
    return parse_date(m.group(1)) if m else None


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment (a feed entry's content), one per block element."""
    import lxml.html
    from lxml import etree

    if "<" not in markup:
        return [ln.strip() for ln in markup.splitlines() if ln.strip()]
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return [ln.strip() for ln in re.sub(r"<[^>]*>", " ", markup).splitlines() if ln.strip()]
    etree.strip_elements(root, "script", "style", "noscript", with_tail=False)
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    return [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]


def read_html(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    file_name: str | None = None,
    fallback_date: date | datetime | None = None,
    http_charset: str | None = None,
) -> RawArticle | Skipped:
    """One HTML page to a raw article. A page with no text yields an article with no paragraphs
    (the pipeline stores it as a non-article with the reason); a page that cannot be parsed is a skip."""
    decoded = decode_markup(data, origin=origin, http_charset=http_charset)
    if isinstance(decoded, Skipped):
        return decoded
    import lxml.html
    import trafilatura
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(decoded.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        return Skipped(origin, f"malformed HTML: {exc}")
    if sum(1 for _ in tree.iter()) > MAX_TREE_ELEMENTS:
        return Skipped(origin, f"HTML page with more than {MAX_TREE_ELEMENTS} elements; not an article")
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura is a third-party parser: any failure is this input's problem
        return Skipped(origin, f"malformed HTML: the extractor failed ({exc.__class__.__name__}: {str(exc)[:80]})")
    found: dict[str, Any] = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
    title = (found.get("title") or "").strip() or _tree_title(tree)
    text = found.get("text") or ""
    paragraphs = [" ".join(ln.split()) for ln in str(text).splitlines() if ln.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    page_url = url or (str(found["url"]) if found.get("url") else None)
    published = (
        _page_date(tree, decoded)
        or parse_date(found.get("date"))
        or fallback_date
        or (date_from_url(page_url) if page_url else None)
    )
    meta: list[tuple[str, Any]] = [("format", "html")]
    for key in ("sitename", "description", "hostname"):
        if found.get(key):
            meta.append((key, str(found[key])))
    return RawArticle(
        origin=origin,
        paragraphs=tuple(paragraphs),
        title=title or None,
        url=page_url,
        source=(str(found["sitename"]).strip() if found.get("sitename") else None),
        author=(str(found["author"]).strip() if found.get("author") else None),
        published=published,
        file_name=file_name,
        raw_hash=sha256_bytes(data),
        meta=tuple(sorted(meta)),
    )


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """An HTML page read but not yet extracted: what a reader yields under ``ReadOptions.defer_html``, so that
    the extraction (the costly part: parsing and trafilatura) can run in another process. ``extract()`` gives
    exactly what ``read_html`` gives."""

    data: bytes
    origin: str
    url: str | None = None
    file_name: str | None = None
    fallback_date: date | datetime | None = None
    http_charset: str | None = None

    def extract(self) -> RawArticle | Skipped:
        return read_html(
            self.data,
            origin=self.origin,
            url=self.url,
            file_name=self.file_name,
            fallback_date=self.fallback_date,
            http_charset=self.http_charset,
        )


def html_page(page: HtmlPage, defer: bool) -> RawArticle | Skipped | HtmlPage:
    """The page itself when extraction is deferred, else its extraction."""
    return page if defer else page.extract()


def _tree_title(tree: Any) -> str:
    titles = tree.xpath("//title/text()")
    return " ".join(str(titles[0]).split()) if titles else ""
