"""Namespaces, terms and IRI minting for the knowledge base.

Every IRI the store holds is minted here, from stable inputs only (ids, hashes of
content), so loading the same record twice yields the same triples and an export
loaded elsewhere means the same things. The terms are documented in
``vocabulary.ttl`` beside this file and in ``docs/knowledge-base.md``; the class of each
finding type is declared from its description in ``pipeline/finding_types.py``.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from typing import Any, Final
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from pipeline.finding_types import REGISTRY
from pipeline.schema import FORCE_IDS

HX: Final = "https://w3id.org/hmicfrs-extract/vocab#"
ID: Final = "https://w3id.org/hmicfrs-extract/id/"
PROV: Final = "http://www.w3.org/ns/prov#"
DCTERMS: Final = "http://purl.org/dc/terms/"
SCHEMA: Final = "https://schema.org/"
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"

# Prefixes offered to every query (users may write hx:force without declaring it) and
# used to shorten IRIs in tables and Turtle output.
PREFIXES: Final[dict[str, str]] = {
    "hx": HX,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "force": ID + "force/",
    "organisation": ID + "organisation/",
    "article": ID + "article/",
    "finding": ID + "finding/",
    "fact": ID + "fact/",
    "person": ID + "person/",
    "inspection": ID + "inspection/",
    "activity": ID + "activity/",
    "agent": ID + "agent/",
    "graph": ID + "graph/",
}

SPARQL_PREFIXES: Final = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def hx(name: str) -> NamedNode:
    return NamedNode(HX + name)


def prov(name: str) -> NamedNode:
    return NamedNode(PROV + name)


def dcterms(name: str) -> NamedNode:
    return NamedNode(DCTERMS + name)


def schema(name: str) -> NamedNode:
    return NamedNode(SCHEMA + name)


RDF_TYPE: Final = NamedNode(RDF + "type")
RDFS_LABEL: Final = NamedNode(RDFS + "label")

# Named graphs that are not per article.
REFERENCE_GRAPH: Final = NamedNode(ID + "graph/reference")
VOCABULARY_GRAPH: Final = NamedNode(ID + "graph/vocabulary")
CONSOLIDATED_GRAPH: Final = NamedNode(ID + "graph/consolidated")
META_GRAPH: Final = NamedNode(ID + "graph/meta")
ARTICLE_GRAPH_PREFIX: Final = ID + "graph/article/"


def digest(value: Any, length: int = 64) -> str:
    """A hex SHA-256 of a JSON-able value, canonically serialised (sorted keys, no spaces)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _segment(value: str) -> str:
    """An IRI path segment for an id that may hold any character."""
    return quote(value, safe="-._~")


def article_iri(key: str) -> NamedNode:
    return NamedNode(ID + "article/" + _segment(key))


def article_graph(key: str) -> NamedNode:
    return NamedNode(ARTICLE_GRAPH_PREFIX + _segment(key))


def span_iri(key: str, start: int, end: int, label: str) -> NamedNode:
    return NamedNode(f"{ID}article/{_segment(key)}/span/{start}-{end}-{_segment(label)}")


def force_iri(force_id: str) -> NamedNode:
    return NamedNode(ID + "force/" + _segment(force_id))


def organisation_iri(org_id: str) -> NamedNode:
    """Forces live under force/, the inspectorate (and anything else) under organisation/."""
    return force_iri(org_id) if org_id in FORCE_IDS else NamedNode(ID + "organisation/" + _segment(org_id))


def inspection_iri(force_id: str, year: int) -> NamedNode:
    return NamedNode(f"{ID}inspection/{_segment(force_id)}/{year}")


def person_iri(normalised_name: str) -> NamedNode:
    return NamedNode(ID + "person/" + _segment(normalised_name.replace(" ", "-")))


def finding_iri(hash_hex: str) -> NamedNode:
    return NamedNode(ID + "finding/" + hash_hex)


def fact_iri(hash_hex: str) -> NamedNode:
    return NamedNode(ID + "fact/" + hash_hex)


def activity_iri(hash_hex: str) -> NamedNode:
    return NamedNode(ID + "activity/" + hash_hex)


def agent_iri(version: str) -> NamedNode:
    return NamedNode(ID + "agent/hmicfrs-extract/" + _segment(version))


def string(value: str) -> Literal:
    return Literal(value)


def typed(value: Any, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def integer(value: int) -> Literal:
    return typed(int(value), "integer")


def decimal(value: float) -> Literal:
    return typed(f"{float(value):.1f}", "decimal")


def boolean(value: bool) -> Literal:
    return typed("true" if value else "false", "boolean")


def year_literal(year: int) -> Literal:
    return typed(f"{int(year):04d}", "gYear")


def vocabulary_turtle() -> str:
    """The shipped vocabulary (pipeline/kb/vocabulary.ttl): every term but the finding types' classes."""
    return resources.files("pipeline.kb").joinpath("vocabulary.ttl").read_text(encoding="utf-8")


def finding_type_triples() -> list[Triple]:
    """What the vocabulary says of each registered finding type, from its description: its class
    (a subclass of hx:Finding, with label and comment), and the list of types in hx:findingType's comment."""
    owl_class, subclass_of = NamedNode(OWL + "Class"), NamedNode(RDFS + "subClassOf")
    comment = NamedNode(RDFS + "comment")
    triples = []
    for description in REGISTRY.types():
        node = hx(description.rdf_class)
        triples += [Triple(node, RDF_TYPE, owl_class), Triple(node, subclass_of, hx("Finding")),
                    Triple(node, RDFS_LABEL, string(description.rdf_label)),
                    Triple(node, comment, string(description.rdf_comment))]
    *others, last = REGISTRY.names()
    listed = f"{', '.join(others)} or {last}" if others else last
    triples.append(Triple(hx("findingType"), comment, string(f"The SCHEMA finding type: {listed}.")))
    return triples


def vocabulary_triples() -> list[Triple]:
    """The whole vocabulary graph: the shipped Turtle and the finding types' declarations."""
    shipped = [Triple(q.subject, q.predicate, q.object) for q in parse(vocabulary_turtle(), format=RdfFormat.TURTLE)]
    return shipped + finding_type_triples()


def shorten(iri: str) -> str:
    """``force:kent`` for a data or vocabulary IRI; the IRI in brackets otherwise."""
    best = max((p for p in PREFIXES.items() if iri.startswith(p[1])), key=lambda p: len(p[1]), default=None)
    if best is None:
        return f"<{iri}>"
    return f"{best[0]}:{iri[len(best[1]):]}"
