"""The HTML report builder, fast and without a model or a browser: escaping, one section per article,
findings with their evidence, per-force tables and charts with source links, conflicts, the command.

Records are written here by hand (two Kent articles that disagree on the 2017 recording rate, a
grade, an official, and an article with hostile text), loaded into a temporary knowledge base as
the command does, and the page is parsed back into a tree to be asked questions.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.html_report import (GRADE_COLOURS, LABEL_COLOURS, Knowledge, ReportInputError, build_report,
                                  facts_from_records, read_records)
from pipeline.kb import KnowledgeBase
from pipeline.schema import ENTITY_LABELS, GRADES

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
SVG_VOID = {"line", "circle", "rect", "polyline", "path"}  # self-closed in the report's SVG


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    content: list[Node | str] = field(default_factory=list)  # child elements and text, in document order

    @property
    def children(self) -> list[Node]:
        return [c for c in self.content if isinstance(c, Node)]

    @property
    def text(self) -> list[str]:
        return [c for c in self.content if isinstance(c, str)]

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag)
                and (cls is None or cls in n.attrs.get("class", "").split())]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]

    def all_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)

    def reading(self) -> str:
        """The text as read: displaCy's entity labels (a span inside each mark) left out."""
        if "entity" in self.attrs.get("class", "").split():
            return "".join(c for c in self.content if isinstance(c, str))
        return "".join(c if isinstance(c, str) else c.reading() for c in self.content)


class TreeBuilder(HTMLParser):
    """The page as a tree of Nodes (the report writes well-formed markup, so a stack is enough)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].content.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].content.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].content.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert len(builder.stack) == 1, f"unclosed: {[n.tag for n in builder.stack]}"
    return builder.root


def _record(ident: str, text: str, date: str | None, findings: list[tuple[str, dict[str, Any], str]],
            spans: list[tuple[str, str]], source: str | None = None) -> dict[str, Any]:
    """A record whose offsets are found in its text: findings as (type, fields, evidence sentence),
    spans as (label, text)."""
    out_spans: list[dict[str, Any]] = []
    for label, words in spans:
        start = text.index(words)
        out_spans.append({"start": start, "end": start + len(words), "label": label, "text": words})
    out_findings = []
    for ftype, fields, sentence in findings:
        start = text.index(sentence)
        inside = [[s["start"], s["end"], s["label"]] for s in out_spans
                  if start <= s["start"] and s["end"] <= start + len(sentence)]
        out_findings.append({"type": ftype, **fields, "evidence": {"start": start, "end": start + len(sentence)},
                             "entities": inside})
    return {"id": ident, "source": source or f"{ident}.txt", "date": date, "text": text,
            "spans": sorted(out_spans, key=lambda s: s["start"]), "findings": out_findings}


KENT_A = ("Kent Police recorded 80 per cent of crime in 2017, HMICFRS said.\n\n"
          "The force was rated good in 2018.")
KENT_B = "Kent Police recorded about 82 per cent of reported crime in 2017, according to the inspectorate."
HOSTILE = ("Surrey Police <script>document.title='pwned'</script> recorded 91 per cent of crime in 2019. "
           "<img src=x onerror=alert(1)> Chief Constable Jo Bloggs & \"friends\" said so.")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    rate = {"force": "kent", "crime_type": "all_crime", "qualifier": "exact", "year": 2017}
    return [
        _record("kent-a", KENT_A, "2018-03-01", [
            ("recording_rate", {**rate, "value": 80.0}, "Kent Police recorded 80 per cent of crime in 2017, HMICFRS said."),
            ("grade", {"force": "kent", "area": "crime_data_integrity", "grade": "good", "year": 2018},
             "The force was rated good in 2018."),
        ], [("FORCE", "Kent Police"), ("PERCENT", "80 per cent"), ("DATE", "2017"), ("INSPECTORATE", "HMICFRS"),
            ("GRADE", "good")]),
        _record("kent-b", KENT_B, "2018-04-01", [
            ("recording_rate", {**rate, "value": 82.0, "qualifier": "approx"}, KENT_B),
        ], [("FORCE", "Kent Police"), ("PERCENT", "about 82 per cent")]),
        _record("hostile<i>", HOSTILE, None, [
            ("recording_rate", {"force": "surrey", "crime_type": "all_crime", "value": 91.0, "qualifier": "exact",
                                "year": 2019}, "Surrey Police <script>document.title='pwned'</script> recorded 91 "
                                               "per cent of crime in 2019."),
            ("official", {"person": "Jo Bloggs", "role": "chief_constable", "organisation": "surrey"},
             "<img src=x onerror=alert(1)> Chief Constable Jo Bloggs & \"friends\" said so."),
        ], [("FORCE", "Surrey Police"), ("PERCENT", "91 per cent"), ("PERSON", "Jo Bloggs"),
            ("<b onmouseover=x>", "friends")], source="javascript:alert(1)"),
    ]


@pytest.fixture(scope="module")
def knowledge(records: list[dict[str, Any]]) -> Knowledge:
    return facts_from_records(records)


@pytest.fixture(scope="module")
def page(records: list[dict[str, Any]], knowledge: Knowledge) -> str:
    return build_report(records, knowledge, title="Kent <&> Surrey", inputs=["two<files>.jsonl"])


@pytest.fixture(scope="module")
def tree(page: str) -> Node:
    return parse(page)


def _fact(knowledge: Knowledge, ftype: str, force: str, year: int) -> Any:
    [fact] = [f for f in knowledge.facts if f.type == ftype and f.field("force") == force and f.year == year]
    return fact


# ------------------------------------------------------------------------------------------ escaping

def test_hostile_text_labels_sources_and_title_are_escaped(page: str, tree: Node) -> None:
    assert not tree.find_all("script") and not tree.find_all("img")
    assert "<script>" not in page and "<img " not in page and "<b onmouseover" not in page and "<i>" not in page
    # The text survives as text, in the article view and in the evidence quote.
    article = tree.by_id("article-3")
    reading = "".join(article.reading().split())  # displaCy pads entities with white space
    assert "<script>document.title='pwned'</script>" in reading
    assert 'ChiefConstableJoBloggs&"friends"saidso.' in reading
    # The hostile label is shown escaped, as text; the javascript: source is never a link.
    assert "<b onmouseover=x>" in article.all_text()
    assert all(not a.attrs.get("href", "").lower().startswith("javascript") for a in tree.find_all("a"))
    assert "javascript:alert(1)" in article.all_text()
    assert tree.find_all("title")[0].all_text() == "Kent <&> Surrey"


def test_the_page_is_self_contained(page: str, tree: Node) -> None:
    csp = [m for m in tree.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0].attrs["content"] and "script-src" not in csp[0].attrs["content"]
    assert not tree.find_all("link") and not tree.find_all("script") and not tree.find_all("iframe")
    assert not [n for n in tree.iter() if "src" in n.attrs]
    assert "url(" not in page and "@import" not in page


def test_every_in_page_link_has_a_target_and_ids_are_unique(tree: Node) -> None:
    ids = [n.attrs["id"] for n in tree.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    targets = {a.attrs["href"][1:] for a in tree.find_all("a") if a.attrs.get("href", "").startswith("#")}
    assert targets and targets <= set(ids)


# ------------------------------------------------------------------------------------------ articles

def test_one_section_per_article_in_order(records: list[dict[str, Any]], tree: Node) -> None:
    articles = tree.find_all("article", "article")
    assert [a.attrs["id"] for a in articles] == [f"article-{n}" for n in range(1, len(records) + 1)]
    for node, record in zip(articles, records):
        assert record["id"] in node.all_text()
        # displaCy's entity view: one mark per span, coloured by label.
        marks = node.find_all("div", "article-text")[0].find_all("mark", "entity")
        assert len(marks) == len(record["spans"])


def test_entity_marks_use_the_label_colours_and_the_legend_lists_every_label(tree: Node) -> None:
    assert set(LABEL_COLOURS) == set(ENTITY_LABELS) and set(GRADE_COLOURS) == set(GRADES)
    assert len(set(LABEL_COLOURS.values())) == len(LABEL_COLOURS)
    force_mark = next(m for m in tree.by_id("article-1").find_all("mark", "entity") if "FORCE" in m.all_text())
    assert f"background: {LABEL_COLOURS['FORCE']}" in force_mark.attrs["style"]
    legend = tree.find_all("div", "legend")[0].find_all("span", "label-chip")
    assert [chip.text[0].strip() for chip in legend[:len(ENTITY_LABELS)]] == list(ENTITY_LABELS)
    assert all(f"background:{LABEL_COLOURS[label]}" in chip.attrs["style"] for label, chip in zip(ENTITY_LABELS, legend))


def test_findings_are_listed_with_their_evidence_highlighted_and_linked(records: list[dict[str, Any]], tree: Node) -> None:
    for n, record in enumerate(records, start=1):
        items = tree.by_id(f"article-{n}").find_all("li", "finding")
        assert [i.attrs["id"] for i in items] == [f"article-{n}-finding-{k}" for k in range(1, len(record["findings"]) + 1)]
        for k, (item, finding) in enumerate(zip(items, record["findings"]), start=1):
            start, end = finding["evidence"]["start"], finding["evidence"]["end"]
            sentence = record["text"][start:end]
            quote = item.find_all("blockquote", "evidence-quote")[0]
            assert "".join(quote.reading().split()) == "".join(sentence.split())
            assert len(quote.find_all("mark", "entity")) == len(finding["entities"])
            # The fields as in the record, and a link to the sentence in the article view.
            fields = item.find_all("div", "fields")[0].all_text()
            assert all(name in fields for name in finding if name not in ("type", "evidence", "entities"))
            anchor = f"article-{n}-evidence-{start}-{end}"
            assert any(a.attrs.get("href") == f"#{anchor}" for a in item.find_all("a"))
            segment = tree.by_id(anchor)
            assert "evidence" in segment.attrs["class"].split()
            assert any(a.attrs.get("href") == f"#article-{n}-finding-{k}" for a in tree.find_all("a", "marker"))
    head = tree.by_id("article-1-finding-1").find_all("div", "finding-head")[0].all_text()
    assert "recording rate" in head and "Kent" in head and "2017" in head and "80.0%" in head


def test_text_outside_evidence_is_not_highlighted(records: list[dict[str, Any]], tree: Node) -> None:
    article = tree.by_id("article-1").find_all("div", "article-text")[0]
    plain = [s for s in article.children if s.attrs.get("class") == "segment"]
    highlighted = [s for s in article.children if "evidence" in s.attrs.get("class", "").split()]
    assert len(highlighted) == 2
    assert any("\n\n" in s.all_text() or s.find_all("br") for s in plain)  # the paragraph break between them


# ------------------------------------------------------------------------------------------ forces

def test_force_tables_hold_the_knowledge_base_facts_with_source_links(knowledge: Knowledge, tree: Node) -> None:
    kent = tree.by_id("force-kent")
    rows = kent.find_all("tr")[1:]
    kent_facts = [f for f in knowledge.facts if f.field("force") == "kent"]
    assert len(rows) == len(kent_facts) == 2
    grade = _fact(knowledge, "grade", "kent", 2018)
    row = tree.by_id(f"fact-{grade.fact_id}")
    cells = [" ".join(c.all_text().split()) for c in row.find_all("td")]
    assert cells[:4] == ["2018", "grade", "crime data integrity", "good"]
    assert [a.attrs["href"] for a in row.find_all("a", "source")] == ["#article-1-finding-2"]
    # The finding links back to its fact.
    assert any(a.attrs.get("href") == f"#fact-{grade.fact_id}" for a in tree.by_id("article-1-finding-2").find_all("a"))


def test_conflicts_are_shown_with_every_value_its_sources_and_the_reason(knowledge: Knowledge, tree: Node) -> None:
    fact = _fact(knowledge, "recording_rate", "kent", 2017)
    assert fact.conflict
    row = tree.by_id(f"fact-{fact.fact_id}")
    assert "conflict" in row.attrs["class"].split()
    text = " ".join(row.all_text().split())
    assert "sources disagree" in text and f"chosen by: {fact.reason}" in text
    groups = row.find_all("div", "value-sources")
    by_value = {g.find_all("span", "value")[0].all_text(): [a.attrs["href"] for a in g.find_all("a", "source")]
                for g in groups}
    assert by_value == {"80.0%": ["#article-1-finding-1"], "82.0%": ["#article-2-finding-1"]}
    assert fact.preferred_value == "80.0" and text.split("sources disagree")[0].strip().endswith("80.0%")
    # The chart rings the point, and the contents count the conflict.
    chart = tree.by_id("force-kent").find_all("svg", "chart")[0]
    assert chart.find_all("circle", "conflict-ring")
    assert "sources disagree" in tree.find_all("div", "cards")[0].all_text()


def test_rate_chart_plots_each_dated_rate_and_grade_linked_to_its_row(knowledge: Knowledge, page: str,
                                                                      tree: Node) -> None:
    chart = tree.by_id("force-kent").find_all("svg", "chart")[0]
    points = [a for a in chart.find_all("a") if a.find_all("circle")]
    grades = [a for a in chart.find_all("a") if a.find_all("rect", "grade")]
    rate = _fact(knowledge, "recording_rate", "kent", 2017)
    grade = _fact(knowledge, "grade", "kent", 2018)
    assert [p.attrs["href"] for p in points] == [f"#fact-{rate.fact_id}"]
    assert [g.attrs["href"] for g in grades] == [f"#fact-{grade.fact_id}"]
    assert grades[0].find_all("rect", "grade")[0].attrs["fill"] == GRADE_COLOURS["good"]
    years = [t.all_text() for t in chart.find_all("text") if "year" in t.attrs.get("class", "")]
    assert years == ["2017", "2018"]
    # Every chart is well-formed SVG on its own.
    for svg in re.findall(r"<svg .*?</svg>", page, re.S):
        ET.fromstring(svg)


def test_rates_higher_on_the_chart_are_higher_values() -> None:
    from pipeline.html_report import rate_chart

    rate = {"force": "kent", "crime_type": "all_crime", "qualifier": "exact"}
    records = [_record(f"k{year}", f"Kent recorded {value} per cent in {year}.", f"{year}-06-01",
                       [("recording_rate", {**rate, "value": value, "year": year}, f"Kent recorded {value} per cent in {year}.")],
                       []) for year, value in ((2014, 70.0), (2016, 95.0), (2015, 85.0))]
    facts = facts_from_records(records).facts
    svg = parse(rate_chart(facts, {f.fact_id: f"fact-{f.fact_id}" for f in facts}, "kent"))
    dots = [c for c in svg.find_all("circle") if "fill" in c.attrs]
    ys = [y for _, y in sorted((float(c.attrs["cx"]), float(c.attrs["cy"])) for c in dots)]  # 2014, 2015, 2016
    assert len(ys) == 3
    assert ys[2] < ys[1] < ys[0]  # 95 (2016) above 85 (2015) above 70 (2014): SVG y grows downwards
    assert len(svg.find_all("polyline")) == 1


def test_a_build_is_deterministic(records: list[dict[str, Any]], knowledge: Knowledge, page: str) -> None:
    assert build_report(records, knowledge, title="Kent <&> Surrey", inputs=["two<files>.jsonl"]) == page


# ------------------------------------------------------------------------------------------ inputs and command

runner = CliRunner()


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_read_records_takes_jsonl_gzip_and_shard_folders(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    plain = _write(tmp_path / "a.jsonl", records[:1])
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(records[1]) + "\n")
    shards = tmp_path / "batch"
    shards.mkdir()
    _write(shards / "shard-00000.jsonl", records[2:])
    (shards / "quarantine.jsonl").write_text('{"not": "a record"}\n', encoding="utf-8")
    got = read_records([plain, tmp_path / "b.jsonl.gz", shards])
    assert [r["id"] for r in got] == [r["id"] for r in records]


@pytest.mark.parametrize(("content", "message"), [
    ("{not json\n", "bad.jsonl:2: malformed JSON"),
    ("[1, 2]\n", "bad.jsonl:2: a record must be a JSON object"),
    ('{"id": "x"}\n', "bad.jsonl:2: the record has no 'text' string"),
    ('{"id": "x", "text": "t", "findings": {}}\n', "bad.jsonl:2: 'findings' must be a list"),
])
def test_bad_records_are_named_by_file_and_line(tmp_path: Path, records: list[dict[str, Any]], content: str,
                                                message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(records[0]) + "\n" + content, encoding="utf-8")
    with pytest.raises(ReportInputError, match=re.escape(message)):
        read_records([bad])
    result = runner.invoke(app, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(("name", "content"), [
    ("latin1.jsonl", '{"id": "x", "text": "caf\xe9"}\n'.encode("latin-1")),
    ("broken.jsonl.gz", gzip.compress(b'{"id": "x", "text": "t"}\n')[:-12] + b"\x00" * 12),
    ("plain.jsonl.gz", b'{"id": "x", "text": "t"}\n'),
])
def test_unreadable_files_are_named(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportInputError, match=f"{re.escape(name)}: not a UTF-8 JSONL file"):
        read_records([path])


def test_report_command_writes_the_page(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    source = _write(tmp_path / "recs.jsonl", records)
    out = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["report", str(source), "-o", str(out), "--title", "Mine"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 3 articles" in result.output and "1 where sources disagree" in result.output
    tree = parse(out.read_text(encoding="utf-8"))
    assert len(tree.find_all("article", "article")) == 3 and tree.find_all("title")[0].all_text() == "Mine"
    assert not list(out.parent.glob("*.tmp"))


def test_report_command_usage_mistakes_are_one_line_and_exit_2(tmp_path: Path) -> None:
    for args, message in ((["-o", "x.html"], "nothing to report"),
                          ([str(tmp_path / "nope.jsonl"), "-o", "x.html"], "nope.jsonl: no such file"),
                          (["--store", str(tmp_path / "no-kb"), "-o", "x.html"], "no knowledge base there"),
                          ([str(tmp_path), "-o", "x.html"], "no shard-*.jsonl files")):
        result = runner.invoke(app, ["report", *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output


def test_report_from_an_existing_store_links_sources_it_has_no_article_for(tmp_path: Path,
                                                                           records: list[dict[str, Any]]) -> None:
    store = tmp_path / "kb"
    with KnowledgeBase(store) as kb:
        kb.load_records([{**records[0], "source": "https://example.org/kent-a"}, records[1]])
    shown = _write(tmp_path / "only-b.jsonl", records[1:2])
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(shown), "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tree = parse(out.read_text(encoding="utf-8"))
    assert len(tree.find_all("article", "article")) == 1
    links = {a.all_text(): a.attrs["href"] for a in tree.by_id("force-kent").find_all("a", "source")}
    assert links == {"kent-a": "https://example.org/kent-a", "kent-b": "#article-1-finding-1"}
    assert "the knowledge base at" in tree.find_all("header")[0].all_text()
    assert "from 2 articles in the knowledge base" in tree.find_all("div", "cards")[0].all_text()
