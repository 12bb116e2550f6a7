"""SCHEMA §3 records to RDF quads: one named graph per article, plus the reference graph.

Everything an article contributes (the article, the extraction activity, its findings
with their provenance, the spans they rest on) goes into that article's own graph, so
replacing an article is dropping one graph and inserting another.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any, Callable, Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Quad

from pipeline.field_kinds import ORGANISATION_ID, PERCENT, PERSON_NAME, YEAR_NUMBER, Field, RdfTerm
from pipeline.finding_types import REGISTRY, FindingType
from pipeline.kb import vocabulary as v
from pipeline.kb.consolidate import ConsolidatedFact, Mention, fact_id, group_key, normalise_name
from pipeline.kb.validate import RecordProblem, check_record, finding_problem
from pipeline.schema import FORCE_IDS, INSPECTORATE_ID, TERRITORIAL_FORCES

# A finding's link to the consolidated fact it is a mention of.
PART_OF_FACT = v.hx("partOfFact")
INSPECTOR_ROLES = frozenset({"hm_inspector_of_constabulary", "hm_chief_inspector_of_constabulary"})
INSPECTORATE_LABEL = "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
INSPECTORATE_NAMES = ("HMICFRS", "HMIC", "Her Majesty's Inspectorate of Constabulary")


class RecordError(ValueError):
    """A record that cannot be loaded at all (no id, no text, findings not a list)."""


@dataclass
class ArticleData:
    """The quads of one article's graph and what the loader reports about them."""

    key: str
    graph: NamedNode
    digest: str
    quads: list[Quad]
    findings: int
    problems: list[str] = field(default_factory=list)
    facts: set[str] = field(default_factory=set)  # IRIs of the consolidated facts its findings are mentions of


def article_key(record: Mapping[str, Any]) -> str:
    """The article's identity in the store: its id, else its source."""
    key = record.get("id") or record.get("source")
    if not isinstance(key, str) or not key:
        raise RecordError("a record needs a non-empty 'id' (or 'source')")
    return key


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_digest(record: Mapping[str, Any], pipeline_version: str) -> str:
    """What decides 'unchanged': text, date, source, pipeline version and findings (in any order)."""
    findings = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in record["findings"])
    return v.digest({
        "id": record.get("id"), "source": record.get("source"), "date": record.get("date"),
        "sha256": content_sha256(record["text"]), "pipeline_version": pipeline_version, "findings": findings,
    })


def _check_record(record: Any) -> None:
    """Everything the store needs of a record as a whole (pipeline/kb/validate.py); findings are checked one by one."""
    try:
        check_record(record)
    except RecordProblem as err:
        raise RecordError(str(err)) from None


def _inspectorate_voices(record: Mapping[str, Any]) -> set[str]:
    """Normalised names (and surnames) of the people the article names as inspectorate officials:
    findings of a type that names a person and an organisation, the organisation the inspectorate."""
    voices: set[str] = set()
    for finding in record.get("findings", []):
        description = REGISTRY.get(finding.get("type"))
        if description is None:
            continue
        if not any(finding.get(f.name) == INSPECTORATE_ID for f in description.fields_of(ORGANISATION_ID)):
            continue
        for person in description.fields_of(PERSON_NAME):
            if finding.get(person.name):
                name = normalise_name(str(finding[person.name]))
                voices.update({name, name.split()[-1]})
    return voices


def stated_by_inspectorate(record: Mapping[str, Any], start: int, end: int, voices: set[str]) -> bool:
    """True when the sentence [start, end) holds an INSPECTORATE span, an HM Inspector ROLE span,
    or a PERSON span naming an inspectorate official of the same article."""
    for span in record.get("spans", []):
        if span.get("start", -1) < start or span.get("end", end + 1) > end:
            continue
        label = span.get("label")
        if label == "INSPECTORATE":
            return True
        if label == "ROLE" and span.get("id") in INSPECTOR_ROLES:
            return True
        if label == "PERSON" and normalise_name(str(span.get("name") or span.get("text", ""))) in voices:
            return True
    return False


def finding_hash(key: str, finding: Mapping[str, Any]) -> str:
    """Stable finding identity: article, type, every SCHEMA field, evidence offsets."""
    description = REGISTRY[finding["type"]]
    values = [_canonical(f, finding.get(f.name)) for f in description.fields]
    evidence = finding.get("evidence") or {}
    return v.digest([key, description.name, values, evidence.get("start"), evidence.get("end")], 20)


def _canonical(field: Field, value: Any) -> Any:
    """Percentages to one decimal, as they are stored, so 76.04 and 76.0 hash alike."""
    return round(value, 1) if field.kind is PERCENT and isinstance(value, float) else value


# The RDF object of a field's value, by the kind's RDF term.
TERM_MAKERS: dict[RdfTerm, Callable[[Any], Literal | NamedNode]] = {
    "force": v.force_iri,
    "organisation": v.organisation_iri,
    "gYear": v.year_literal,
    "boolean": v.boolean,
    "integer": v.integer,
    "decimal": v.decimal,
    "string": lambda x: v.string(str(x)),
}


def _field_object(field: Field, value: Any) -> Literal | NamedNode:
    """The RDF object of one SCHEMA field."""
    return TERM_MAKERS[field.kind.rdf_term](value)


class _Graph:
    """Collects quads for one graph, so the builders below read as lists of statements."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self.quads: list[Quad] = []

    def add(self, subject: NamedNode, predicate: NamedNode, obj: Literal | NamedNode) -> None:
        self.quads.append(Quad(subject, predicate, obj, self.graph))


def article_data(record: Mapping[str, Any], pipeline_version: str, extracted_at: datetime) -> ArticleData:
    """Every quad of one article's graph; findings that cannot be read are reported and left out."""
    _check_record(record)
    key = article_key(record)
    text: str = record["text"]
    g = _Graph(v.article_graph(key))
    art = v.article_iri(key)
    record_hash = record_digest(record, pipeline_version)
    g.add(art, v.RDF_TYPE, v.schema("NewsArticle"))
    g.add(art, v.dcterms("identifier"), v.string(key))
    if record.get("source"):
        g.add(art, v.dcterms("source"), v.string(str(record["source"])))
    if record.get("date"):
        g.add(art, v.dcterms("date"), v.typed(str(record["date"])[:10], "date"))
    g.add(art, v.schema("sha256"), v.string(content_sha256(text)))
    g.add(art, v.hx("recordDigest"), v.string(record_hash))

    agent = v.agent_iri(pipeline_version)
    g.add(agent, v.RDF_TYPE, v.prov("SoftwareAgent"))
    g.add(agent, v.RDFS_LABEL, v.string(f"hmicfrs-extract {pipeline_version}"))
    g.add(agent, v.schema("softwareVersion"), v.string(pipeline_version))
    activity = v.activity_iri(v.digest([key, record_hash], 20))
    when = v.typed(extracted_at.isoformat(), "dateTime")
    g.add(activity, v.RDF_TYPE, v.prov("Activity"))
    g.add(activity, v.prov("used"), art)
    g.add(activity, v.prov("wasAssociatedWith"), agent)
    g.add(activity, v.prov("endedAtTime"), when)

    voices = _inspectorate_voices(record)
    problems: list[str] = []
    facts: set[str] = set()
    count = 0
    for number, finding in enumerate(record.get("findings", []), start=1):
        problem = finding_problem(finding, text)
        if problem:
            problems.append(f"{key}: finding {number} skipped: {problem}")
            continue
        node = _add_finding(g, key, record, finding, art, activity, when, voices)
        fact = fact_of(_key_mention(key, record, finding))
        g.add(node, PART_OF_FACT, fact)
        facts.add(fact.value)
        count += 1
    return ArticleData(key, g.graph, record_hash, g.quads, count, problems, facts)


def _key_mention(key: str, record: Mapping[str, Any], finding: Mapping[str, Any]) -> Mention:
    """The finding as consolidation will read it back from the store, as far as its key goes."""
    description = REGISTRY[finding["type"]]
    fields = {"type": description.name, **{spec.name: finding.get(spec.name) for spec in description.fields}}
    date = str(record["date"])[:10] if record.get("date") else None
    return Mention(finding_iri="", article_id=key, article_date=date, fields=fields)


def fact_of(mention: Mention) -> NamedNode:
    """The consolidated fact a mention belongs to (the object of its hx:partOfFact): one derivation, used
    when an article is written and when a store's links are rebuilt, so the two always agree."""
    return v.fact_iri(fact_id(group_key(mention)))



def _add_finding(g: _Graph, key: str, record: Mapping[str, Any], finding: Mapping[str, Any], art: NamedNode,
                 activity: NamedNode, when: Literal, voices: set[str]) -> NamedNode:
    description = REGISTRY[finding["type"]]
    node = v.finding_iri(finding_hash(key, finding))
    g.add(node, v.RDF_TYPE, v.hx("Finding"))
    g.add(node, v.RDF_TYPE, v.hx(description.rdf_class))
    g.add(node, v.hx("findingType"), v.string(description.name))
    for spec in description.fields:
        value = finding.get(spec.name)
        if value is None:
            value = spec.default
        if value is not None:
            g.add(node, v.hx(spec.rdf_property), _field_object(spec, value))
    for spec in description.fields_of(PERSON_NAME):
        person = v.person_iri(normalise_name(str(finding[spec.name])))
        g.add(node, v.hx("person"), person)
        g.add(person, v.RDF_TYPE, v.schema("Person"))
        g.add(person, v.schema("name"), v.string(str(finding[spec.name])))
    if description.inspection_fields is not None:
        force, year_field = description.inspection_fields
        year = finding.get(year_field.name) if finding.get(year_field.name) is not None else _date_year(record)
        if year is not None:
            inspection = v.inspection_iri(str(finding[force.name]), int(year))
            g.add(node, v.hx("inspection"), inspection)
            g.add(inspection, v.RDF_TYPE, v.hx("Inspection"))
            g.add(inspection, v.hx("force"), v.force_iri(str(finding[force.name])))
            g.add(inspection, v.hx("year"), v.year_literal(int(year)))
    g.add(node, v.prov("wasDerivedFrom"), art)
    g.add(node, v.prov("wasGeneratedBy"), activity)
    g.add(node, v.prov("generatedAtTime"), when)
    _add_evidence(g, key, record, finding, node, art, voices)
    return node


def _date_year(record: Mapping[str, Any]) -> int | None:
    return int(str(record["date"])[:4]) if record.get("date") else None


def _add_evidence(g: _Graph, key: str, record: Mapping[str, Any], finding: Mapping[str, Any], node: NamedNode,
                  art: NamedNode, voices: set[str]) -> None:
    """Sentence offsets and text, the entity spans, the inspectorate flag (false without evidence)."""
    text: str = record["text"]
    evidence = finding.get("evidence")
    by_inspectorate = False
    if isinstance(evidence, Mapping) and isinstance(evidence.get("start"), int) and isinstance(evidence.get("end"), int):
        start, end = evidence["start"], evidence["end"]
        g.add(node, v.hx("evidenceStart"), v.integer(start))
        g.add(node, v.hx("evidenceEnd"), v.integer(end))
        g.add(node, v.hx("evidenceText"), v.string(text[start:end]))
        by_inspectorate = stated_by_inspectorate(record, start, end, voices)
    for start, end, label in finding.get("entities") or []:
        span = v.span_iri(key, int(start), int(end), str(label))
        g.add(node, v.hx("entity"), span)
        g.add(span, v.RDF_TYPE, v.hx("TextSpan"))
        g.add(span, v.dcterms("isPartOf"), art)
        g.add(span, v.hx("spanStart"), v.integer(start))
        g.add(span, v.hx("spanEnd"), v.integer(end))
        g.add(span, v.hx("spanLabel"), v.string(str(label)))
        g.add(span, v.hx("spanText"), v.string(text[int(start):int(end)]))
    g.add(node, v.hx("statedByInspectorate"), v.boolean(by_inspectorate))


def reference_quads() -> list[Quad]:
    """Forces (all 48 of SCHEMA, labels and name variants from data/forces.json) and the inspectorate."""
    g = _Graph(v.REFERENCE_GRAPH)
    data = json.loads(resources.files("pipeline").joinpath("data/forces.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in data["forces"]}
    for force_id in FORCE_IDS:
        entry = by_id[force_id]
        node = v.force_iri(force_id)
        label = (entry["places"] or entry["names"])[0]
        g.add(node, v.RDF_TYPE, v.hx("PoliceForce"))
        g.add(node, v.dcterms("identifier"), v.string(force_id))
        g.add(node, v.RDFS_LABEL, v.string(label))
        g.add(node, v.hx("territorial"), v.boolean(force_id in TERRITORIAL_FORCES))
        for name in _unique(entry["places"] + entry["names"] + entry["aliases"]):
            if name != label:
                g.add(node, v.schema("alternateName"), v.string(name))
    node = v.organisation_iri(INSPECTORATE_ID)
    g.add(node, v.RDF_TYPE, v.hx("Inspectorate"))
    g.add(node, v.dcterms("identifier"), v.string(INSPECTORATE_ID))
    g.add(node, v.RDFS_LABEL, v.string(INSPECTORATE_LABEL))
    for name in INSPECTORATE_NAMES:
        g.add(node, v.schema("alternateName"), v.string(name))
    return g.quads


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def insert_data(quads: Iterable[Quad]) -> str:
    """The body of a SPARQL ``INSERT DATA`` for quads (terms in N-Triples syntax, valid SPARQL)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = [f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}" for graph, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def fact_quads(facts: Iterable[ConsolidatedFact]) -> list[Quad]:
    """The consolidated graph's part for these facts: one hx:ConsolidatedFinding each."""
    g = _Graph(v.CONSOLIDATED_GRAPH)
    for fact in facts:
        _add_fact(g, fact)
    return g.quads


def _add_fact(g: _Graph, fact: ConsolidatedFact) -> None:
    node = v.fact_iri(fact.fact_id)
    preferred = fact.preferred
    description: FindingType = fact.description
    g.add(node, v.RDF_TYPE, v.hx("ConsolidatedFinding"))
    g.add(node, v.hx("findingType"), v.string(description.name))
    for spec in description.fields:
        value = fact.year if spec.kind is YEAR_NUMBER else preferred.fields.get(spec.name)
        if value is None:
            value = spec.default
        if value is not None:
            g.add(node, v.hx(spec.rdf_property), _field_object(spec, value))
    for spec in description.fields_of(PERSON_NAME):
        name = normalise_name(str(preferred.fields.get(spec.name)))
        g.add(node, v.hx("normalisedName"), v.string(name))
        g.add(node, v.hx("person"), v.person_iri(name))
    if description.year_field is not None:
        if fact.year is None:
            g.add(node, v.hx("yearUnknown"), v.boolean(True))
        elif description.inspection_fields is not None:
            force = description.inspection_fields[0]
            g.add(node, v.hx("inspection"), v.inspection_iri(str(preferred.fields[force.name]), fact.year))
    g.add(node, v.hx("preferredValue"), v.string(fact.preferred_value))
    g.add(node, v.hx("preferredMention"), NamedNode(preferred.finding_iri))
    for mention in fact.mentions:
        g.add(node, v.hx("mention"), NamedNode(mention.finding_iri))
        g.add(node, v.hx("supportingArticle"), v.article_iri(mention.article_id))
    for value, _count in fact.values:
        if value:
            g.add(node, v.hx("distinctValue"), v.string(value))
    g.add(node, v.hx("valueSummary"), v.string(fact.values_summary()))
    g.add(node, v.hx("conflict"), v.boolean(fact.conflict))
    g.add(node, v.hx("preferenceReason"), v.string(fact.reason))
    g.add(node, v.hx("mentionCount"), v.integer(len(fact.mentions)))
    g.add(node, v.hx("sourceCount"), v.integer(len(fact.sources)))
    g.add(node, v.hx("sourceList"), v.string(", ".join(fact.sources)))
    g.add(node, v.hx("factKey"), v.string(json.dumps(list(fact.key), ensure_ascii=False)))
    for spec in description.fields_of(PERSON_NAME):
        spellings = dict.fromkeys(str(m.fields.get(spec.name)) for m in fact.mentions)
        g.add(node, v.hx("spellingList"), v.string(" / ".join(spellings)))
