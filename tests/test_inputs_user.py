"""Reading inputs as a new user meets them: ids that keep two ``story.txt`` apart, dates from a
sidecar, the text's marker or ``--date``, standard input, files that are not inputs, and record
files that are not JSONL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pipeline.batch.inputs import Found, ignored_files, iter_inputs, read_inputs, unsupported_file
from pipeline.io import (Article, InputProblem, RecordFileError, load_records, parse_day, read_sidecar, read_stdin,
                         read_txt)

KENT = "Kent Police recorded 90% of crimes, HMICFRS said.\n"
ESSEX = "Essex Police recorded 80% of crimes, HMICFRS said.\n"


def _articles(items: list[Article | InputProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _problems(items: list[Article | InputProblem]) -> list[InputProblem]:
    return [i for i in items if isinstance(i, InputProblem)]


@pytest.fixture()
def two_stories(tmp_path: Path) -> Path:
    """``in/a/story.txt`` and ``in/b/story.txt``: the same name, two different articles."""
    for sub, text in (("a", KENT), ("b", ESSEX)):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "story.txt").write_text(text, encoding="utf-8")
    return tmp_path / "in"


# ---------------------------------------------------------------- ids


def test_same_name_in_two_folders_gives_two_ids_from_the_folder_argument(two_stories: Path) -> None:
    items = list(read_inputs([two_stories]))
    assert not _problems(items)
    assert [(a.id, a.source, a.text) for a in _articles(items)] == [
        ("a/story", "a/story.txt", KENT), ("b/story", "b/story.txt", ESSEX)]


def test_a_glob_names_ids_below_its_fixed_part(two_stories: Path) -> None:
    ids = [a.id for a in _articles(list(read_inputs([str(two_stories / "**" / "*.txt")])))]
    assert ids == ["a/story", "b/story"]


def test_a_file_directly_in_the_folder_keeps_its_bare_name(tmp_path: Path) -> None:
    """So the ids of a folder of articles (``make run`` gives corpus/articles/SPLIT) do not change."""
    (tmp_path / "001_kent.txt").write_text(KENT, encoding="utf-8")
    [article] = _articles(list(read_inputs([tmp_path])))
    assert (article.id, article.source) == ("001_kent", "001_kent.txt")


def test_two_files_named_on_their_own_with_one_name_are_a_duplicate_that_says_what_to_do(two_stories: Path) -> None:
    items = list(read_inputs([two_stories / "a" / "story.txt", two_stories / "b" / "story.txt"]))
    assert [a.id for a in _articles(items)] == ["story"]
    [problem] = _problems(items)
    assert problem.code == "duplicate_id" and problem.source.endswith("b/story.txt")
    assert "give the folder that holds both" in problem.reason and ".meta.json" in problem.reason


def test_jsonl_ids_stay_as_given_and_missing_ones_follow_the_file_path(tmp_path: Path) -> None:
    (tmp_path / "feeds" / "x").mkdir(parents=True)
    lines = [json.dumps({"id": "given-1", "text": KENT}), json.dumps({"text": ESSEX})]
    (tmp_path / "feeds" / "x" / "day.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = _articles(list(read_inputs([tmp_path / "feeds"])))
    assert [(a.id, a.source) for a in articles] == [("given-1", "x/day.jsonl"), ("x/day-2", "x/day.jsonl")]


def test_found_relative_paths() -> None:
    assert Found(Path("in/a/story.txt"), Path("in")).doc_id() == "a/story"
    assert Found(Path("in/a/feed.jsonl.gz"), Path("in")).doc_id() == "a/feed"
    assert Found(Path("elsewhere/story.txt")).doc_id() == "story"
    assert Found(Path("x.txt"), Path(".")).relative() == "x.txt"


# ---------------------------------------------------------------- dates and sidecars


def test_sidecar_sets_date_source_and_id(two_stories: Path) -> None:
    meta = {"date": "2017-09-07", "source": "Kent Messenger", "id": "kent-2017"}
    (two_stories / "a" / "story.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    articles = _articles(list(read_inputs([two_stories])))
    assert (articles[0].id, articles[0].date, articles[0].source) == ("kent-2017", "2017-09-07", "Kent Messenger")
    assert (articles[1].id, articles[1].date) == ("b/story", None)
    assert not list(ignored_files([two_stories]))  # a sidecar is no unsupported file


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "malformed JSON"),
    ('{"dat": "2017-09-07"}', "unknown key 'dat' (known: id, date, source)"),
    ('{"date": "07/09/2017"}', "bad 'date'"),
    ('{"date": "2017-02-30"}', "not a real day"),
    ('["2017-09-07"]', "must be a JSON object"),
    ('{"id": ""}', "'id' must be a non-empty string"),
])
def test_a_bad_sidecar_quarantines_its_article_saying_why(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "story.txt").write_text(KENT, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(content, encoding="utf-8")
    problem = read_txt(tmp_path / "story.txt")
    assert isinstance(problem, InputProblem) and problem.code == "bad_sidecar"
    assert reason in problem.reason and problem.source.endswith("story.meta.json")


def test_date_precedence_sidecar_then_marker_then_default(tmp_path: Path) -> None:
    (tmp_path / "marked.txt").write_text(" date 2016-03-01 " + KENT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(KENT, encoding="utf-8")
    (tmp_path / "side.txt").write_text(" date 2016-03-01 " + KENT, encoding="utf-8")
    (tmp_path / "side.meta.json").write_text('{"date": "2015-01-02"}', encoding="utf-8")
    lines = [json.dumps({"id": "dated", "text": KENT, "date": "2014-11-18"}), json.dumps({"id": "undated", "text": KENT})]
    (tmp_path / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dates = {a.id: a.date for a in _articles(list(read_inputs([tmp_path], default_date="2020-06-30")))}
    assert dates == {"marked": "2016-03-01", "plain": "2020-06-30", "side": "2015-01-02",
                     "dated": "2014-11-18", "undated": "2020-06-30"}
    assert read_sidecar(tmp_path / "plain.txt") == {}


@pytest.mark.parametrize("value", ["07/09/2017", "20170907", "2017-9-7", "2017-02-30", "yesterday", ""])
def test_parse_day_takes_only_a_real_yyyy_mm_dd(value: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day(value)


def test_parse_day_accepts_the_form() -> None:
    assert parse_day("2017-09-07") == "2017-09-07"


# ---------------------------------------------------------------- standard input


def test_stdin_plain_text_is_one_article() -> None:
    stream = io.BytesIO(("\n" + KENT).encode("utf-8"))
    [article] = list(read_stdin(default_date="2018-01-01", stream=stream))
    assert isinstance(article, Article)
    assert (article.id, article.source, article.text, article.date) == ("stdin", "stdin", "\n" + KENT, "2018-01-01")


def test_stdin_jsonl_is_read_line_by_line_after_blank_lines() -> None:
    lines = ["", json.dumps({"id": "k", "text": KENT}), "{bad", json.dumps({"text": ESSEX, "date": "2019-04-01"})]
    items = list(read_stdin(stream=io.BytesIO("\n".join(lines).encode("utf-8"))))
    assert [(a.id, a.line, a.date) for a in _articles(items)] == [("k", 2, None), ("stdin-4", 4, "2019-04-01")]
    [problem] = _problems(items)
    assert problem.describe().startswith("stdin:3: malformed JSON")


@pytest.mark.parametrize(("data", "code"), [(b"", "empty"), (b"  \n\n", "empty"), (b"caf\xe9", "not_utf8"),
                                            (b"x" * 50, "too_long")])
def test_stdin_bad_text_is_a_problem(data: bytes, code: str) -> None:
    [problem] = list(read_stdin(max_chars=10, stream=io.BytesIO(data)))
    assert isinstance(problem, InputProblem) and problem.code == code


# ---------------------------------------------------------------- files that are not inputs


def test_unsupported_files_are_listed_not_read(two_stories: Path) -> None:
    (two_stories / "table.csv").write_text("id,text\n1,Kent Police\n", encoding="utf-8")
    (two_stories / "a" / "report.pdf").write_bytes(b"%PDF-1.4")
    (two_stories / "orphan.meta.json").write_text("{}", encoding="utf-8")  # no orphan.txt: not a sidecar
    assert [a.id for a in _articles(list(read_inputs([two_stories])))] == ["a/story", "b/story"]
    assert sorted(p.name for p in ignored_files([two_stories])) == ["orphan.meta.json", "report.pdf", "table.csv"]
    # a glob: the matched folder a/ gives its files too, in walk order
    assert [p.name for p in ignored_files([str(two_stories / "*")])] == ["report.pdf", "orphan.meta.json", "table.csv"]


def test_a_named_unsupported_file_is_a_problem_never_text(tmp_path: Path) -> None:
    csv = tmp_path / "table.csv"
    csv.write_text("id,text\n1,Kent Police\n", encoding="utf-8")
    assert unsupported_file(csv) and not unsupported_file("-") and not unsupported_file(tmp_path)
    [problem] = list(iter_inputs([csv], seen=set()))
    assert isinstance(problem, InputProblem) and problem.code == "unsupported"


# ---------------------------------------------------------------- record files


@pytest.mark.parametrize(("content", "message"), [
    (b'{"id": "a"}\n{oops\n', "x.jsonl:2: not valid JSON"),
    (b'{"id": "a"}\n[1, 2]\n', "x.jsonl:2: a JSON object is required"),
    (b"\x89PNG\r\n\x1a\n\xff", "x.jsonl:1: not valid UTF-8"),
])
def test_load_records_names_the_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(RecordFileError, match=message):
        load_records(path)


def test_load_records_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(RecordFileError, match="no such file"):
        load_records(tmp_path / "nope.jsonl")
    with pytest.raises(RecordFileError, match="is a folder"):
        load_records(tmp_path)
