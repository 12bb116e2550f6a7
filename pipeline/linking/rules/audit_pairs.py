"""How the numbers of an audit pair up: the readings of one sentence's counts as a sample's recorded part and total.

Real coverage states an audit in many ways (SCHEMA §5 "Audits"; ANNOTATION.md, Audits):
- what should have been recorded, then what was: "171 needed to be recorded as crimes, yet only 137
  were" -> 137 of 171; the larger number of incidents or logs examined is never the total, and
  without the recorded number there is no sample;
- through the failures: "Of the 310 violent crimes checked, 47 had not been recorded" -> 263 of 310,
  "9 of 87 audited rape reports had been misclassified or not recorded" -> 78 of 87;
- the whole or none of a sample: "checked 14 rape reports and found every one had been recorded" ->
  14 of 14, "None of the eight rape reports sampled had been recorded" -> 0 of 8.

Each reading names the counts it accounts for, so that no other reading (nor an unrecorded count)
is taken from them.
"""

from __future__ import annotations

from typing import NamedTuple

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.findings import Finding
from pipeline.linking.figure_tests import about_other_things
from pipeline.linking.figures import Figure, scope_of
from pipeline.linking.resolvers.polarity import polarity

CUE_READS = CueReads(
    before=("sub_part_before", "audit_before_total", "sample_total_intro", "all_before_count", "none_before_count",
            "recorded_before_count", "should_before_count", "negative_record_just_before", "all_but"),
    after=("sub_part", "count_negated", "negative_record_after_count", "recorded_after_count", "recorded_after_all",
           "should_after_count", "whole_after_total", "none_after_total", "non_crime_sample", "negative_record_just_after",
           "audit_after_total", "per_year", "per_shorter_period"),
    anywhere=("audit", "timeliness_in_clause", "clause_boundaries", "negative_record", "positive_record", "wrong_type_in_clause",
              "crimes_described"),
    words=("crime_nouns", "sample_relatives", "manner_comparatives", "subject_pronouns", "auxiliaries", "bullets",
           "recording_verbs", "remedial_adverbs", "back_pronouns", "negation_words"),
    phrases=("sample_joins", "elliptical_recorded", "elliptical_unrecorded"),
)


_LIST_MOST = 12  # lines of a list read back to the heading that says what its pairs are
_SIBLING_SAMPLES = 4  # the latest samples looked through for the bullet line before
_FAILURE_REACH = 12  # tokens after a count in which 'under the wrong type or not recorded' says two failures
_RELATIVES = frozenset({"that", "which"})  # a relative clause after a count ("21 that the force had failed to record")
_RELATIVE_REACH = 9  # tokens of such a clause read for its verb
# A set of at most this many reports, named definitely and said recorded in full, not at all or through its
# failures, is a sample though no audit word says so ('We found that 9 out of 64 reports ... had not been
# recorded'); a larger one is a share of the force's crimes ('4,000 of the 50,000 crimes reported').
_UNANNOUNCED_MOST = 1000
_THINGS_AFTER = 5  # tokens after a sample's total in which its crime type or crime noun says what was counted
_DEFINITE_JOINS = frozenset({("out", "of"), ("out", "of", "the"), ("of", "the"), ("of", "those"), ("of", "these"),
                             ("out", "of", "those"), ("out", "of", "these")})
_WHOLE_REACH = 16  # tokens after 'all N' in which an elliptical 'had been.' says the whole sample was recorded


class Reading(NamedTuple):
    """A sample read from a sentence: its recorded number, the count that says it (None for 'all', 'none'),
    the total, the count whose crime type is the sample's, and every count the reading accounts for."""

    recorded: int
    rec: Figure | None
    total: Figure
    typed: Figure
    claimed: tuple[Figure, ...]


def joined(doc: LinkDoc, a: Figure, b: Figure) -> bool:
    """'74 of 81', '41 out of the 44': ``a`` a part of ``b``."""
    return doc.words_between(a.end, b.start) in doc.phrases["sample_joins"]


def value(fig: Figure) -> float:
    return fig.norm.get("value", 0)


def not_crimes(doc: LinkDoc, total: Figure) -> bool:
    """'Of 260 incidents examined', 'an audit of 203 call logs': most of what was examined was no crime."""
    return doc.cues.after("non_crime_sample", total.end) is not None


def says_recorded(doc: LinkDoc, r: Figure, recorded_after: str = "recorded_after_count", part: bool = False) -> bool:
    """'354 were recorded', '185 of these had been recorded', '89 were recorded but 7 were not', 'had only recorded
    260', 'put only 141 on record'; elliptically ('only 89 were.') where the count is a part (``part``) of what a
    cue points back to or of what should have been. Not '380 directly recorded crimes', where 'recorded'
    describes the crimes, nor '116 were not recorded'."""
    cues, lower = doc.cues, doc.lower
    said = cues.after(recorded_after, r.end)
    if said is not None and ("." in lower[r.end : said[0]] or (said[1] < doc.n and lower[said[1]] in doc.words["crime_nouns"])):
        said = None
    negation = _negation_after(doc, r)
    if negation is not None and (said is None or negation <= said[0]):
        return False
    if said is not None and _negated_between(doc, r.end, said[0]):
        return False  # "they found 22 that the force had not recorded"
    if said is not None:
        return True
    if part and elliptical(doc, r):
        return True
    all_but = cues.before("all_but", r.start)
    start = all_but[0] if all_but is not None else r.start  # "the force logged all but 11"
    before = cues.before("recorded_before_count", start)
    # not "57 crimes that had not been recorded, 23 of which were assaults": a clause that ended before the count
    return before is not None and "," not in doc.lower[before[1] : start] and not _negated_between(doc, max(0, before[0] - 3), before[0])


def says_unrecorded(doc: LinkDoc, f: Figure) -> bool:
    """'47 had not been recorded', '11 were never recorded', 'Of the 30 unrecorded rape reports', 'had failed to
    record 6', '8 were either recorded as the wrong offence or never recorded'; not '89 were recorded but 7 were
    not', where the recording is said first."""
    cues = doc.cues
    if cues.before("negative_record_just_before", f.start) is not None:
        return True
    end, lower = f.end, doc.lower
    if end + 2 < doc.n and lower[end] == "of" and lower[end + 1] in doc.words["back_pronouns"]:
        end += 2  # "15 of them had been left off the books": the words after "of them" say it
    neg = cues.after("negative_record_after_count", end)
    if neg is None and end < doc.n and lower[end] in _RELATIVES:
        # "found 21 that the force had failed to record": the relative clause's own verb, however far in it
        stop = min(end + _RELATIVE_REACH, doc.n)
        stop = next((i for i in range(end, stop) if lower[i] in (",", ".", ";", "and", "but")), stop)
        inside = cues.within("negative_record", end, stop)
        neg = inside[0] if inside else None
    pos = cues.after("recorded_after_count", end)
    if neg is None and pos is not None and _negated_between(doc, end, pos[0]):
        return True  # "they found 22 that the force had not recorded": a negation in the count's relative clause
    if neg is None:
        # "8 were either recorded as the wrong offence or never recorded", "10 had been misclassified or not recorded
        # at all": the not recording said further on, after the wrong type
        stop = min(f.end + _FAILURE_REACH, doc.n)
        stop = next((i for i in range(f.end, stop) if doc.lower[i] in (".", ";")), stop)
        return misrecorded_or_not(doc, f.end, stop)
    return pos is None or pos[0] >= neg[0] or misrecorded_or_not(doc, f.end, neg[1])


def _negated_between(doc: LinkDoc, start: int, end: int) -> bool:
    """A negation between a count and the 'recorded' after it, in one clause ('22 that the force had not recorded')."""
    words = doc.lower[start:end]
    negations = doc.words["negation_words"]
    return "." not in words and any(w in negations for w in words)


def misrecorded_or_not(doc: LinkDoc, start: int, bound: int) -> bool:
    """'had either been recorded under the wrong crime type or not recorded at all', 'misclassified or not
    recorded': failures of two kinds, together the part of a sample that was not recorded correctly (ANNOTATION.md,
    Audits: failures given instead of successes); the wrong type alone is an audit of classification."""
    cues = doc.cues
    wrong = cues.within("wrong_type_in_clause", start, bound)
    return bool(wrong) and bool(cues.within("negative_record", wrong[0][0], bound))


def _negation_after(doc: LinkDoc, r: Figure) -> int | None:
    """Where a negation or a cue of not recording starts, soon after a count; None if none does."""
    cues = doc.cues
    starts = [m[0] for m in (cues.after("count_negated", r.end), cues.after("negative_record_after_count", r.end)) if m]
    return min(starts) if starts else None


def elliptical(doc: LinkDoc, r: Figure) -> bool:
    """'only 137 were.', 'only 198 had been.', 'just 208 did.', 'only 33 of those had been.': the verb of recording
    left out."""
    lower, end = doc.lower, r.end
    if end + 2 < doc.n and lower[end] == "of" and lower[end + 1] in doc.words["back_pronouns"]:
        end += 2  # "of those", "of them"
    return _elliptical_at(doc, end)


def elliptical_after(doc: LinkDoc, r: Figure, skip: int = 0, negated: bool = False) -> bool:
    """An elliptical 'recorded' ``skip`` tokens after the count ('All but 17 of them had been.'), or with
    ``negated`` an elliptical 'not recorded' ('Nine of them had not been.')."""
    return _elliptical_at(doc, r.end + skip, "elliptical_unrecorded" if negated else "elliptical_recorded")


def elliptical_after_index(doc: LinkDoc, i: int) -> bool:
    """An elliptical 'recorded' at token ``i`` or after 'of them' there ('every one of them had been.')."""
    return _elliptical_at(doc, i) or (doc.lower[i : i + 2] == ["of", "them"] and _elliptical_at(doc, i + 2))


def elliptical_unrecorded_in(doc: LinkDoc, start: int, end: int) -> bool:
    """An elliptical 'not recorded' ('had not been.', 'were not.') within tokens [start, end): 'Just one of the 43 rape
    reports they examined had not been.'"""
    return any(_elliptical_at(doc, i, "elliptical_unrecorded") for i in range(start, end))


def _elliptical_at(doc: LinkDoc, i: int, name: str = "elliptical_recorded") -> bool:
    """An elliptical 'recorded' at token ``i``; the end of a line or of the text closes it as a full stop does
    ("• Rape – 40 of the 41 that should have been recorded had been⏎")."""
    phrases = doc.phrases[name]
    for size in (2, 3, 4):
        words = tuple(doc.lower[i : i + size])
        if words in phrases:
            return True
        if len(words) == size - 1 or (len(words) == size and not words[-1].strip() and "\n" in words[-1]):
            if words[: size - 1] + (".",) in phrases:
                return True
    return False


def _tail_says(doc: LinkDoc, start: int, bound: int) -> str | None:
    """What the rest of a clause says after '... that should have been recorded': 'had been.', 'were recorded'
    ("pos"), 'were not' ("neg"), or nothing."""
    cues = doc.cues
    if cues.within("negative_record", start, bound):
        return "neg"
    if any(_elliptical_at(doc, i) for i in range(start, bound)):
        return "pos"
    said = cues.after("recorded_after_count", start + 1, bound)
    return "pos" if said is not None else None


def audited_before(doc: LinkDoc, c: Figure) -> bool:
    """'audited 81 rape reports', 'a dip sample of 64': an audit word just before the count, in its clause
    (not 'Of the 96 rape reports examined, 89 were recorded', where the audit word ends the clause before)."""
    found = doc.cues.before("audit_before_total", c.start)
    return found is not None and not doc.cues.within("clause_boundaries", found[1], c.start)


def is_sample(doc: LinkDoc, counts: list[Figure], t: Figure) -> bool:
    """The count is of what an audit examined: an audit word just before it ('sampled 120 reports', 'a dip sample
    of 64') or soon after it, before the next count ('Of the 310 violent crimes checked', '87 audited rape
    reports', 'Of the 45 sexual offences in the sample'); not 'Of the 50,000 crimes reported, 7,000 were not
    recorded', a share of all the force's crimes."""
    cues = doc.cues
    if audited_before(doc, t):
        return True
    later = [c.start for c in counts if c.start >= t.end]
    return cues.after("audit_after_total", t.end, later[0] if later else None) is not None


def sample_total(doc: LinkDoc, counts: list[Figure], r: Figure, taken: set[int]) -> Figure | None:
    """The sample's total for the part ``r`` (recorded or not): the count before it that it is a part of
    ("of these, 354 were recorded", "42 of them were not recorded", "Of the 310 violent crimes checked, 47
    ..."), not one another reading took, not one of incidents or logs."""
    cues = doc.cues
    earlier = [c for c in counts if c.end <= r.start]
    if not earlier:
        return _examined_after(doc, counts, r, taken)
    if cues.before("sub_part_before", r.start) is not None or cues.after("sub_part", r.end) is not None:
        found: Figure | None = earlier[-1] if value(earlier[-1]) >= value(r) else None
    else:
        found = next((c for c in reversed(earlier) if value(c) >= value(r)
                      and (cues.before("sample_total_intro", c.start) is not None
                           or audited_before(doc, c) or is_sample(doc, counts, c))), None)
    if found is None or found.start in taken or not_crimes(doc, found) or about_other_things(doc, found):
        return None  # not of incidents or logs, nor of people ("a population of around 1.8 million people")
    return found


def _examined_after(doc: LinkDoc, counts: list[Figure], r: Figure, taken: set[int]) -> Figure | None:
    """'Auditors found 14 stalking offences that had gone unrecorded out of 60 checked', '... out of the 45 they
    examined', '17 crimes missing from a sample of 95': the total after the part, 'out of' a count named as examined
    or 'a sample of' one, in the part's clause."""
    cues = doc.cues
    for c in counts:
        if c.start < r.end or c.start in taken or value(c) < value(r):
            continue
        before = doc.words_between(max(r.end, c.start - 3), c.start)
        # "... 17 crimes missing from a sample of 95": a sample named as one needs no audit word after it
        of_sample = before[-2:] == ("sample", "of")
        if ((before[-2:] == ("out", "of") or before[-3:] == ("out", "of", "the") or of_sample)
                and not cues.within("clause_boundaries", r.end, c.start)
                and (of_sample or cues.after("audit_after_total", c.end) is not None) and not not_crimes(doc, c)):
            return c
        return None
    return None


def _compares_manner(doc: LinkDoc, at: int) -> bool:
    """'as they should have been', 'as it should have been', 'as should have been': the modal compares the manner
    of a recording with what it ought to have been, not a count with what should have been recorded."""
    lower, manner = doc.lower, doc.words["manner_comparatives"]
    if at >= 1 and lower[at - 1] in manner:
        return True
    return at >= 2 and lower[at - 2] in manner and lower[at - 1] in doc.words["subject_pronouns"]


def should_have_been(doc: LinkDoc, sent: Sentence, counts: list[Figure]) -> tuple[tuple[Figure, ...], Reading | None, Figure] | None:
    """'171 needed to be recorded as crimes, yet only 137 were', 'just five ended up recorded although 23 should
    have been', 'recorded 172 of the 205 that were crimes': None when no count is said to be of crimes that
    should have been recorded; else the counts that belong to the audit (what should have been, what was, the
    incidents or logs examined), the sample, if the sentence says how many were recorded ("Of 150 incident
    records examined, 22 should have been recorded": none), and the count of what should have been."""
    cues = doc.cues
    if not (cues.any_in_doc("should_after_count") or cues.any_in_doc("should_before_count")
            or cues.any_in_doc("crimes_described")):
        return None  # no count anywhere is said to be of what should have been recorded
    should: Figure | None = None
    examined: Figure | None = None
    reading: Reading | None = None
    for i, c in enumerate(counts):
        nxt = counts[i + 1] if i + 1 < len(counts) else None
        after, bound = c, (nxt.start if nxt is not None else sent.end)
        if nxt is not None and joined(doc, c, nxt):
            if says_recorded(doc, c):
                continue  # "recorded 172 of the 205 that were crimes": the part is what was recorded
            after = nxt  # "58 of the 75 incidents they checked were crimes": the part is what should have been
            bound = counts[i + 2].start if i + 2 < len(counts) else sent.end
        said = cues.after("should_after_count", after.end, bound) or _typed_crimes_said(doc, sent, after, bound)
        if said is not None and _compares_manner(doc, said[0]):
            said = None  # "Eight had not been recorded as they should have been": how, not how many
        if said is not None and after is not c and doc.lower[said[0] - 1] in doc.words["sample_relatives"]:
            # "88 of the 102 crimes that should have been recorded had been" (or "... were not"): the relative
            # clause says what the larger count is; what follows it says what the part was.
            should = after
            tail = _tail_says(doc, said[1], bound)
            if tail is not None:
                recorded = value(c) if tail == "pos" else value(should) - value(c)
                reading = Reading(int(recorded), c, should, should, (c, should))
            break
        if said is not None or cues.before("should_before_count", c.start) is not None:
            should, examined = c, (after if after is not c else None)
            break
    if should is None:
        return None
    if reading is not None:
        return reading.claimed, reading, should
    candidates = [c for c in counts if c is not should and c is not examined and value(c) <= value(should)
                  and says_recorded(doc, c, part=True)]
    # The recorded part is said after what should have been, or before it ("five ended up recorded ... although 23").
    rec = next((c for c in candidates if c.start > should.start), None) or (candidates[-1] if candidates else None)
    # The larger numbers examined ("An audit of 203 call logs", "Among 72 referrals") are the audit's too.
    # (not a total whose own recorded part follows it before what should have been: "Of 60 reports ... they examined, 57
    # had been recorded correctly, and they sampled 66 incidents ..., finding 30 should have been ...")
    parts_before = [c.start for c in counts if c.end <= should.start and c is not rec and says_recorded(doc, c)]
    looked_at = tuple(c for c in counts if c is not should and c is not examined and c is not rec and value(c) >= value(should)
                      and (not_crimes(doc, c) or is_sample(doc, counts, c) or cues.before("sample_total_intro", c.start))
                      and not any(c.start <= p for p in parts_before))
    claimed = (should,) + ((examined,) if examined is not None else ()) + looked_at
    if rec is None:
        # "of the 176 domestic abuse crimes in the sample that should have been recorded, 36 were not": the rest was
        failed = next((c for c in counts if c.start > should.end and c is not examined and c not in looked_at
                       and value(c) <= value(should) and (says_unrecorded(doc, c) or elliptical_after(doc, c, negated=True))), None)
        if failed is not None:
            claimed += (failed,)
            return claimed, Reading(int(value(should) - value(failed)), failed, should,
                                    examined if examined is not None else should, claimed), should
        # "They found 42 that should have been recorded as crimes but had not been", after "Inspectors examined
        # 420 incident records": part of an audit, no count of the force; not so outside an audit ("fails to
        # record 9,200 crimes a year, of which 3,000 should have been recorded as violent crimes"). The sentence
        # before counts only if it states what was examined: "Kent Police was inspected." is no audit of a sample.
        previous = doc.sentences[sent.index - 1] if sent.index else None
        audit = (looked_at or examined is not None or cues.within("audit", sent.start, sent.end)
                 or (previous is not None and any(f.ent.label == "COUNT" for f in previous.figures)
                     and cues.within("audit", previous.start, previous.end)))
        return (claimed if audit else ()), None, should
    typed = examined if examined is not None else next((c for c in reversed(looked_at) if c.end <= should.start), should)
    return claimed + (rec,), Reading(int(value(rec)), rec, should, typed, claimed + (rec,)), should


def _typed_crimes_said(doc: LinkDoc, sent: Sentence, c: Figure, bound: int) -> tuple[int, int] | None:
    """'In our view, 16 of them described modern slavery crimes': a count (and its 'of them') said to describe,
    contain or disclose crimes of a type ('described' + a crime type + 'crimes'), so what should have been recorded;
    where the verb and the type's crime noun stand, else None."""
    lower, i = doc.lower, c.end
    if i + 2 < bound and lower[i] == "of" and lower[i + 1] in doc.words["back_pronouns"]:
        i += 2
    if i >= bound or not doc.cues.within("crimes_described", i, i + 1):
        return None
    ent = next((e for e in sent.of("CRIME_TYPE") if e.start == i + 1 and e.end <= bound), None)
    if ent is None:
        return None
    nouns = doc.words["crime_nouns"]
    if lower[ent.end - 1] in nouns:
        return i, ent.end
    return (i, ent.end + 1) if ent.end < bound and lower[ent.end] in nouns else None


def through_failures(doc: LinkDoc, sent: Sentence, counts: list[Figure], taken: set[int]) -> list[Reading]:
    """'9 of 87 audited rape reports had been misclassified or not recorded' (78 of 87); 'Of the 310 violent
    crimes checked, 47 had not been recorded' (263 of 310): the rest of the sample was recorded. The counts
    after the failures that are no larger are their breakdown ('this included 30 assaults')."""
    cues = doc.cues
    found: list[Reading] = []
    for i, f in enumerate(counts):
        if f.start in taken:
            continue
        total: Figure | None = None
        nxt = counts[i + 1] if i + 1 < len(counts) else None
        if nxt is not None and nxt.start not in taken and joined(doc, f, nxt):
            # "9 of 87 audited rape reports had been misclassified or not recorded", "In the audit, 7 of 81 crimes ...",
            # "failed to record 47 of the 310 violent crimes checked"
            scope = scope_of(sent, counts, nxt)
            said = (cues.before("negative_record_just_before", f.start) is not None
                    or polarity(doc, sent, nxt, scope, local_only=True) == "neg" or misrecorded_or_not(doc, nxt.end, scope[1]))
            if said and not not_crimes(doc, nxt) and (is_sample(doc, counts, nxt) or _audit_opens(doc, sent, counts, f)
                                                     or under_sample_heading(doc, sent)):
                total = nxt
        elif says_unrecorded(doc, f) or (_examined_after(doc, counts, f, taken) is not None
                                         and polarity(doc, sent, f, scope_of(sent, counts, f), local_only=True) == "neg"):
            # "... found 14 stalking offences that had gone unrecorded out of 60 checked": the total after the part
            total = sample_total(doc, counts, f, taken)
            if total is not None and not (is_sample(doc, counts, total) or cues.after("sub_part", f.end) is not None):
                total = None  # "Of the 50,000 crimes reported, 7,000 were not recorded": no sample
            if total is not None:
                failed = cues.after("negative_record_just_after", total.end, f.start)
                if failed is not None and failed[1] < f.start:
                    total = None  # "Of the six rapes that went unrecorded, two were ...": a breakdown of failures
        if total is None or value(f) > value(total) or about_other_things(doc, total):
            continue
        if cues.within("timeliness_in_clause", max(f.end, total.end), scope_of(sent, counts, total if total.start > f.start else f)[1]):
            continue  # "Three of the 19 rape reports ... had not been recorded as crimes within 72 hours": timeliness
        parts = tuple(c for c in counts if c.start > f.start and c is not total and value(c) <= value(f))
        reading = Reading(int(value(total) - value(f)), f, total, total, (f, total) + parts)
        taken.update(c.start for c in reading.claimed)
        found.append(reading)
    return found


def another_sample(doc: LinkDoc, sent: Sentence, counts: list[Figure], taken: set[int]) -> list[Reading]:
    """After a sample read in the same sentence, in a clause of its own, a set of crimes introduced as a total
    ('among 19 reports of sexual offences', 'of the 12 rapes') and a part of it said recorded or not ('three had
    not been recorded at all'): another sample of the same audit, though no audit word is beside it."""
    found: list[Reading] = []
    for t, f in zip(counts, counts[1:]):
        if (t.start in taken or f.start in taken or doc.cues.before("sample_total_intro", t.start) is None
                or value(f) > value(t) or value(t) > _UNANNOUNCED_MOST or not counts_crimes(doc, sent, t) or not_crimes(doc, t)):
            continue
        if says_unrecorded(doc, f) or elliptical_after(doc, f, negated=True):
            recorded = int(value(t) - value(f))
        elif says_recorded(doc, f) or elliptical(doc, f):
            recorded = int(value(f))
        else:
            continue
        taken.update((t.start, f.start))
        found.append(Reading(recorded, f, t, t, (t, f)))
    return found


def whole_or_none(doc: LinkDoc, sent: Sentence, counts: list[Figure], taken: set[int]) -> list[Reading]:
    """'all 12 ... in the sample had been recorded', 'None of the eight rape reports sampled had been recorded';
    'checked 14 rape reports and found every one had been recorded', '... and found none had been recorded';
    elliptically after a recording said earlier in the sentence ('14 had been correctly recorded, and all 21
    reports of rape in the sample had been.')."""
    cues = doc.cues
    found: list[Reading] = []
    for i, t in enumerate(counts):
        if t.start in taken or not_crimes(doc, t) or about_other_things(doc, t):
            continue
        recorded: int | None = None
        if cues.before("all_before_count", t.start) is not None and _whole_said(doc, sent, t):
            recorded = int(value(t))
        elif cues.before("none_before_count", t.start) is not None and _none_missed(doc, sent, t):
            recorded = int(value(t))  # "none of the 58 rapes examined had been missed"
        elif cues.before("none_before_count", t.start) is not None and _whole_said(doc, sent, t):
            recorded = 0
        elif audited_before(doc, t) or cues.before("sample_total_intro", t.start) is not None or is_sample(doc, counts, t):
            # "... found 61 hate crimes in the incidents they checked; every one had been recorded": examined, said after
            bound = counts[i + 1].start if i + 1 < len(counts) else None
            for cue, whole in (("whole_after_total", int(value(t))), ("none_after_total", 0)):
                said = cues.after(cue, t.end, bound)
                if said is not None and recorded_after(doc, said[1]):
                    recorded = whole
                    break
        if recorded is not None:
            taken.add(t.start)
            found.append(Reading(recorded, None, t, t, (t,)))
    return found


def unannounced(doc: LinkDoc, sent: Sentence, counts: list[Figure], taken: set[int]) -> list[Reading]:
    """'We found that 9 out of 64 reports of domestic abuse had not been recorded' (55 of 64), 'None of the six
    rape reports passed to the force by hospitals had been recorded' (0 of 6), in a sentence with no audit word: a
    small, definite set of crimes said recorded in full, not at all, or through its failures is what the
    inspectors examined (SCHEMA §5). Not 'some 120 of the 800 crimes reported each month', a share of a rate,
    nor 'none of the 43 forces', which counts no crimes."""
    found: list[Reading] = []
    cues = doc.cues
    for i, t in enumerate(counts):
        if t.start in taken or value(t) > _UNANNOUNCED_MOST:
            continue
        part = counts[i - 1] if i > 0 else None
        paired = part is not None and part.start not in taken and doc.words_between(part.end, t.start) in _DEFINITE_JOINS
        if not paired and cues.before("all_before_count", t.start) is None and cues.before("none_before_count", t.start) is None:
            continue  # neither "9 out of 64" nor "all 12", "none of the six": the cheapest tests first
        if not (counts_crimes(doc, sent, t) or _named_again(doc, sent, counts, t)) or not_crimes(doc, t) or about_other_things(doc, t) \
                or cues.after("per_year", t.end, sent.end) is not None or cues.after("per_shorter_period", t.end, sent.end) is not None:
            continue
        if paired:
            scope = scope_of(sent, counts, t)
            if value(part) <= value(t) and (polarity(doc, sent, t, scope, local_only=True) == "neg"
                                            or misrecorded_or_not(doc, t.end, scope[1])):
                found.append(Reading(int(value(t) - value(part)), part, t, t, (part, t)))
                taken.update((part.start, t.start))
            continue
        if cues.before("all_before_count", t.start) is not None and _whole_said(doc, sent, t):
            recorded = int(value(t))
        elif cues.before("none_before_count", t.start) is not None and _none_missed(doc, sent, t):
            recorded = int(value(t))  # "none of the 58 rapes examined had been missed"
        elif cues.before("none_before_count", t.start) is not None and _whole_said(doc, sent, t):
            recorded = 0
        else:
            continue
        taken.add(t.start)
        found.append(Reading(recorded, None, t, t, (t,)))
    return found


def _named_again(doc: LinkDoc, sent: Sentence, counts: list[Figure], t: Figure) -> bool:
    """'Violent crime made up 31 of the 89 crimes ...: eight of those 31 had not been recorded': the count is named
    again ('those', 'these') after an earlier mention in its sentence that counts crimes, or that a crime type before
    it names ('Sexual offences made up 14 of the 60, and three of these 14 ...')."""
    if doc.word_before(t.start) not in ("those", "these"):
        return False
    return any(c.end <= t.start and value(c) == value(t)
               and (counts_crimes(doc, sent, c) or any(e.end <= c.start for e in sent.of("CRIME_TYPE"))) for c in counts)


def counts_crimes(doc: LinkDoc, sent: Sentence, t: Figure) -> bool:
    """A crime type or a plain crime noun soon after the count ('64 reports of domestic abuse', 'six rape
    reports'): it counts crimes, not forces or officers."""
    stop = min(t.end + _THINGS_AFTER, sent.end)
    if any(t.end <= e.start < stop for e in sent.of("CRIME_TYPE")):
        return True
    nouns = doc.words["crime_nouns"]
    return any(doc.lower[i] in nouns for i in range(t.end, stop))


def listed_under_audit(doc: LinkDoc, sent: Sentence) -> bool:
    """'Northumbria Police – 92 of 104', 'Violence against the person offences – 276 of 318': a line of a list of
    forces or crime types and their pairs under a heading that names an audit sample ('(crimes in the audit sample
    that should have been recorded, and how many were)') or says what was recorded ('Crimes that should have been
    recorded, and how many the force recorded:'): the pairs are samples though the line says neither."""
    if not _list_line(doc, sent):
        return False
    cues = doc.cues
    for back in range(sent.index - 1, max(-1, sent.index - _LIST_MOST - 1), -1):
        prev = doc.sentences[back]
        if not _list_line(doc, prev):
            return bool(cues.within("audit", prev.start, prev.end)) or _says_recorded_heading(doc, prev)
    return False


def after_audited_bullet(doc: LinkDoc, sent: Sentence, samples: list[tuple[int, Finding]]) -> bool:
    """'• 121 of 140 violent crimes;' after '• 47 of 50 rape reports were recorded correctly;': a line of a list
    (a crime type or force and its pair, nothing else) right after a bullet line of the same list that was an audit
    sample goes on with that line's verb, as a list under a heading goes on with the heading's."""
    if not sent.index or not _list_line(doc, sent):
        return False
    before = doc.sentences[sent.index - 1]
    if doc.last_word(before) not in doc.words["bullets"]:
        return False  # the line before does not end with the bullet mark that opens this one
    return any(index == before.index for index, _ in samples[-_SIBLING_SAMPLES:])


def _says_recorded_heading(doc: LinkDoc, sent: Sentence) -> bool:
    """A line that opens a list by saying what was recorded ('Of the crimes that should have been recorded, the
    constabulary recorded:'): it ends in a colon (the bullet mark the sentencizer leaves after it skipped)."""
    cues, verbs = doc.cues, doc.words["recording_verbs"]
    return (doc.last_word(sent, doc.words["bullets"]) == ":" and bool(cues.within("positive_record", sent.start, sent.end))
            and any(doc.lower[i] in verbs for i in range(sent.start, sent.end))
            and not cues.within("negative_record", sent.start, sent.end))


def bullet_heading(doc: LinkDoc, sent: Sentence) -> Sentence | None:
    """The line that opens the bulleted list this line is on ('• all 11 reports of modern slavery.' under 'Of the
    crimes that should have been recorded, the constabulary recorded:'): the nearest line before that ends in a
    colon, with only bullet lines between; None when this is no bullet line under such a heading."""
    bullets = doc.words["bullets"]
    for back in range(sent.index - 1, max(-1, sent.index - _LIST_MOST - 1), -1):
        prev = doc.sentences[back]
        if doc.last_word(prev) not in bullets:
            return None  # the line before does not end with the bullet mark that opens this one
        if doc.last_word(prev, bullets) == ":":
            return prev
    return None


def under_sample_heading(doc: LinkDoc, sent: Sentence) -> bool:
    """A bullet line under a heading that names an audit or says what was recorded: the heading's verb is the
    line's ('In our audit, the force recorded:' then '• 38 of 47 stalking and harassment crimes;')."""
    heading = bullet_heading(doc, sent)
    if heading is None:
        return False
    cues = doc.cues
    if cues.within("audit", heading.start, heading.end) or _says_recorded_heading(doc, heading):
        return True
    # "Inspectors examined crime reports made to the force between ... . The report's findings included:": the
    # sentence before the heading, on its line, tells of the audit
    before = doc.sentences[heading.index - 1] if heading.index else None
    return (before is not None and "\n" not in doc.lower[before.end - 1] and "\n" not in doc.text[heading.start - 1]
            and bool(cues.within("audit", before.start, before.end)))


def _list_line(doc: LinkDoc, sent: Sentence) -> bool:
    """A line of a list: a force or crime type and its figures, with nothing but punctuation between them (and
    the 'of' that joins a pair, and a bracketed qualification: 'Sexual offences (excluding rape) – 149 of 160')."""
    labels = sent.forces or [(e.start, e.end, None) for e in sent.of("CRIME_TYPE")]
    if not labels or len(sent.figures) < 2:
        return False
    covered: set[int] = set()
    for start, end, _ in labels:
        covered.update(range(start, end))
    figures = sent.figures
    for i, f in enumerate(figures):
        covered.update(range(f.start, f.end))
        if i + 1 < len(figures) and joined(doc, f, figures[i + 1]):
            covered.update(range(f.end, figures[i + 1].start))
    lower, bracketed = doc.lower, False
    for i in range(sent.start, sent.end):
        word = lower[i]
        bracketed = (bracketed or word == "(") and word != ")"
        if not (bracketed or i in covered or not any(ch.isalnum() for ch in word)):
            return False
    return True


def _none_missed(doc: LinkDoc, sent: Sentence, t: Figure) -> bool:
    """After 'none of' and a count, its clause says not recording ('none of the 58 rapes examined had been missed',
    'not one of the 20 had gone unrecorded'): the whole sample was recorded."""
    stop = next((i for i in range(t.end, min(t.end + _WHOLE_REACH, sent.end)) if doc.lower[i] in (".", ";", ",")),
                min(t.end + _WHOLE_REACH, sent.end))
    return bool(doc.cues.within("negative_record", t.end, stop))


def _whole_said(doc: LinkDoc, sent: Sentence, t: Figure) -> bool:
    """After 'all' or 'none of' and a count, 'recorded' ('all 12 ... had been recorded'), or an elliptical 'had
    been.' ('were.') when the sentence has said recording before the count; a full stop ends the look."""
    said = doc.cues.after("recorded_after_all", t.end)
    if said is not None and any(w in doc.words["remedial_adverbs"] for w in doc.lower[max(t.end, said[0] - 3) : said[0]]):
        return False  # "All 44 of the crimes found unrecorded ... have since been recorded": a correction
    if says_recorded(doc, t, "recorded_after_all") or under_sample_heading(doc, sent):
        return True
    lower, auxiliaries = doc.lower, doc.words["auxiliaries"]
    if not doc.cues.within("positive_record", sent.start, t.start):
        # "Of 40 rape reports, 31 had been recorded. All 12 modern slavery crimes, by contrast, had been.": the
        # recording said in the sentence before, in the same paragraph, and the verb left out of this one
        return _recording_just_before(doc, sent) and any(
            _elliptical_at(doc, i) for i in range(t.end, min(t.end + _WHOLE_REACH, sent.end)))
    for i in range(t.end, min(t.end + _WHOLE_REACH, sent.end)):
        if _elliptical_at(doc, i):
            return True
        if lower[i] in auxiliaries:
            return False  # a verb of its own ("and all 14 rape reports were checked"): not the recording's object
        if lower[i] in (".", ";"):
            break
    # "The force had recorded all but seven of the 120 crimes, and every one of the 14 rape reports inspectors
    # checked": the whole set is the object of the recording said before it
    return True


def _recording_just_before(doc: LinkDoc, sent: Sentence) -> bool:
    """The sentence before, in the same paragraph (a line break apart at most), says a recording or a failure to
    record: what an elliptical 'had been.' after it leaves out ('Eleven of them had never been recorded. All 12
    modern slavery crimes in the sample, by contrast, had been.')."""
    if not sent.index:
        return False
    before = doc.sentences[sent.index - 1]
    cues = doc.cues
    return (sum(doc.text[i].count("\n") for i in range(before.end - 1, sent.start)) < 2
            and bool(cues.within("positive_record", before.start, before.end)
                     or cues.within("negative_record", before.start, before.end)))


def _audit_opens(doc: LinkDoc, sent: Sentence, counts: list[Figure], f: Figure) -> bool:
    """An audit word before the count with no count between ('In the audit, 7 of 81 crimes ... went unrecorded')."""
    earlier = [c.end for c in counts if c.end <= f.start]
    return bool(doc.cues.within("audit", earlier[-1] if earlier else sent.start, f.start))


def recorded_after(doc: LinkDoc, i: int) -> bool:
    """'Recorded' soon after token ``i`` (the end of 'every one', 'none'), and no 'not' between."""
    cues = doc.cues
    said = cues.after("recorded_after_count", i)
    return said is not None and cues.after("count_negated", i) is None and "." not in doc.lower[i : said[0]]
