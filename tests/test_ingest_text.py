"""The seed format: titles, header lines, body, and page debris kept as labelled segments."""

from __future__ import annotations

from datetime import date

from storyfold.ingest import read_inputs
from storyfold.ingest.text import parse_text
from storyfold.model import RawArticle, SegmentKind
from storyfold.pipeline import build_article
from storyfold.textproc import normalise
from storyfold.views import read_article

from conftest import SEED_A, SEED_B


def test_first_seed_title_subtitle_and_debris_labels() -> None:
    a = read_article(SEED_A)
    assert a.title == "Armenia PM seeks talks with Putin amid conflict"
    kinds = [s.kind for s in a.segments]
    assert kinds[1] is SegmentKind.SUBTITLE
    debris = {(s.kind, s.text) for s in a.debris}
    assert (SegmentKind.CAPTION, "Armenian Prime Minister Nikol Pashinyan. Credit: Reuters Photo") in debris
    assert any(k is SegmentKind.RELATED and t.startswith("Also read:") for k, t in debris)
    newsletter = [s for s in a.debris if s.kind is SegmentKind.NEWSLETTER]
    assert [s.text for s in newsletter] == [
        "Get a round-up of the day's top stories in your inbox",
        "Check out all newsletters",
        "Get a round-up of the day's top stories in your inbox",
    ]
    assert a.body[0].text.startswith("Armenian Prime Minister Nikol Pashinyan on Saturday asked")
    assert a.body[-1].text.startswith("More than 1,200 people from both sides")
    assert not any("Credit:" in s.text or "newsletter" in s.text for s in a.body)


def test_second_seed_inline_date_header_captions_and_stamp() -> None:
    b = read_article(SEED_B)
    assert b.published == date(2020, 10, 31)
    assert b.title is None
    assert b.body[0].text.startswith("Armenian Prime Minister Nikol Pashinyan has formally asked")
    captions = [s for s in b.debris if s.kind is SegmentKind.CAPTION]
    assert len(captions) == 2 and all(s.text.endswith("(Reuters)") for s in captions)
    stamps = [s for s in b.debris if s.kind is SegmentKind.STAMP]
    assert [s.text for s in stamps] == ["Last Update: Saturday, 31 October 2020 KSA 11:08 - GMT 08:08"]
    assert len(b.body) == 11


def test_nothing_of_the_input_is_lost() -> None:
    for path in (SEED_A, SEED_B):
        original = normalise(path.read_text(encoding="utf-8")).replace("date 2020-10-31 ", "")
        article = read_article(path)
        kept = " ".join(normalise(s.text) for s in article.segments)
        assert sorted(original.split()) == sorted(kept.split()), path.name


def test_header_lines_source_url_author_and_title() -> None:
    raw = parse_text(
        "title Quake hits city\nsource Example Times\nurl https://example.com/a\nauthor Jane Roe\n"
        "date 2021-03-04\n\nA strong earthquake hit the city on Thursday.\n",
        origin="x.txt",
    )
    assert (raw.title, raw.source, raw.url, raw.author) == (
        "Quake hits city",
        "Example Times",
        "https://example.com/a",
        "Jane Roe",
    )
    assert raw.published == date(2021, 3, 4)
    assert raw.paragraphs == ("A strong earthquake hit the city on Thursday.",)


def test_identity_is_file_name_plus_content_hash() -> None:
    a = read_article(SEED_A)
    assert a.id == SEED_A.name
    assert a.key.startswith(f"file:{SEED_A.name}:") and len(a.key.rsplit(":", 1)[1]) == 64


def test_bad_inputs_are_skipped_with_a_reason(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\xe9 owners in Montr\xe9al said the fire started at night.".encode("latin-1")
    )
    (tmp_path / "notes.md").write_text("# not an article")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    reasons = {i.origin.rsplit("/", 1)[-1]: getattr(i, "reason", None) for i in items}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "unsupported file type" in reasons["notes.md"]
    assert "no such file" in reasons["missing.txt"]
    latin = next(i for i in items if isinstance(i, RawArticle))
    assert "Montréal" in build_article(latin).text
