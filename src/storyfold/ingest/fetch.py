"""http(s) URLs through httpx: timeouts, a size cap, redirects followed, an honest User-Agent.
What comes back is read like a file of the type the server says (or the bytes show)."""

from __future__ import annotations

from dataclasses import dataclass

from storyfold.ingest.options import ReadOptions
from storyfold.model import Skipped

MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    data: bytes
    content_type: str
    last_modified: str | None


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Fetched | Skipped:
    import httpx

    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*"}
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(options.fetch_timeout),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers=headers,
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                return Skipped(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > options.max_file_bytes:
                return Skipped(url, f"response is {declared} bytes, over the limit of {options.max_file_bytes}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > options.max_file_bytes:
                    return Skipped(url, f"response larger than the limit of {options.max_file_bytes} bytes")
                chunks.append(chunk)
            return Fetched(
                str(resp.url), b"".join(chunks), resp.headers.get("Content-Type", ""), resp.headers.get("Last-Modified")
            )
    except httpx.TimeoutException:
        return Skipped(url, f"timed out after {options.fetch_timeout:g} s (raise --fetch-timeout)")
    except httpx.TooManyRedirects:
        return Skipped(url, f"more than {MAX_REDIRECTS} redirects")
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return Skipped(url, f"cannot fetch: {exc.__class__.__name__}: {str(exc)[:120]}")
