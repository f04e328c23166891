"""Cleaning beyond single paragraphs: boilerplate learned per outlet (kept in the store, so it
carries across runs, and deterministic), pages that are not articles, and ingest metadata."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from storyfold.ingest import read_inputs
from storyfold.ingest.meta import date_from_url, find_dateline, find_wire, registered_domain
from storyfold.model import RawArticle, SegmentKind
from storyfold.pagekind import headline_only, non_article_reason
from storyfold.pipeline import build_article, ingest_paths
from storyfold.store import open_store

# Generated: six short reports of one outlet, each with a station promo line and a copyright
# line whose year changes, as local-news pages carry them; two share a real sentence.
EVENTS = [
    "A fire broke out in a warehouse on Elm Street on Monday night, and crews worked for hours to contain it.",
    "The city council voted on Tuesday to extend the bus line to the new hospital on the north side.",
    "Two people were injured when a car crashed into a bakery on Main Street early on Wednesday.",
    "A school board meeting on Thursday drew hundreds of parents worried about plans to close two schools.",
    "Heavy rain flooded several underpasses on Friday and police closed part of the ring road for hours.",
    "The county fair opened on Saturday with a record number of exhibitors and a new livestock barn.",
]
PROMO = "Watch Channel 9 Eyewitness News at 6 for the latest on this story"


def _write(tmp_path: Path) -> Path:
    rows = []
    for n, event in enumerate(EVENTS):
        paras = [event, "Officials said more details would be released later in the week.", PROMO]
        if n in (1, 4):
            paras.insert(1, "No one was in custody on the night of the incident, police said.")
        paras.append(f"Copyright {2014 + n} Channel 9. Material may not be redistributed.")
        rows.append(
            {"id": f"n{n}", "title": event[:40], "text": "\n".join(paras), "url": f"https://www.ch9.example.com/{n}"}
        )
    f = tmp_path / "ch9.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return f


def _labels(db: Path) -> dict[str, list[tuple[str, str]]]:
    store = open_store(db)
    out = {a.id: [(s.kind.value, s.text) for s in a.segments] for a in store.iter_articles()}
    store.close()
    return out


def test_recurring_lines_of_an_outlet_become_boilerplate_and_body_stays(tmp_path: Path) -> None:
    f = _write(tmp_path)
    store = open_store(tmp_path / "a.db")
    ingest_paths([str(f)], store)
    store.close()
    labels = _labels(tmp_path / "a.db")
    for article_id, segs in labels.items():
        kinds = dict((t, k) for k, t in segs)
        assert kinds[PROMO] == "boilerplate", article_id  # learned, and relabelled in the earlier articles too
        assert next(t for k, t in segs if k == "body") in EVENTS
        copyright_line = next(t for _, t in segs if t.startswith("Copyright"))
        assert kinds[copyright_line] == "boilerplate"
    # a sentence two reports share is not boilerplate
    assert all(k == "body" for segs in labels.values() for k, t in segs if t.startswith("No one was in custody"))
    # deterministic: the same input into a fresh store gives the same labels
    store = open_store(tmp_path / "b.db")
    ingest_paths([str(f)], store)
    store.close()
    assert _labels(tmp_path / "b.db") == labels


def test_non_article_pages_by_what_they_are() -> None:
    def reason(*paras: str) -> str | None:
        return non_article_reason(build_article(RawArticle("x", paras, title="A title")).segments)

    assert reason() == "empty page: no text"
    assert "sign-in" in (reason("Thank you for registering!", "Visit us and sign in to update your profile.") or "")
    assert "captcha" in (reason("You must enter the characters with black color that stand out") or "")
    # a sign-in form's lines (a gva-dev page under a report's headline) with more words than a bare notice
    form = (
        "Sign in using you account with: {* loginWidget *}",
        "Sign in using your wsoc profile",
        "Welcome back. Please sign in",
        "Why are we asking this?",
        "Already have an account?",
        "We have sent a confirmation email to {* data_emailAddress *}. Please check your email and click on the "
        "link to activate your account.",
        "Click here to return to the page you were visiting.",
    )
    assert "sign-in" in (reason(*form) or "")
    alerts = (  # a page offering e-mail alerts of a reporter's stories, under a report's headline (gva-dev)
        "Close Get email notifications on Robert Patrick daily!",
        "Your notification has been saved.",
        "There was a problem saving your notification.",
        "Whenever Robert Patrick posts new content, you'll get an email delivered to your inbox with a link.",
        "Email notifications are only sent once a day, and only if there are new matching items.",
    )
    assert "sign-in" in (reason(*alerts) or "")
    assert "near-empty" in (reason("Officials gave no details") or "")
    assert "index" in (reason(*[f"Headline number {n} about something else" for n in range(8)]) or "")
    body = (
        "Police said a man was shot twice outside a convenience store late on Saturday and was taken to a "
        "hospital in stable condition, and detectives were still searching for the gunman on Sunday."
    )
    assert reason(body, "Already a subscriber? Log in to continue") is None  # a real report with a paywall line


def test_metadata_helpers() -> None:
    assert date_from_url("https://a.example.com/news/2016/03/05/story") == date(2016, 3, 5)
    assert date_from_url("https://a.example.com/news/story-2016-13-45") is None
    assert registered_domain("http://pittsburgh.cbslocal.com:80/x") == "cbslocal.com"
    assert registered_domain("https://news.bbc.co.uk/a") == "bbc.co.uk"
    d = find_dateline("NEW YORK, Oct 31 (Reuters) - Stocks fell sharply on Friday.")
    assert d is not None and d.text == "NEW YORK, Oct 31 (Reuters) -" and d.wire == "Reuters"
    assert find_dateline("The man said (AP) - nothing") is None
    assert find_wire(["He told AFP the talks had failed."]) == "AFP"
    assert find_wire(["Copyright 2015 The Associated Press. All rights reserved."]) == "AP"


def test_language_is_marked_and_source_filled_from_the_url(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    fr = (
        "Le gouvernement a annoncé mardi un nouveau plan pour les hôpitaux, qui manquent de personnel depuis "
        "plusieurs mois, selon le ministre de la Santé."
    )
    f.write_text(json.dumps({"id": "fr1", "text": fr, "url": "https://www.journal.fr/2020/10/31/x"}) + "\n")
    (raw,) = list(read_inputs([str(f)]))
    assert isinstance(raw, RawArticle)
    article = build_article(raw)
    assert article.language == "fr" and article.non_article is None
    assert article.source == "journal.fr" and article.published == date(2020, 10, 31)
    assert [s.kind for s in article.segments] == [SegmentKind.BODY]


def test_gva_dev_debris_and_non_articles(shared_data: Path) -> None:
    """The noisy dev set: rule cleaning (no store, so no learned boilerplate here) flags the
    sign-in, paywall, captcha and index pages and removes a few per cent of the text."""
    items = [i for i in read_inputs([str(shared_data / "gva-dev" / "docs.jsonl")]) if isinstance(i, RawArticle)]
    articles = [build_article(i) for i in items]
    flagged = [a for a in articles if a.non_article]
    total = sum(len(s.text) for a in articles for s in a.segments if s.kind is not SegmentKind.TITLE)
    debris = sum(len(s.text) for a in articles for s in a.debris)
    assert len(articles) >= 1600
    assert 50 <= len(flagged) <= 150
    assert 0.02 <= debris / total <= 0.08
    # a flagged page carries little text of its own
    assert all(len(a.text.split()) < 400 for a in flagged)


def _outlet_counts(db: Path) -> tuple[dict[str, int], dict[tuple[str, str], tuple[int, int]]]:
    con = sqlite3.connect(db)
    outlets = dict(con.execute("SELECT outlet, articles FROM outlet_counts"))
    lines = {(o, k): (n, p) for o, k, n, p in con.execute("SELECT * FROM outlet_line_counts")}
    con.close()
    return outlets, lines


def test_outlet_counters_count_distinct_bodies_and_migrate_from_the_tables(tmp_path: Path) -> None:
    """Boilerplate learning reads counters, not a scan of the outlet's articles: they must equal the distinct
    bodies the tables hold (an exact reprint in the outlet counts once), and a store made before them gets them
    from its tables."""
    f = _write(tmp_path)
    rows = [json.loads(x) for x in f.read_text().splitlines()]
    rows.append({**rows[2], "id": "n2-reprint", "url": "https://www.ch9.example.com/2-again"})
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "c.db"
    store = open_store(db)
    ingest_paths([str(f)], store)
    store.close()
    con = sqlite3.connect(db)
    truth_outlets = dict(con.execute("SELECT outlet, COUNT(DISTINCT content_hash) FROM articles GROUP BY outlet"))
    truth_lines = {
        (o, k): n
        for o, k, n in con.execute(
            """SELECT l.outlet, l.line_key, COUNT(DISTINCT a.content_hash) FROM outlet_lines l
               JOIN articles a ON a.id = l.article_id GROUP BY l.outlet, l.line_key"""
        )
    }
    outlets, lines = _outlet_counts(db)
    assert truth_outlets == outlets == {"ch9.example.com": 6}  # seven articles, six bodies
    assert {key: n for key, (n, _) in lines.items()} == truth_lines
    assert max(truth_lines.values()) == 6  # the promo line, on every body
    # every carrier of a learned line was relabelled: none left pending
    assert all(p == 0 for n, p in lines.values() if n >= 3)
    # a store from before migration 7: the counters come from its tables
    con.executescript(
        "DROP TABLE outlet_counts; DROP TABLE outlet_line_counts; DELETE FROM schema_migrations WHERE version = 7;"
    )
    con.close()
    open_store(db).close()
    assert _outlet_counts(db) == (outlets, lines)


def test_a_video_playlist_is_debris_and_a_live_reports_times_are_not() -> None:
    """A media player's playlist (short lines led by a running time, lines of a gva-dev page) is page debris;
    a page of only that is not an index of headlines but an article page whose text is missing, so it keeps
    its headline. Two time-led entries, or entries led by a clock time ("10:35 a.m."), stay body."""
    playlist = (
        "10:35 Attorney: DUI suspect charged in death of Northside teen offers condolences Pause",
        "1:29 Police respond to shooting on 17th Avenue",
        "1:15 Prosecutor in double murder trial says killer's story 'didn't add up'",
        "1:06 TSYS announces results of 2016 United Way campaign",
    )
    title = "2 Phenix City men charged with attempted murder in drive-by shooting"
    page = build_article(RawArticle("p", playlist, title=title))
    assert [s.reason for s in page.segments[1:]] == ["video playlist entry"] * 4
    assert page.non_article is not None and page.non_article.startswith("only page debris")
    assert headline_only(page)
    body = (
        "Two men were charged with attempted murder on Wednesday in a drive-by shooting that put an elementary "
        "school on lockdown last week, police said."
    )
    report = build_article(RawArticle("r", (body, *playlist), title=title))
    assert report.non_article is None and [s.kind for s in report.body] == [SegmentKind.BODY]
    live = (
        "10:35 Police say the gunman fled on foot toward the river and officers are searching the area.",
        "10:50 A second victim has been taken to the hospital, a spokeswoman said.",
        body,
    )
    assert all(s.kind is SegmentKind.BODY for s in build_article(RawArticle("l", live, title=title)).segments[1:])
    clock = tuple(f"{h}:15 a.m. Officers closed Main Street near the school" for h in (7, 8, 9))
    assert all(s.kind is SegmentKind.BODY for s in build_article(RawArticle("c", clock, title=title)).segments[1:])


def test_a_reporters_contact_lines_are_debris_and_a_posts_attribution_is_not() -> None:
    """Contact lines under gva-dev reports (an address, a phone number, a handle) are the reporter's, not the
    report's: labelled as byline debris, so they are no source's addition in a story's alignment. An embedded
    post's attribution and a sentence that gives a tip line stay body."""
    body = "Police said the man was shot twice outside a store on Saturday and died at a hospital."
    contact = (
        "HFournier@detroitnews.com",
        "(313) 223-4616",
        "twitter.com/janders5",
        "Twitter: @JaneLernerNY",
        "Reach Cahill at (803) 771-8305.",
        "Contact the writer: 714-796-7802 or aduranty@ocregister.com",
    )
    kept = (
        "— Jan Brewer (@GovBrewer) March 18, 2015",
        "Anyone with information is asked to call Crime Stoppers at 555-555-1234 or to send a tip online.",
    )
    article = build_article(RawArticle("c", (body, *contact, *kept), title="Man shot outside store dies"))
    labels = {s.text: (s.kind, s.reason) for s in article.segments}
    assert all(labels[t] == (SegmentKind.BYLINE, "reporter's contact line") for t in contact)
    assert all(labels[t][0] is SegmentKind.BODY for t in (body, *kept))


def test_a_broadcasters_long_copyright_notice_is_boilerplate() -> None:
    """The copyright notice under gvc and gva-dev reports of one broadcaster's stations (45 words, longer than
    the short boilerplate lines) named the company in each: read as body, its rare names made reports of
    different incidents months apart look like follow-ups of one another. A sentence about a copyright case
    stays body."""
    notice = (
        "(TM and Copyright 2016 CBS Radio Inc. and its relevant subsidiaries. CBS RADIO and EYE Logo TM and "
        "Copyright 2016 CBS Broadcasting Inc. Used under license. All Rights Reserved. This material may not be "
        "published, broadcast, rewritten, or redistributed. The Associated Press contributed to this report.)"
    )
    case = (
        "The photographer said in the lawsuit that the copyright was his and that the pictures may not be "
        "reproduced without his consent."
    )
    article = build_article(RawArticle("n", (case, notice), title="Photographer sues station"))
    labels = {s.text: (s.kind, s.reason) for s in article.segments}
    assert labels[notice] == (SegmentKind.BOILERPLATE, "copyright notice")
    assert labels[case][0] is SegmentKind.BODY


def test_an_outlets_short_copyright_and_calls_to_follow_it_are_debris() -> None:
    """Lines under gvc and gva-dev reports that are the outlet's, not the report's (each seen under reports of
    one outlet or several): debris even in an outlet's first article, before any recurrence is learned. A
    report's sentences about social media stay body."""
    debris = {
        "© 2016 Cox Media Group.": "copyright notice",
        "(© 2016 KHOU)": "copyright notice",
        "Copyright 2016 WFAA": "copyright notice",
        "Stay Up To Date, Follow KDKA On Twitter": "call to follow or write to the outlet",
        "Join The Conversation On The KDKA Facebook Page": "call to follow or write to the outlet",
        "Follow CBSMIAMI.COM: Facebook | Twitter": "call to follow or write to the outlet",
        "Never miss another Facebook post from 8News": "call to follow or write to the outlet",
        "Report an Error or Submit a Tip to NBC12": "call to follow or write to the outlet",
        "This slideshow requires JavaScript.": "page boilerplate",
    }
    body = (
        "Police urged residents to follow the department on Twitter for updates on the search.",
        "Police said the suspect posted threats on Facebook and Twitter before the shooting.",
    )
    article = build_article(RawArticle("d", (*body, *debris), title="Police search for gunman"))
    reasons = {s.text: s.reason for s in article.segments if s.kind is not SegmentKind.BODY}
    assert {t: r for t, r in reasons.items() if t in debris} == debris
    assert [s.text for s in article.body] == list(body)
