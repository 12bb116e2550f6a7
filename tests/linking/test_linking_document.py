"""``document.py`` and ``figures.py``: the document as rules see it (sentences, entities by label, norms)
and its figures ("nearly one in five crimes (19.6%)" is one) with their scopes."""

from __future__ import annotations

from pipeline.linking.figures import scope_at, scoped

from .builders import build, make_doc, num, pct, record, link, tok, year

KENT = ("Kent Police", "FORCE", "kent")


def test_sentences_come_from_the_records_with_their_entities_by_label() -> None:
    doc = build("Kent Police records 91.6 per cent of crimes. It was rated good.",
                ents=[KENT, ("91.6 per cent", "PERCENT", pct(91.6)), ("good", "GRADE", "good")], date="2017-05-01")
    first, second = doc.sentences
    assert (first.index, first.start, first.end, second.start, second.end) == (0, 0, 9, 9, 14)
    assert [e.kb_id for e in first.of("FORCE")] == ["kent"] and first.of("GRADE") == []
    assert [e.kb_id for e in second.of("GRADE")] == ["good"]
    assert doc.with_label["PERCENT"] == [first] and doc.with_label["GRADE"] == [second] and "DATE" not in doc.with_label
    assert second.focus_before == "kent" and first.forces == [[0, 2, "kent"]]
    assert doc.article_year == 2017
    assert doc.norm(first.of("PERCENT")[0]) == pct(91.6)
    assert doc.norm(first.of("FORCE")[0]) == {"id": "kent"}


def test_words_and_spans_read_as_the_text_spells_them() -> None:
    doc = build("Kent Police records 91.6 per cent.", ents=[KENT])
    assert doc.lower[:3] == ["kent", "police", "records"] and doc.text[0] == "Kent" and doc.n == 7
    assert doc.span_text(3, 6) == "91.6 per cent"
    assert doc.is_lower_word(2) and not doc.is_lower_word(0) and not doc.is_lower_word(3)


def test_no_article_date_gives_no_article_year() -> None:
    assert build("Kent Police was inspected.", ents=[KENT]).article_year is None


def test_a_link_to_another_story_states_nothing() -> None:
    text = "Kent Police was inspected.\nRead more: Essex Police fails to record 7,600 crimes"
    doc = build(text, ents=[KENT, ("Essex Police", "FORCE", "essex"), ("7,600", "COUNT", num(7600))])
    assert doc.sentences[-1].debris
    assert "COUNT" not in doc.with_label and doc.sentences[-1].of("FORCE") == [] and doc.sentences[-1].figures == []


def test_entities_fall_in_hand_written_sentences() -> None:
    text = "Kent Police recorded 90 per cent. Essex Police recorded 80 per cent."
    ents = [KENT, ("90 per cent", "PERCENT", pct(90.0)), ("Essex Police", "FORCE", "essex"), ("80 per cent", "PERCENT", pct(80.0))]
    d = make_doc(text, ents, sentences=lambda _: None)
    d._.sentences = [record(d, 0, 7, forces=[[0, 2, "kent"]]), record(d, 7, 14, forces=[[7, 9, "essex"]], focus_before="kent")]
    doc = link(d)
    assert [[f.norm["value"] for f in s.figures] for s in doc.sentences] == [[90.0], [80.0]]
    assert doc.with_label["FORCE"] == doc.sentences


def test_a_hedged_figure_and_its_precise_form_in_brackets_are_one_figure() -> None:
    text = "Kent fails to record nearly one in five crimes (19.6%) of all."
    doc = build(text, ents=[("nearly one in five", "PERCENT", pct(20.0, "less_than", "ratio")), ("19.6%", "PERCENT", pct(19.6))])
    (fig,) = doc.sentences[0].figures
    assert fig.norm == pct(19.6) and doc.span_text(fig.ent.start, fig.ent.end) == "19.6%"
    assert (fig.start, fig.end) == (tok(doc, "nearly"), tok(doc, ")") + 1)


def test_figures_with_more_than_words_between_them_stay_two() -> None:
    text = "It recorded 80 per cent of Kent Police crimes (19.6%) in all."  # a capitalised word between
    doc = build(text, ents=[("80 per cent", "PERCENT", pct(80.0)), KENT, ("19.6%", "PERCENT", pct(19.6))])
    assert [f.norm["value"] for f in doc.sentences[0].figures] == [80.0, 19.6]
    text = "It recorded 80 per cent, with 1,900 crimes (19.6%) unrecorded."  # a COUNT and a PERCENT
    doc = build(text, ents=[("80 per cent", "PERCENT", pct(80.0)), ("1,900", "COUNT", num(1900)), ("19.6%", "PERCENT", pct(19.6))])
    assert [f.ent.label for f in doc.sentences[0].figures] == ["PERCENT", "COUNT", "PERCENT"]


def test_a_figures_scope_runs_from_the_figure_before_to_the_figure_after() -> None:
    text = "Kent recorded 90 per cent and 85 per cent and 80 per cent in 2016."
    doc = build(text, ents=[("90 per cent", "PERCENT", pct(90.0)), ("85 per cent", "PERCENT", pct(85.0)),
                            ("80 per cent", "PERCENT", pct(80.0)), ("2016", "DATE", year(2016))])
    sent = doc.sentences[0]
    figs = sent.figures
    assert [scope_at(sent, figs, i) for i in range(3)] == [(0, figs[1].start), (figs[0].end, figs[2].start), (figs[1].end, sent.end)]
    assert [s for _, s in scoped(sent, figs)] == [scope_at(sent, figs, i) for i in range(3)]
