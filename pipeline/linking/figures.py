"""Figures (PERCENT and COUNT entities) and their scopes: the stretch of a sentence that speaks of each.

"nearly one in five crimes (19.6%)" is one figure, the bracketed one standing for both;
a figure's scope runs from the previous figure's end to the next one's start, within its
sentence, so that a cue between two figures is weighed for the nearer one.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from pipeline.candidates import EntityRow

if TYPE_CHECKING:
    from pipeline.linking.document import LinkDoc, Sentence

Ent = EntityRow  # an entity as the resolver recorded it: token and character offsets, label, canonical id
Scope = tuple[int, int]  # tokens [start, end): the stretch of a sentence that speaks of one figure
_START = attrgetter("start")


class Figure(NamedTuple):
    """A PERCENT or COUNT; ``start``/``end`` cover a hedged figure and its precise form in brackets."""

    ent: Ent
    start: int
    end: int
    norm: dict[str, Any]  # the entity's normalised value


def find_figures(doc: LinkDoc, sent: Sentence) -> list[Figure]:
    """A sentence's figures in order; "nearly one in five (19.6%)" is one figure, the bracketed one."""
    percents, counts = sent.of("PERCENT"), sent.of("COUNT")
    ents = sorted(percents + counts, key=_START) if percents and counts else percents or counts
    text, n, norms = doc.text, doc.n, doc.norms
    new = tuple.__new__  # Figure(...) runs a Python-level __new__; this builds the same tuple in C
    out: list[Figure] = []
    i, last = 0, len(ents) - 1
    while i <= last:
        e = ents[i]
        nxt = ents[i + 1] if i < last else None
        if (nxt is not None and nxt.label == e.label and nxt.end < n and text[nxt.end] == ")"
                and text[nxt.start - 1] == "(" and _only_words_between(doc, e.end, nxt.start - 1)):
            out.append(new(Figure, (nxt, e.start, nxt.end + 1, norms.get(f"{nxt.start_char}:{nxt.end_char}", {}))))
            i += 2  # the bracketed figure stands for both
        else:
            out.append(new(Figure, (e, e.start, e.end, norms.get(f"{e.start_char}:{e.end_char}", {}))))
            i += 1
    return out


def _only_words_between(doc: LinkDoc, start: int, end: int, most: int = 3) -> bool:
    """At most ``most`` lower-case words from ``start`` to ``end``: "nine in 10 crimes (91.4%)" pairs its figures."""
    return end - start <= most and all(doc.is_lower_word(i) for i in range(start, end))


def scope_at(sent: Sentence, figs: list[Figure], i: int) -> Scope:
    """The scope of the ``i``-th figure: from the previous figure's end to the next one's start, within the sentence."""
    return (figs[i - 1].end if i else sent.start, figs[i + 1].start if i + 1 < len(figs) else sent.end)


def scope_of(sent: Sentence, figs: list[Figure], fig: Figure) -> Scope:
    """The scope of ``fig``, one of ``figs``."""
    return scope_at(sent, figs, figs.index(fig))


def scoped(sent: Sentence, figs: list[Figure]) -> Iterator[tuple[Figure, Scope]]:
    """Each figure with its scope, worked out once for all the checks made of it."""
    for i, fig in enumerate(figs):
        yield fig, scope_at(sent, figs, i)
