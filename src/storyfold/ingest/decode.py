"""Bytes to text: BOMs, declared UTF-8, then charset detection; always NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata

from storyfold.model import Skipped

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Share of control characters (other than whitespace) above which input is binary, not text.
MAX_CONTROL_SHARE = 0.02


def decode_bytes(data: bytes, *, origin: str) -> str | Skipped:
    """Decode raw bytes to NFC text, or say why they are not text."""
    if not data.strip():
        return Skipped(origin, "empty input (0 bytes of text)")
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                return Skipped(origin, f"starts with a {enc} byte-order mark but is not valid {enc}")
            break
    if text is None:
        if b"\x00" in data[:4096]:
            return Skipped(origin, "binary data, not text (NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                return Skipped(origin, "undecodable bytes: no text encoding fits")
            text = str(best)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        return Skipped(origin, "binary data, not text (control characters)")
    return unicodedata.normalize("NFC", text)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML document declares in its first bytes (meta tag or XML prolog)."""
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_markup(data: bytes, *, origin: str, http_charset: str | None = None) -> str | Skipped:
    """Decode HTML/XML: a BOM wins, then the HTTP header's charset, then the document's own
    declaration, then the general detection of :func:`decode_bytes`."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_bytes(data, origin=origin)
    for name in (http_charset, declared_charset(data)):
        if not name:
            continue
        try:
            enc = codecs.lookup(name).name
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        if b"\x00" in data[:4096] and "utf-16" not in enc and "utf-32" not in enc:
            return Skipped(origin, "binary data, not text (NUL bytes)")
        return unicodedata.normalize("NFC", text)
    return decode_bytes(data, origin=origin)


def charset_from_content_type(content_type: str) -> str | None:
    """The ``charset`` parameter of an HTTP Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
