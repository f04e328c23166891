"""``storyfold dupes`` and the dedup fields of ``storyfold export articles``, driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyfold.cli import app

from conftest import SEED_A, SEED_B, SEEDS

runner = CliRunner()


def test_dupes_and_export_show_lines_and_copies(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    copy = tmp_path / "copy" / "wire-copy.txt"  # GENERATED: seed A, retitled, its last paragraphs cut
    copy.parent.mkdir()
    paras = SEED_A.read_text(encoding="utf-8").split("\n\n")
    copy.write_text("\n\n".join(["Putin asked for help by Armenia", *paras[4:-6]]), encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--db", db, str(SEEDS), str(copy)]).exit_code == 0

    result = runner.invoke(app, ["dupes", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (line,) = data["lines"]
    assert {a["id"] for a in line["articles"]} == {SEED_A.name, SEED_B.name, "wire-copy.txt"}
    assert line["wire"] == "AFP" and line["origin"] == SEED_B.name
    by_id = {a["id"]: a for a in line["articles"]}
    assert by_id["wire-copy.txt"]["duplicate_of"] == SEED_A.name
    assert by_id["wire-copy.txt"]["link"]["kind"] == "contained"
    assert by_id[SEED_B.name]["link"]["kind"] == "shared" and by_id[SEED_B.name]["duplicate_of"] is None
    assert data["duplicate_groups"] == [{"original": SEED_A.name, "copies": ["wire-copy.txt"]}]

    text = runner.invoke(app, ["dupes", "--db", db]).output
    assert "1 reporting lines" in text and "contained of " + SEED_A.name in text

    rows = [json.loads(x) for x in runner.invoke(app, ["export", "articles", "--db", db]).output.splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert by_id["wire-copy.txt"]["duplicate_of"] == SEED_A.name
    assert by_id[SEED_A.name]["duplicate_of"] is None and by_id[SEED_B.name]["duplicate_of"] is None
    assert len({r["line"] for r in rows}) == 1
    assert len({r["story"] for r in rows}) == 1


def test_dupes_expire_needs_one_bound(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", "--db", db, str(SEED_B)])
    assert runner.invoke(app, ["dupes-expire", "--db", db]).exit_code != 0
    result = runner.invoke(app, ["dupes-expire", "--db", db, "--before", "2020-11-01"])
    assert result.exit_code == 0 and "expired 1 " in result.output
