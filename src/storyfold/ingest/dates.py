"""Publication dates from the strings inputs give."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")


def parse_date(value: object) -> date | datetime | None:
    """An ISO date or datetime (kept timezone-aware when the string says so), else dateparser's
    reading of a free-form date string; ``None`` when nothing sensible comes out."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _RFC822.match(text):  # feeds and HTTP headers: "Mon, 24 Oct 2011 06:30:00 +0700"
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )
    if not isinstance(parsed, datetime) or not 1800 <= parsed.year <= 2200:
        return None
    return parsed
