"""What every response carries and every request is held to: security headers, a body size limit, the
bearer token of the write endpoints, and which URLs may become links."""

from __future__ import annotations

import hmac
import json
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style: the pages load /static/app.js and /static/style.css only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
DEFAULT_MAX_BODY = 10 * 1024 * 1024


class GuardMiddleware:
    """Adds the security headers to every response (static files and errors included) and answers 413 to a
    request body over ``max_body`` bytes, whether it declares its length or streams it."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in SECURITY_HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*kept, *SECURITY_HEADERS]}
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._too_large(send_guarded)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body.extend(message.get("body", b""))
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await self._too_large(send_guarded)
                    return
            receive = _replay(bytes(body), receive)
        try:
            await self.app(scope, receive, send_guarded)
        except Exception:
            # an unexpected error: answer 500 here, with the headers, before the server logs it
            if not started:
                await _send_json(send_guarded, 500, {"detail": "internal server error"})
            raise

    async def _too_large(self, send: Send) -> None:
        await _send_json(send, 413, {"detail": f"request body larger than {self.max_body} bytes"})


async def _send_json(send: Send, status: int, body: dict[str, str]) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, then: Receive) -> Receive:
    """The buffered body as one message, then the client's own messages (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await then()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of a presented bearer token with the configured one."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a link (http or https with a host), else None: never a javascript: or data: URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()
