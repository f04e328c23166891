"""The command line, as a user drives it: ingest, stories, show, compare, export."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyfold.cli import app

from conftest import DEMO, SEED_A, SEED_B, SEEDS

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_end_to_end_on_seeds_and_demo(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, out = _run("ingest", "--db", db, "--json", str(DEMO), str(SEEDS))
    assert code == 0, out
    assert json.loads(out) == {
        "ingested": 164,
        "already_present": 0,
        "skipped": [],
        "new_stories": json.loads(out)["new_stories"],
        "non_articles": [],
    }

    code, out = _run("stories", "--db", db, "--json")
    stories = json.loads(out)
    seed_story = next(s for s in stories if SEED_A.name in s["articles"])
    assert sorted(seed_story["articles"]) == [SEED_A.name, SEED_B.name]
    assert [s["size"] for s in stories] == sorted((s["size"] for s in stories), reverse=True)

    code, out = _run("show", seed_story["id"], "--db", db, "--json")
    view = json.loads(out)
    assert code == 0
    shared = " ".join(m["text"] for g in view["shared"] for m in g["sentences"])
    assert "military base in Armenia" in shared
    assert any("Carey Cavanaugh" in s["text"] for s in view["adds"][SEED_A.name])
    assert view["adds"][SEED_B.name] == []
    # seed B carries nothing seed A lacks; what it omits is what A adds
    assert view["omits"][SEED_A.name] == []
    assert any("Carey Cavanaugh" in g["text"] for g in view["omits"][SEED_B.name])
    quote = next(g for g in view["shared"] if "kind and amount of aid" in g["text"])
    assert quote["kind"] == "near" and quote["source"] == SEED_B.name  # the dated seed is the earliest
    changes = next(m["changes"] for m in quote["sentences"] if m["article"] == SEED_A.name)
    assert {c["b"] for c in changes} >= {"foreign", "in Yerevan"}
    assert any(c["text"].startswith('"The prime minister') for c in view["changed"][SEED_A.name])

    # the claims summary: the shared toll is stated by both seeds but is one reporting line; nothing conflicts
    toll = next(c for c in view["claims"]["claims"] if c["subject"] == "killed" and c["low"] == 1200)
    assert (toll["articles"], toll["independent_lines"], toll["high"]) == (2, 1, None)
    assert view["claims"]["conflicts"] == []

    code, out = _run("show", seed_story["id"], "--db", db)
    assert "Shared by two or more articles" in out and "Only in" in out
    assert "[2/2, near]" in out and "omits" in out and "changes:" in out
    assert "Claims" in out and "more than 1,200 killed" in out and "Timeline" in out

    code, out = _run("export", "articles", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 164
    assert {"id", "story", "source", "published", "title"} <= rows[0].keys()
    by_id = {r["id"]: r for r in rows}
    assert by_id[SEED_B.name]["published"] == "2020-10-31"
    assert by_id[SEED_A.name]["story"] == by_id[SEED_B.name]["story"] == seed_story["id"]
    assert by_id["1_10ecbplus"]["source"] == "articles.latimes.com"

    code, out = _run("ingest", "--db", db, str(SEEDS))
    assert code == 0 and "already present 2" in out


def test_compare_json_has_shared_and_per_article_keys() -> None:
    code, out = _run("compare", str(SEED_A), str(SEED_B), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"shared", "a", "b"} <= data.keys()
    assert data["a"]["id"] == SEED_A.name and data["b"]["id"] == SEED_B.name
    assert any("defence treaty" in p["a"]["text"] and "defense treaty" in p["b"]["text"] for p in data["shared"])
    assert data["b"]["adds"] == []
    assert [d["kind"] for d in data["b"]["debris"]] == ["caption", "caption", "stamp"]
    assert any("Hakob Badalyan" in s["text"] for s in data["a"]["adds"])


def test_compare_text_output_marks_changed_words() -> None:
    code, out = _run("compare", str(SEED_A), str(SEED_B))
    assert code == 0
    assert "Shared (" in out and "changes:" in out and "caption:" in out


def test_skipped_inputs_are_listed_and_set_the_exit_status(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "good", "text": "A fire broke out at the depot."}\n{oops\n')
    result = runner.invoke(app, ["ingest", "--db", db, str(bad), str(tmp_path / "missing.txt")])
    assert result.exit_code == 3
    assert f"skipped {bad}:2" in result.output and "not valid JSON" in result.output
    assert "missing.txt: no such file" in result.output
    assert "ingested 1" in result.output


def test_unknown_story_is_a_clear_error(tmp_path: Path) -> None:
    code, out = _run("show", "s000", "--db", str(tmp_path / "s.db"))
    assert code == 1 and "no such story" in out


def test_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(SEED_A)], env={"STORYFOLD_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_every_command_is_documented() -> None:
    import typer.main

    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert cmd.help, f"{name} has no help text"
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            assert sub.help, f"{name} {sub_name} has no help text"
            names.append(f"{name} {sub_name}")
            cmd_params = sub.params
            for param in cmd_params:
                if param.param_type_name == "option":
                    assert param.help, f"{name} {sub_name} {param.opts} has no help text"
        if not getattr(cmd, "commands", None):
            names.append(name)
        for param in cmd.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help text"
    assert {"ingest", "stories", "show", "compare", "export articles"} <= set(names)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for name in names:
        assert f"storyfold {name}" in readme, f"README does not document `storyfold {name}`"


def test_commit_batch_size_changes_nothing_but_speed(tmp_path: Path) -> None:
    """One article per transaction or 200 (the default): the same stories, ids and members."""
    got = []
    for every in ("1", "200"):
        db = str(tmp_path / f"s{every}.db")
        code, out = _run("ingest", "--db", db, "--skip-facts", "--commit-every", every, str(DEMO), str(SEEDS))
        assert code == 0, out
        code, out = _run("stories", "--db", db, "--json")
        got.append(sorted((s["id"], sorted(s["articles"])) for s in json.loads(out)))
    assert got[0] == got[1] and len(got[0]) > 10
    code, out = _run("ingest", "--db", str(tmp_path / "x.db"), "--commit-every", "0", str(SEED_A))
    assert code == 2 and "commit-every" in out
