"""Whatever the text, the pipeline never crashes and every span it emits is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.extract import doc_to_record
from pipeline.gold import validate_record

WORDS = st.sampled_from([
    "Kent", "Police", "Constabulary", "in", "the", "force", "recorded", "almost", "one", "in", "four", "per", "cent",
    "%", "74", "of", "81", "a", "third", "rated", "Good", "inadequate", "yesterday", "2017", "1", "March", "to",
    "31", "May", "HMICFRS", "Mr", "Parr", "said", "chief", "constable", "Zoe", "Billingham", "rape", "over",
    "4,100", "crimes", "a", "year", "–", "(", ")", "\n\n", "’s", "'s", "between", "and", "Thames", "Valley",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, date=st.sampled_from([None, "2017-09-07", "2001-01-01"]))
@example(text="0 OF ONE RECORD", date=None)  # found by hypothesis: an audit sample with no force in view
def test_never_crashes_and_offsets_are_valid(nlp: Language, text: str, date: str | None) -> None:
    doc = nlp.make_doc(text)
    doc._.article_date = date
    doc._.doc_id = "x"
    record = doc_to_record(nlp(doc))
    validate_record(record)  # offsets in range, text[start:end] == span text, no overlaps, known labels
    for span in record["spans"]:
        assert span["text"].strip() == span["text"] and span["text"]
        if span["label"] in ("PERCENT", "COUNT"):
            assert isinstance(span["value"], (int, float))
