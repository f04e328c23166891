"""TimeML reading, writing and TempEval-3 scoring, on real TimeBank files and on small hand-made ones."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyfold.cli import app
from storyfold.evaluate.timeml import evaluate_timex, read_timeml, score_document
from storyfold.facts.times import find_times
from storyfold.model import TimeRef

runner = CliRunner()

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-10-31" functionInDocument="CREATION_TIME">2020-10-31</TIMEX3></DCT>
<TEXT>
Talks <EVENT eid="e1">failed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-10-30">Friday</TIMEX3> &amp; \
fighting went on <TIMEX3 tid="t2" type="DURATION" value="P1M" mod="MORE_THAN">for more than a month</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml_gives_plain_text_and_gold_offsets(tmp_path: Path) -> None:
    path = tmp_path / "x1.tml"
    path.write_text(SAMPLE)
    doc = read_timeml(path)
    assert str(doc.dct) == "2020-10-31"
    assert "<" not in doc.text and "Talks failed on Friday & fighting" in doc.text
    assert [(doc.text[g.start : g.end], g.value) for g in doc.gold] == [
        ("Friday", "2020-10-30"),
        ("for more than a month", "P1M"),
    ]


def test_scores_follow_tempeval3_definitions() -> None:
    gold = [TimeRef("Friday", 0, 6, "DATE", "2020-10-30"), TimeRef("for a month", 10, 21, "DURATION", "P1M")]
    system = [
        TimeRef("Friday", 0, 6, "DATE", "2020-10-23"),  # strict match, wrong value
        TimeRef("a month", 14, 21, "DURATION", "P1M"),  # relaxed match only, right value
        TimeRef("now", 30, 33, "DATE", "PRESENT_REF"),  # spurious
    ]
    c = score_document(gold, system)
    assert (c.gold, c.system, c.strict_gold, c.relaxed_gold, c.relaxed_system) == (2, 3, 1, 2, 2)
    assert (c.pairs, c.value_ok, c.type_ok) == (2, 1, 2)


def test_eval_command_scores_and_writes_tagged_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x1.tml").write_text(SAMPLE)
    (src / "broken.tml").write_text("<TimeML><TEXT>no end")
    out_dir = tmp_path / "out"
    result = runner.invoke(app, ["eval", "timex", str(src), "--output", str(out_dir), "--json"])
    assert result.exit_code == 3, result.output  # the broken file is reported and skipped
    data = json.loads(result.stdout)
    assert data["documents"] == 1
    assert data["skipped"][0]["origin"].endswith("broken.tml")
    assert data["value"]["f1"] == 1.0 and data["strict"]["f1"] < 1.0  # "more than a month" vs "for more ..."
    written = read_timeml(out_dir / "x1.tml")
    assert written.text == read_timeml(src / "x1.tml").text
    assert [(g.text, g.value, g.mod) for g in written.gold] == [
        ("Friday", "2020-10-30", None),
        ("more than a month", "P1M", "MORE_THAN"),
    ]


def test_scores_on_real_timebank_files(shared_data: Path) -> None:
    base = shared_data / "tempeval3" / "train"
    names = [
        "TimeBank/ABC19980108.1830.0711.tml",
        "TimeBank/APW19980213.1310.tml",
        "TimeBank/APW19980227.0468.tml",
        "TimeBank/APW19980306.1001.tml",
        "TimeBank/AP900815-0044.tml",
        "AQUAINT/APW19990206.0090.tml",
        "AQUAINT/NYT19980907.0112.tml",
        "AQUAINT/XIE19980808.0031.tml",
    ]
    paths = [base / n for n in names if (base / n).exists()]
    assert len(paths) >= 5
    scores = evaluate_timex(paths, find_times)
    assert scores.documents == len(paths) and not scores.skipped
    # measured: relaxed span F1 0.93, value F1 0.78 on these eight files
    assert scores.relaxed[2] >= 0.88
    assert scores.value_f1 >= 0.72
