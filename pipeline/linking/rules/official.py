"""Officials: a named person with a title of office in a force, a force's area or the inspectorate
('Zoe Billingham, HM Inspector of Constabulary'; 'Police and Crime Commissioner for Bedfordshire
Kathryn Holloway'; 'Roger Hirst, who oversees the force as police, fire and crime commissioner')."""

from __future__ import annotations

from typing import Iterator

from pipeline.linking.cues import CueReads
from pipeline.linking.document import LinkDoc, Sentence
from pipeline.linking.figures import Ent
from pipeline.linking.findings import Finding, make_finding
from pipeline.linking.lexicon import Lexicon
from pipeline.linking.resolvers.force import force_for, place_before
from pipeline.linking.rules.base import LinkRule
from pipeline.linking.state import SharedState

_TITLE_TO_NAME_MOST = 3  # tokens (honorifics, punctuation) between a title and the name after it
_FOR_PLACE_MOST = 5  # "Commissioner for Bedfordshire Kathryn Holloway": tokens from the title to the name
_FOR_PLACES_MOST = 10  # "Commissioner for Hampshire and the Isle of Wight, Claire Lavington"
_NAME_TO_TITLE_MOST = 9  # "Roger Hirst, who oversees the force as ... commissioner": tokens from the name to the title
_PLACE_BEFORE_NAME = 4  # tokens before the name in which the place after "for" ends
_PLACE_BEFORE_TITLE = 8  # tokens before a commissioner's title in which their place ends ("Norfolk PCC")
_ADJACENT = 3  # tokens between a force and the title or name it is next to


class OfficialRule(LinkRule):
    """A PERSON next to a ROLE in one sentence, with the organisation the role is of."""

    finding_type = "official"
    cue_reads = CueReads(words=("official_between", "title_punctuation", "place_joiners"),
                         phrases=("non_police_offices",), tables=("london_roles",),
                         ids=("inspectorate_roles", "commissioner_roles"))

    def __init__(self, lexicon: Lexicon) -> None:
        # What may stand between a title and the name after it: the honorifics of titles.json and a little punctuation.
        self.titles = lexicon.honorifics | lexicon.cues.words["title_punctuation"]

    def find(self, doc: LinkDoc, state: SharedState) -> Iterator[Finding]:
        if "ROLE" not in doc.with_label or "PERSON" not in doc.with_label:
            return
        found = []
        full_names: dict[str, str] | None = None
        for sent in doc.with_label["ROLE"]:
            people = sent.of("PERSON")
            if not people:
                continue
            for role in sent.of("ROLE"):
                person = self._person_for(doc, role, people)
                if person is None:
                    continue
                organisation = self._organisation(doc, sent, role, person)
                if organisation is None:
                    continue
                name = doc.span_text(person.start, person.end)
                # "Supt Banks added": the person introduced earlier as "Superintendent Jo Banks".
                if full_names is None:
                    full_names = _full_names(doc)
                name = full_names.get(name, name)
                found.append(make_finding("official", sent, [person, role], person=name, role=role.kb_id, organisation=organisation))
        # "Commissioner Okonkwo said": a bare title for someone whose office the text has named.
        specific = {f["person"] for f in found if f["role"] != "other"}
        yield from (f for f in found if f["role"] != "other" or f["person"] not in specific)

    def _person_for(self, doc: LinkDoc, role: Ent, people: list[Ent]) -> Ent | None:
        """The person a title names: right after it, after "for" and a place, or before it in an appositive."""
        text, between_words, joiners = doc.text, doc.words["official_between"], doc.words["place_joiners"]
        for person in people:
            between = text[role.end : person.start]
            if person.start >= role.end and len(between) <= _TITLE_TO_NAME_MOST and all(t in self.titles for t in between):
                return person
            if (person.start >= role.end and between[:1] == ["for"] and len(between) <= _FOR_PLACE_MOST
                    and place_before(doc, person.start, _PLACE_BEFORE_NAME)):
                return person  # "Police and Crime Commissioner for Bedfordshire Kathryn Holloway"
            if (person.start >= role.end and between[:1] == ["for"] and between[-1:] == [","] and len(between) <= _FOR_PLACES_MOST
                    and all(t[:1].isupper() or t in joiners for t in between[1:])):
                return person  # "The Police and Crime Commissioner for Hampshire and the Isle of Wight, Claire Lavington"
            gap = text[person.end : role.start]
            if role.start >= person.end and (gap[:1] == [","] or (gap and "\n" in gap[0])) and len(gap) <= _NAME_TO_TITLE_MOST and all(
                    t.lower() in between_words or t[:1].isupper() or "\n" in t for t in gap):
                return person
        return None

    @staticmethod
    def _organisation(doc: LinkDoc, sent: Sentence, role: Ent, person: Ent) -> str | None:
        """The inspectorate for its roles; a commissioner's place; a force next to the title or name; else
        the force resolved for the title's position. None for offices outside policing."""
        lower, ids, london = doc.lower, doc.ids, doc.tables["london_roles"]
        if role.kb_id in ids["inspectorate_roles"]:
            return "hmicfrs"
        if role.kb_id == "other" and tuple(lower[role.start : role.end]) in doc.phrases["non_police_offices"]:
            return None
        if role.kb_id in ids["commissioner_roles"] or role.kb_id in london:
            place = place_before(doc, role.start, _PLACE_BEFORE_TITLE)
            if place is None and lower[role.end : role.end + 1] == ["for"]:
                place_ids = doc.places.ids
                place = place_ids.get(tuple(lower[role.end + 1 : role.end + 3])) or place_ids.get(tuple(lower[role.end + 1 : role.end + 2]))
            if place is not None:
                return place
        # A force named right before the title or after the appositive ("Leicestershire Ch Con", "of Kent Police").
        first = min(role.start, person.start)
        last = max(role.end, person.end)
        adjacent = [f for f in sent.forces if first - _ADJACENT <= f[1] <= first or last <= f[0] <= last + _ADJACENT]
        if adjacent:
            return adjacent[0][2]
        force = force_for(doc, sent, first)
        return force if force is not None else london.get(role.kb_id)


def _full_names(doc: LinkDoc) -> dict[str, str]:
    """The full name each surname, or each first name that begins only one, stands for."""
    full_names: dict[str, str] = {}
    begun_by: dict[str, str | None] = {}  # the full name each first name begins; None if it begins several
    for sent in doc.with_label["PERSON"]:
        for person in sent.of("PERSON"):
            name = doc.span_text(person.start, person.end)
            if " " in name:
                full_names.setdefault(doc.text[person.end - 1], name)
                first = doc.text[person.start]
                if begun_by.setdefault(first, name) != name:
                    begun_by[first] = None
    # "As your deputy PCC, Tom also chairs": a first name alone stands for the one full name it begins.
    for first, begun in begun_by.items():
        if begun is not None:
            full_names.setdefault(first, begun)
    return full_names
