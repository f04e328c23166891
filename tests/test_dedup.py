"""Dedup as a user sees it: copies are found and join their original's story and line; rewrites around one
wire core (the seeds) form one line credited to the wire; page templates, debris pages and different events
never link; the index lives in the store, survives a restart and expires.

The copies here are GENERATED from real articles (the seeds and the ECB+ demo excerpt): cropped, paragraphs
reordered, words misspelled, a paragraph added.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from storyfold.dedup import DedupOptions, expire_index, features
from storyfold.dedup.minhash import IMPLEMENTATIONS, estimate_jaccard, make_hasher
from storyfold.model import LinkKind, RawArticle
from storyfold.pipeline import IngestOptions, ingest_items, ingest_paths
from storyfold.store import Store, open_store
from storyfold.textproc import jaccard, shingles, tokens
from storyfold.views import read_article

from conftest import DEMO, SEED_A, SEED_B, SEEDS


def _demo_articles(n: int, min_words: int = 120) -> list[dict[str, str]]:
    """Real articles from the demo corpus (input fields only)."""
    rows = []
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if len(d["text"].split()) >= min_words and d["text"].count("\n") >= 3:
            rows.append({"id": d["id"], "title": d["title"] or "", "text": d["text"]})
    return rows[:n]


def _raw(article_id: str, paragraphs: list[str], title: str = "", day: date | None = None) -> RawArticle:
    return RawArticle(
        origin=f"generated:{article_id}",
        paragraphs=tuple(paragraphs),
        title=title or None,
        input_id=article_id,
        published=day,
    )


def _typos(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 3 and rng.random() < 0.03:
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def test_seeds_form_one_line_credited_to_afp(store: Store) -> None:
    ingest_paths([str(SEEDS)], store)
    (line,) = store.lines(min_size=2)
    assert set(line.article_ids) == {SEED_A.name, SEED_B.name}
    assert line.wire == "AFP"  # "told AFP" in the text; the "(Reuters)" photo captions do not count
    assert line.origin == SEED_B.name  # the dated one: the earliest known
    (link,) = store.duplicate_links()
    assert link.kind is LinkKind.SHARED  # a rewrite around one wire core, not a copy
    assert link.shared_sentences >= 8 and link.shared >= 0.7
    assert all(m.duplicate_of is None for m in line.members)
    # one story, and the same line id from a fresh store
    assert store.assignment(SEED_A.name).story_id == store.assignment(SEED_B.name).story_id  # type: ignore[union-attr]


def test_same_input_same_line_ids(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        s = open_store(tmp_path / name)
        ingest_paths([str(SEED_A), str(SEED_B)], s)
        ids.append([(ln.id, ln.article_ids) for ln in s.lines()])
        s.close()
    assert ids[0] == ids[1]


def test_generated_copies_join_their_original(store: Store) -> None:
    rng = random.Random(3)
    originals = _demo_articles(4)
    items = [_raw(o["id"], o["text"].split("\n"), o["title"]) for o in originals]
    kinds = {}
    for o in originals:
        paras = o["text"].split("\n")
        copies = {
            "exact": list(paras),
            "crop": paras[: max(3, round(len(paras) * 0.6))],
            "reorder": list(reversed(paras)),
            "typos": [_typos(p, rng) for p in paras],
            "added": [*paras, "The mayor said on Sunday that the city would hold a vigil for the victims next week."],
        }
        for kind, copy in copies.items():
            items.append(_raw(f"{kind}-{o['id']}", copy, o["title"]))
            kinds[f"{kind}-{o['id']}"] = o["id"]
    ingest_items(items, store, IngestOptions())
    for copy_id, original in kinds.items():
        member = store.line_member(copy_id)
        assert member is not None and member.duplicate_of == original, (copy_id, member)
        assert member.line_id == store.line_member(original).line_id  # type: ignore[union-attr]
        assert store.assignment(copy_id).story_id == store.assignment(original).story_id  # type: ignore[union-attr]
    links = store.duplicate_links()
    assert {x.kind for x in links if x.article_id.startswith("exact-")} == {LinkKind.EXACT}
    assert {x.kind for x in links if x.article_id.startswith("crop-") and x.other_id in kinds.values()} == {
        LinkKind.CONTAINED
    }
    # no copy links to another article's original
    assert all(kinds.get(x.article_id, x.other_id).endswith(x.other_id.split("-", 1)[-1]) for x in links)


def test_template_and_debris_pages_are_not_duplicates(store: Store) -> None:
    template = [
        "Close Get email notifications on this author daily!",
        "Your notification has been saved and you will hear from us soon about all new stories.",
        "There was a problem saving your notification, please try again later or contact support.",
        "Email notifications are only sent once a day, and only if there are new matching items.",
    ]
    real = _demo_articles(2)
    items = [
        _raw("page-1", template, "Firefighters rescue family from burning house in Springfield"),
        _raw("page-2", template, "City council approves new budget for road repairs"),
        _raw("article-1", [*template, *real[0]["text"].split("\n")], real[0]["title"]),
        _raw("article-2", [*template, *real[1]["text"].split("\n")], real[1]["title"]),
    ]
    ingest_items(items, store, IngestOptions())
    assert store.duplicate_links() == []
    assert store.lines(min_size=2) == []


def test_different_events_of_one_kind_never_join_a_line(store: Store) -> None:
    """Two topics of the demo corpus (two different real events each), plus generated copies of two of
    their articles: the copies join their originals, and no line mixes events."""
    rows = [json.loads(x) for x in DEMO.read_text(encoding="utf-8").splitlines()]
    topics = sorted({r["topic"] for r in rows})[:2]
    picked = [r for r in rows if r["topic"] in topics]
    gold = {r["id"]: r["story"] for r in picked}
    items = [_raw(r["id"], r["text"].split("\n"), r["title"] or "") for r in picked]
    long = [r for r in picked if len(r["text"].split()) >= 120][:2]
    for r in long:
        items.append(_raw("copy-" + r["id"], r["text"].split("\n")[1:], r["title"] or ""))
        gold["copy-" + r["id"]] = r["story"]
    ingest_items(items, store, IngestOptions())
    lines = store.lines(min_size=2)
    assert {r["id"] for r in long} <= {a for line in lines for a in line.article_ids}
    for line in lines:
        assert len({gold[a] for a in line.article_ids}) == 1, line


def test_index_survives_restart_and_expires(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    o = _demo_articles(3)
    old = [_raw(x["id"], x["text"].split("\n"), x["title"], date(2020, 1, 1)) for x in o[:2]]
    new = [_raw(o[2]["id"], o[2]["text"].split("\n"), o[2]["title"], date(2020, 3, 1))]
    s = open_store(db)
    ingest_items([*old, *new], s, IngestOptions())
    s.close()
    s = open_store(db)  # later, another process: copies of both old and new articles
    with s.transaction():
        assert expire_index(s, keep_days=30) == 2
    copies = [_raw("copy-" + x["id"], x["text"].split("\n"), x["title"], date(2020, 3, 2)) for x in o]
    ingest_items(copies, s, IngestOptions())
    assert s.line_member("copy-" + o[2]["id"]).duplicate_of == o[2]["id"]  # type: ignore[union-attr]
    for x in o[:2]:  # expired from the index: no longer compared with
        assert s.line_member("copy-" + x["id"]).duplicate_of is None  # type: ignore[union-attr]
    s.close()


@pytest.mark.parametrize("name", IMPLEMENTATIONS)
def test_minhash_implementations_estimate_jaccard(name: str) -> None:
    if name != "numpy":
        pytest.importorskip(name)
    a = tokens(read_article(SEED_A).text)
    b = a[: len(a) // 2] + a[len(a) // 2 + 40 :]
    sa, sb = shingles(a, 5), shingles(b, 5)
    hasher = make_hasher(name, 256)
    est = estimate_jaccard(hasher.signature(sa), hasher.signature(sb))
    assert abs(est - jaccard(sa, sb)) < 0.1
    assert estimate_jaccard(hasher.signature(sa), hasher.signature(shingles(tokens(SEED_B.read_text()), 5))) < 0.5


def test_features_are_reproducible() -> None:
    art = read_article(SEED_A)
    assert features(art, DedupOptions()) == features(art, DedupOptions())


def test_shared_data_gva_dev_has_no_false_links(shared_data: Path, tmp_path: Path) -> None:
    """Unfiltered archive pages (debris, templates, empty pages): no link between different gold stories;
    GENERATED copies (first paragraph dropped) of some of them are still found among them."""
    lines = (shared_data / "gva-dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines()[:120]
    docs = [json.loads(x) for x in lines]
    gold = {d["id"]: d["story"] for d in docs}
    copies = []
    for d in [d for d in docs if len(d["text"].split()) >= 200][:3]:
        copies.append({**d, "id": "copy-" + d["id"], "text": "\n".join(d["text"].split("\n")[1:])})
        gold["copy-" + d["id"]] = d["story"]
    sample = tmp_path / "gva.jsonl"
    sample.write_text("\n".join(json.dumps(d) for d in docs + copies) + "\n", encoding="utf-8")
    s = open_store(tmp_path / "s.db")
    ingest_paths([str(sample)], s)
    links = s.duplicate_links()
    s.close()
    assert [x for x in links if gold[x.article_id] != gold[x.other_id]] == []
    assert {"copy-" + x.other_id for x in links if x.article_id.startswith("copy-")} == {c["id"] for c in copies}


@pytest.mark.parametrize(
    ("paragraphs", "wire"),
    [
        (["WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill after a long debate."], "AP"),
        (["The minister told Reuters the talks would resume.", "He said nothing more."], "Reuters"),
        (["Police closed the road.", "The Associated Press contributed to this report."], "AP"),
        (["Rescuers searched the rubble. (Reuters)", "The toll rose to 40, officials said."], None),  # a caption
        (["The rapper and the apple grower met the mayor of the town on Monday."], None),
    ],
)
def test_wire_credit_from_text_not_photo_credits(paragraphs: list[str], wire: str | None) -> None:
    from storyfold.dedup.wire import wire_credit
    from storyfold.pipeline import build_article

    assert wire_credit(build_article(_raw("w", paragraphs, "A report"))) == wire
