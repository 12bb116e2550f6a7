"""Officials: a named person with a title of office in a force, a force's area or the inspectorate
('Zoe Billingham, HM Inspector of Constabulary'; 'Police and Crime Commissioner for Bedfordshire
Kathryn Holloway'; 'Roger Hirst, who oversees the force as police, fire and crime commissioner';
'Chief Constable of Surrey Police, Rhys Bowen'; 'Amanda Pearce, the eastern region's HM Inspector')."""

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
_COPULA_TO_TITLE_MOST = 4  # "is", "was the force's", "has been the": tokens from a name to the title it is said to hold
_PLACE_BEFORE_NAME = 4  # tokens before the name in which the place after "for" ends
_PLACE_BEFORE_TITLE = 8  # tokens before a commissioner's title in which their place ends ("Norfolk PCC")
_ADJACENT = 3  # tokens between a force and the title or name it is next to
_SIGNATURE_TITLE_LEAD = 3  # tokens before a signature's title on its line ("Kent Police and Crime Commissioner")


class OfficialRule(LinkRule):
    """A PERSON next to a ROLE in one sentence, with the organisation the role is of."""

    finding_type = "official"
    cue_reads = CueReads(words=("official_between", "official_copulas", "title_punctuation", "place_joiners", "possessive_markers",
                                "bare_inspector_titles", "speech_verbs", "appositive_breakers", "inspectorate_nouns",
                                "fronted_name_prepositions", "title_subject_determiners"),
                         anywhere=("inspectorate_mentions", "force_anaphora"),
                         phrases=("non_police_offices", "inspectorate_offices", "inspectorate_owned_titles"), tables=("london_roles",),
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
            signed = None if people else _name_line_before(doc, sent)
            if not people and signed is None:
                continue
            for role in sent.of("ROLE"):
                if signed is not None:
                    # "Helen Ashdown\nKent Police and Crime Commissioner": a signature, the title opening its line.
                    person = signed if role.start - sent.start <= _SIGNATURE_TITLE_LEAD else None
                else:
                    person = self._person_for(doc, sent, role, people)
                if person is None:
                    continue
                role_id = role.kb_id
                if len(doc.lower[role.start : role.end]) == 1 and doc.lower[role.start] in doc.words["bare_inspector_titles"]:
                    role_id, organisation = _bare_inspector(doc, sent, role, person)
                elif _inspectorate_owned(doc, sent, role):
                    role_id, organisation = "hm_chief_inspector_of_constabulary", "hmicfrs"
                else:
                    organisation = self._organisation(doc, sent, role, person)
                if organisation is None:
                    continue
                name = doc.span_text(person.start, person.end)
                # "Supt Banks added": the person introduced earlier as "Superintendent Jo Banks".
                if full_names is None:
                    full_names = _full_names(doc)
                name = full_names.get(name, name)
                finding = make_finding("official", sent, [person, role], person=name, role=role_id, organisation=organisation)
                if signed is not None:
                    finding["evidence"]["start"] = doc.sentences[sent.index - 1].start_char  # the name line too
                found.append(finding)
        # "Commissioner Okonkwo said": a bare title for someone whose office the text has named.
        specific = {f["person"] for f in found if f["role"] != "other"}
        yield from (f for f in found if f["role"] != "other" or f["person"] not in specific)

    def _person_for(self, doc: LinkDoc, sent: Sentence, role: Ent, people: list[Ent]) -> Ent | None:
        """The person a title names: right after it, after "for" and a place, or before it in an appositive."""
        text, between_words, joiners = doc.text, doc.words["official_between"], doc.words["place_joiners"]
        # The name after the title first ("..., Neville Ormsby, and the Chief Constable, Nicola Ashworth-Byrne"): only
        # then one before it in an appositive.
        people = [p for p in people if p.start >= role.end] + [p for p in people if p.start < role.end]
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
            if person.start >= role.end and between[:1] == ["of"] and _force_between(doc, sent, role, person) is not None:
                return person  # "Chief constable of Surrey Police Rhys Bowen said", "Chief Constable of Surrey Police, Rhys Bowen,"
            gap = text[person.end : role.start]
            if (role.start >= person.end and gap[:1] and gap[0].lower() in doc.words["official_copulas"]
                    and len(gap) <= _COPULA_TO_TITLE_MOST and all(t.lower() in between_words for t in gap)):
                return person  # "Siân Pritchard-Lowe is His Majesty's Inspector of Constabulary", "Ann Lee was the force's PCC"
            if role.start >= person.end and (gap[:1] == [","] or (gap and "\n" in gap[0])) and len(gap) <= _NAME_TO_TITLE_MOST \
                    and not (len(gap) > 1 and gap[1].lower() in doc.words["appositive_breakers"]) \
                    and not _fronted_name(doc, sent, person, role, self.titles) and (all(
                    t.lower() in between_words or t[:1].isupper() or "\n" in t for t in gap)
                    or _possessive_appositive(doc, gap)):
                return person
        return None

    @staticmethod
    def _organisation(doc: LinkDoc, sent: Sentence, role: Ent, person: Ent) -> str | None:
        """The inspectorate for its roles; a commissioner's place; a force next to the title or name; else
        the force resolved for the title's position. None for offices outside policing."""
        lower, ids, london = doc.lower, doc.ids, doc.tables["london_roles"]
        if role.kb_id in ids["inspectorate_roles"] or (
                role.kb_id == "other" and tuple(lower[role.start : role.end]) in doc.phrases["inspectorate_offices"]):
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
        # A force named between the title and the name ("Chief Constable of Surrey Police, Rhys Bowen").
        if role.end <= person.start:
            between = _force_between(doc, sent, role, person)
            if between is not None:
                return between
        # A force named right before the title or after the appositive ("Leicestershire Ch Con", "of Kent Police").
        first = min(role.start, person.start)
        last = max(role.end, person.end)
        adjacent = [f for f in sent.forces if first - _ADJACENT <= f[1] <= first or last <= f[0] <= last + _ADJACENT]
        if adjacent:
            return adjacent[0][2]
        force = force_for(doc, sent, first)
        return force if force is not None else london.get(role.kb_id)


def _name_line_before(doc: LinkDoc, sent: Sentence) -> Ent | None:
    """The person whose name alone makes up the line before this one, when a line break parts them (a
    signature or byline: "Helen Ashdown" then "Kent Police and Crime Commissioner"); else None."""
    if sent.index == 0:
        return None
    before = doc.sentences[sent.index - 1]
    people = before.of("PERSON")
    if len(people) != 1 or not any("\n" in w for w in doc.lower[before.end - 1 : sent.start + 1]):
        return None
    person = people[0]
    rest = doc.lower[before.start : person.start] + doc.lower[person.end : before.end]
    return person if all(not w.strip() or w in (",", "-", "–", "—") for w in rest) else None


def _force_between(doc: LinkDoc, sent: Sentence, role: Ent, person: Ent) -> str | None:
    """The force named after a title and "of" ("the"), right before the name or a comma before it
    ("Deputy Chief Constable of Avon and Somerset Police Laura Finch"); None if there is none."""
    lower = doc.lower
    start = role.end + 1
    if start < person.start and lower[start] == "the":
        start += 1
    for f in sent.forces:
        if f[0] == start and (f[1] == person.start or (f[1] + 1 == person.start and lower[f[1]] == ",")):
            return f[2]
    return None


def _possessive_appositive(doc: LinkDoc, gap: list[str]) -> bool:
    """", the eastern region's" before a title ("Amanda Pearce, the eastern region's HM Inspector of
    Constabulary"): a comma, "the", a few words and a possessive, then only words that may stand before
    a title ("the area's new HM Inspector")."""
    marks = doc.words["possessive_markers"]
    if gap[:2] != [",", "the"]:
        return False
    owner_end = next((j for j in range(2, len(gap)) if gap[j] in marks), None)
    return owner_end is not None and 3 <= owner_end <= 5 and all(
        t.lower() in doc.words["official_between"] for t in gap[owner_end + 1 :])


def _fronted_name(doc: LinkDoc, sent: Sentence, person: Ent, role: Ent, titles: frozenset[str]) -> bool:
    """The name is in a phrase fronted before the subject, which the title opens ("In response to Mr Lund, the T/ACC
    confirmed ..."): a preposition before the name and its ``titles`` ("Mr"), a determiner opening the subject, a
    lower-case word (the verb) right after the title; not a byline ("By Frances Ridley, Police and Crime Commissioner
    for Sussex", which has no determiner)."""
    i = person.start
    while i > sent.start and doc.text[i - 1] in titles:
        i -= 1
    return (i > sent.start and doc.lower[i - 1] in doc.words["fronted_name_prepositions"]
            and role.start - person.end >= 2 and doc.lower[role.start - 1] in doc.words["title_subject_determiners"]
            and role.end < sent.end and doc.text[role.end].isalpha() and doc.text[role.end].islower())


def _inspectorate_owned(doc: LinkDoc, sent: Sentence, role: Ent) -> bool:
    """A police rank's title owned by the inspectorate is its head ("The inspectorate's Chief Inspector, Sir Rowland
    Teague", "Andy Cooke, the watchdog's chief inspector", "HMICFRS Chief Inspector Andy Cooke")."""
    if tuple(doc.lower[role.start : role.end]) not in doc.phrases["inspectorate_owned_titles"]:
        return False
    owner_end = role.start - (role.start > sent.start and doc.lower[role.start - 1] in doc.words["possessive_markers"])
    if any(ent.end == owner_end for ent in sent.of("INSPECTORATE")):
        return True
    return owner_end < role.start and owner_end > sent.start and doc.lower[owner_end - 1] in doc.words["inspectorate_nouns"]


def _bare_inspector(doc: LinkDoc, sent: Sentence, role: Ent, person: Ent) -> tuple[str, str | None]:
    """The role and organisation of someone titled only "Inspector" (ANNOTATION): a police rank (role
    `other`) when a force is named with them, before the title or in the clause after the name ("Inspector
    Tom Reed, who runs Essex Police's crime bureau, said"), or spoken of there ("who runs the force's crime
    bureau"); else, in an article that speaks of the
    inspectorate (named, or "the watchdog"), one of its inspectors ("Inspector Harriet Vale said the force
    still had much to do"); else a rank in the force the text is about."""
    lower, speech = doc.lower, doc.words["speech_verbs"]
    stop = person.end
    while stop < min(person.end + _NAME_TO_TITLE_MOST, sent.end) and lower[stop] not in speech:
        stop += 1
    for f in sent.forces:
        if role.start - _ADJACENT <= f[1] <= role.start or person.end <= f[0] < stop:
            return "other", f[2]
    if doc.cues.within("force_anaphora", person.end, stop) or "our" in lower[person.end : stop]:
        # "Inspector Dawn Clifton, who runs the force's crime management bureau, said", "Inspector Gary Tanswell, who
        # runs our crime standards team" (a chief constable speaking): a rank in that force
        return "other", force_for(doc, sent, role.start)
    if "INSPECTORATE" in doc.with_label or doc.cues.any_in_doc("inspectorate_mentions"):
        return "hm_inspector_of_constabulary", "hmicfrs"
    return "other", force_for(doc, sent, role.start)


def _full_names(doc: LinkDoc) -> dict[str, str]:
    """The full name each surname, or each first name that begins only one, stands for."""
    full_names: dict[str, str] = {}
    begun_by: dict[str, str | None] = {}  # the full name each first name begins; None if it begins several
    for sent in doc.with_label["PERSON"]:
        for person in sent.of("PERSON"):
            name = doc.span_text(person.start, person.end)
            if " " in name:
                full_names.setdefault(doc.text[person.end - 1], name)
                full_names.setdefault(name.split(" ", 1)[1], name)  # "Okonedo-Price", "ap Gwynfor": the whole surname
                first = doc.text[person.start]
                if begun_by.setdefault(first, name) != name:
                    begun_by[first] = None
    # "As your deputy PCC, Tom also chairs": a first name alone stands for the one full name it begins.
    for first, begun in begun_by.items():
        if begun is not None:
            full_names.setdefault(first, begun)
    return full_names
