"""The HTTP side: a FastAPI app serving the JSON API and the web UI over one store (``storyfold serve``)."""

from __future__ import annotations

from storyfold.web.app import create_app

__all__ = ["create_app"]
