"""Dedup quality: false links on real data, and precision / recall on generated copies of real articles.

1. Ingest ``gva-dev`` (only the reader's fields: id, title, text, published, url, source; the gold labels are
   read afterwards, for scoring only). A link between two articles the gold labels put in different stories is
   a false link; links inside one story are listed for reading.
2. Pick originals among the ingested articles (ones that found no link, >= 120 words) and generate copies of
   each, one per kind of change: ``crop`` (the first 60% of paragraphs), ``reorder`` (paragraphs shuffled),
   ``boilerplate`` (site chrome added), ``typos`` (3% of words misspelled), ``new_lead`` (a new first
   paragraph), ``combo`` (crop + typos + new lead). Ingest them into the same store, as a later batch.
   Recall: the copy joins its original's reporting line. Precision: of the copy's links, those to its original
   or to another copy of it.

Usage::

    .venv/bin/python bench/dedup_eval.py [--originals 120] [--out bench/dedup.md]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyfold.dedup import DedupOptions, dedup_article
from storyfold.ingest import read_inputs
from storyfold.model import RawArticle, Skipped
from storyfold.pipeline import IngestOptions, build_article, ingest_items
from storyfold.store import Store, open_store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva-dev" / "docs.jsonl"
KINDS = ("crop", "reorder", "boilerplate", "typos", "new_lead", "combo")
BOILER = (
    "Copyright 2017 Example Media Group. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Share this article on Facebook Share on Twitter Email this story",
    "Comments are closed on this story. Please read our community guidelines before commenting.",
)
LEADS = (
    "Residents of the neighbourhood gathered on Sunday evening to remember those affected, organisers said, "
    "and called on city officials to do more to keep the streets safe.",
    "The incident is the latest in a series that local leaders have described as deeply troubling for the "
    "whole community, which has seen a rise in violent crime this year.",
)


def _typos(text: str, rng: random.Random, rate: float = 0.03) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 3 and rng.random() < rate:
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def make_copy(paras: list[str], kind: str, rng: random.Random) -> list[str]:
    if kind == "crop":
        return paras[: max(2, round(len(paras) * 0.6))]
    if kind == "reorder":
        out = list(paras)
        while len(out) > 1 and out == paras:
            rng.shuffle(out)
        return out
    if kind == "boilerplate":
        return [BOILER[2], *paras, BOILER[0], BOILER[3]]
    if kind == "typos":
        return [_typos(p, rng) for p in paras]
    if kind == "new_lead":
        return [rng.choice(LEADS), *paras]
    if kind == "combo":
        return [rng.choice(LEADS), *(_typos(p, rng) for p in paras[: max(2, round(len(paras) * 0.6))])]
    raise ValueError(kind)


def gold_stories() -> dict[str, str]:
    out = {}
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[str(d["id"])] = str(d.get("story"))
    return out


def ingest(items: Iterable[RawArticle | Skipped], store: Store, dedup_only: bool) -> None:
    """The whole pipeline, or (``--dedup-only``) store + dedup stage without story assignment: the same links
    and lines, several times faster."""
    if not dedup_only:
        ingest_items(items, store, IngestOptions())
        return
    opts = DedupOptions()
    for item in items:
        if isinstance(item, Skipped):
            continue
        article = build_article(item)
        if not article.body:
            continue
        with store.transaction():
            if store.find_by_key(article.key) is None:
                store.add_article(article)
                dedup_article(store, article, opts, store.get_article)


def real_data(store: Store, dedup_only: bool) -> dict[str, Any]:
    ingest(read_inputs([str(DATA)]), store, dedup_only)
    gold = gold_stories()
    links = store.duplicate_links()
    false = [x for x in links if gold.get(x.article_id) != gold.get(x.other_id)]
    lines = store.lines(min_size=2)
    mixed = [ln for ln in lines if len({gold.get(a) for a in ln.article_ids}) > 1]
    titles = {a.id: (a.source or "?", (a.title or "")[:60]) for a in store.iter_articles()}
    return {
        "all_links": [(x, titles[x.article_id], titles[x.other_id]) for x in links],
        "articles": store.count_articles(),
        "links": Counter(x.kind.value for x in links),
        "false_links": false,
        "lines": len(lines),
        "in_lines": sum(len(ln.members) for ln in lines),
        "mixed_lines": len(mixed),
        "wires": Counter(ln.wire for ln in lines if ln.wire),
    }


def all_sets() -> list[str]:
    """False links and mixed lines on every labelled article set (store + dedup stage only, fresh store each)."""
    rows = []
    for path in sorted(DATA.parent.parent.glob("*/docs.jsonl")):
        gold = {str(json.loads(x)["id"]): str(json.loads(x).get("story")) for x in path.open(encoding="utf-8")}
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "s.db")
            ingest(read_inputs([str(path)]), store, dedup_only=True)
            links = store.duplicate_links()
            lines = store.lines(min_size=2)
            n = store.count_articles()
            store.close()
        false = sum(gold[x.article_id] != gold[x.other_id] for x in links)
        mixed = sum(len({gold[a] for a in ln.article_ids}) > 1 for ln in lines)
        rows.append(f"| {path.parent.name} | {n} | {len(links)} | {false} | {len(lines)} | {mixed} |")
    return rows


def synthetic(store: Store, n: int, seed: int, dedup_only: bool) -> dict[str, list[int]]:
    rng = random.Random(seed)
    linked = {x.article_id for x in store.duplicate_links()} | {x.other_id for x in store.duplicate_links()}
    originals = []
    for art in store.iter_articles():
        if art.id in linked or len(art.text.split()) < 120 or len(art.body) < 3:
            continue
        originals.append(art)
    rng.shuffle(originals)
    originals = sorted(originals[:n], key=lambda a: a.id)
    items = []
    for art in originals:
        paras = [s.text for s in art.body]
        for kind in KINDS:
            items.append(
                RawArticle(
                    origin=f"generated:{art.id}:{kind}",
                    paragraphs=tuple(make_copy(paras, kind, rng)),
                    title=art.title,
                    input_id=f"copy-{kind}-{art.id}",
                    published=art.published,
                )
            )
    ingest(items, store, dedup_only)
    gold = gold_stories()
    stats: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in KINDS}  # found, total, good links, all links
    links_by: dict[str, list[Any]] = {}
    for x in store.duplicate_links():
        links_by.setdefault(x.article_id, []).append(x)
    for art in originals:
        line = store.line_member(art.id)
        for kind in KINDS:
            cid = f"copy-{kind}-{art.id}"
            member = store.line_member(cid)
            s = stats[kind]
            s[1] += 1
            s[0] += int(member is not None and line is not None and member.line_id == line.line_id)
            for x in links_by.get(cid, []):
                ok = x.other_id == art.id or x.other_id.endswith(f"-{art.id}")
                if not ok and gold.get(x.other_id) == gold.get(art.id):
                    continue  # another report of the same event (gold): neither right nor wrong for this measure
                s[3] += 1
                s[2] += int(ok)
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--originals", type=int, default=120)
    ap.add_argument("--dedup-only", action="store_true", help="skip story assignment (same links, faster)")
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("dedup.md"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "eval.db")
        real = real_data(store, args.dedup_only)
        stats = synthetic(store, args.originals, seed=11, dedup_only=args.dedup_only)
        store.close()
    out = [
        "# Dedup quality (bench/dedup_eval.py)",
        "",
        f"Pipeline: {'store + dedup stage only (--dedup-only)' if args.dedup_only else 'the whole ingest pipeline'}.",
        "",
        f"## Real data: gva-dev ({real['articles']} articles)",
        "",
        f"- links by kind: {dict(sorted(real['links'].items()))}",
        f"- **false links** (the two articles are in different gold stories): {len(real['false_links'])}",
        f"- reporting lines with 2+ articles: {real['lines']} ({real['in_lines']} articles); "
        f"lines mixing gold stories: {real['mixed_lines']}",
        f"- wires credited by lines: {dict(real['wires'].most_common())}",
    ]
    for x in real["false_links"][:20]:
        out.append(f"  - false: {x.article_id} -> {x.other_id} {x.kind.value} J={x.jaccard} shared={x.shared}")
    out += ["", "Every link (later -> earlier: kind, estimated Jaccard, shared sentences; source, title):", ""]
    for x, (src_a, title_a), (src_b, title_b) in real["all_links"]:
        same = "" if x not in real["false_links"] else " **FALSE**"
        out.append(
            f'- {x.kind.value} J={x.jaccard:.2f} shared={x.shared:.2f}{same}: {src_a} "{title_a}" -> '
            f'{src_b} "{title_b}"'
        )
    out += [
        "",
        "## Every labelled set (store + dedup stage, a fresh store each)",
        "",
        "| set | articles | links | false links (different gold stories) | lines of 2+ | lines mixing stories |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *all_sets(),
    ]
    out += [
        "",
        f"## Generated copies of {args.originals} real articles (one copy per kind of change)",
        "",
        "| change | recall (copy joins its original's line) | precision (links to the original or its copies) * |",
        "| --- | ---: | ---: |",
    ]
    for kind, (found, total, good, alll) in stats.items():
        prec = f"{good / alll:.3f} ({good}/{alll})" if alll else "n/a (no links)"
        out.append(f"| {kind} | {found / max(total, 1):.3f} ({found}/{total}) | {prec} |")
    out += [
        "",
        "\\* Links from a copy to another report of the same event (gold label) are left out of precision: a"
        " same-outlet follow-up that repeats paragraphs is a true shared-passage link, not a wrong one. Links to"
        " articles of other events count as false.",
    ]
    text = "\n".join(out) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
