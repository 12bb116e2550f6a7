"""Canned SPARQL: the questions the ``kb`` commands answer, as named constants.

They run with the union of all graphs as the default graph, and with the prefixes of
``vocabulary.PREFIXES`` declared, so they read like the examples in
docs/knowledge-base.md. Parameters are either bound with pyoxigraph substitutions, or,
where that is slow (a substitution filters after the whole pattern is evaluated: 1 s
against 60 ms for FORCE_FACTS on the corpus), written in at a ``%NAME%`` marker by
``bind`` as a pyoxigraph term in N-Triples syntax (IRIs validated, literals escaped),
never as a raw string.
"""

from __future__ import annotations

import re
from typing import Final

from pyoxigraph import Literal, NamedNode

# The record digest of every article graph: what decides 'unchanged' and the consolidation state.
ARTICLE_DIGESTS: Final = """
SELECT ?g ?digest WHERE { GRAPH ?g { ?a a schema:NewsArticle ; hx:recordDigest ?digest } }
"""

# The facts an article graph's findings are mentions of (%GRAPH%: the graph's IRI).
GRAPH_FACTS: Final = """
SELECT DISTINCT ?f WHERE { GRAPH %GRAPH% { ?finding hx:partOfFact ?f } }
"""

FACT_COUNTS: Final = """
SELECT (COUNT(?fact) AS ?facts) (SUM(IF(?conflict, 1, 0)) AS ?conflicts)
WHERE { GRAPH graph:consolidated { ?fact a hx:ConsolidatedFinding ; hx:conflict ?conflict } }
"""

# What ranks the facts worth printing after a load.
FACT_RANKS: Final = """
SELECT ?fact ?key ?sources ?conflict ?mentions WHERE {
  GRAPH graph:consolidated { ?fact hx:factKey ?key ; hx:sourceCount ?sources ; hx:conflict ?conflict ;
                             hx:mentionCount ?mentions }
}
"""



def bind(template: str, **terms: NamedNode | Literal) -> str:
    """The template with each ``%NAME%`` marker replaced by its term's N-Triples form."""
    for name, term in terms.items():
        marker = f"%{name.upper()}%"
        if marker not in template:
            raise KeyError(f"no {marker} in the query")
        template = template.replace(marker, str(term))
    return template


# The canned questions read the consolidated graph only: each fact carries its sources (hx:sourceList)
# and spellings (hx:spellingList), so no question joins or groups a fact's mentions, whatever their number.
# A force's or organisation's id is the last segment of its IRI (ids are plain [a-z_]): joining the
# reference graph for it cost 5 s of 7 for `conflicts` at 10,000 replicated articles.

# All consolidated facts about one force (%FORCE%: its IRI), officials of the force included. A fact
# with no year and no hx:yearUnknown is of a type that has none (officials): its year is ''; a fact
# that names a person shows the person as its value.
FORCE_FACTS: Final = """
SELECT ?type ?year ?detail ?value ?qualifier ?conflict ?values ?n_sources ?sources ?fact
WHERE {
  GRAPH graph:consolidated {
    { ?fact hx:force %FORCE% } UNION { ?fact hx:organisation %FORCE% }
    ?fact hx:findingType ?type ; hx:preferredValue ?v ;
          hx:conflict ?conflict ; hx:valueSummary ?values ; hx:sourceCount ?n_sources ; hx:sourceList ?sources .
    OPTIONAL { ?fact hx:year ?y }
    OPTIONAL { ?fact hx:crimeType ?crime }
    OPTIONAL { ?fact hx:area ?area }
    OPTIONAL { ?fact hx:qualifier ?qualifier }
    OPTIONAL { ?fact hx:personName ?person ; hx:role ?role }
    OPTIONAL { ?fact hx:yearUnknown ?unknown }
  }
  BIND(COALESCE(STR(?y), IF(BOUND(?unknown), "unknown", "")) AS ?year)
  BIND(COALESCE(?crime, ?area, ?role, "") AS ?detail)
  BIND(COALESCE(?person, ?v) AS ?value)
}
ORDER BY ?type ?year ?detail ?fact
"""

# Recording rates of every force in one year (%YEAR%: an xsd:gYear literal).
RATES: Final = """
SELECT ?force ?crime_type ?value ?qualifier ?conflict ?values ?n_sources ?sources
WHERE {
  GRAPH graph:consolidated {
    ?fact hx:year %YEAR% ; hx:findingType "recording_rate" ; hx:force ?f ; hx:crimeType ?crime_type ;
          hx:preferredValue ?value ; hx:conflict ?conflict ; hx:valueSummary ?values ;
          hx:sourceCount ?n_sources ; hx:sourceList ?sources .
    OPTIONAL { ?fact hx:qualifier ?qualifier }
  }
  BIND(REPLACE(STR(?f), "^.*/", "") AS ?force)
}
ORDER BY ?force ?crime_type
"""

# Facts whose mentions disagree, with the value chosen and why.
CONFLICTS: Final = """
SELECT ?type ?force ?year ?detail ?value ?values ?reason ?sources ?fact
WHERE {
  GRAPH graph:consolidated {
    ?fact hx:conflict true ; hx:findingType ?type ; hx:force ?f ; hx:preferredValue ?value ;
          hx:valueSummary ?values ; hx:preferenceReason ?reason ; hx:sourceList ?sources .
    OPTIONAL { ?fact hx:year ?y }
    OPTIONAL { ?fact hx:crimeType ?crime }
    OPTIONAL { ?fact hx:area ?area }
  }
  BIND(REPLACE(STR(?f), "^.*/", "") AS ?force)
  BIND(COALESCE(STR(?y), "unknown") AS ?year)
  BIND(COALESCE(?crime, ?area) AS ?detail)
}
ORDER BY ?force ?year ?type ?detail ?fact
"""

# Every official, consolidated over spellings, with the articles naming them.
OFFICIALS: Final = """
SELECT ?person ?role ?organisation ?n_sources ?spellings ?sources
WHERE {
  GRAPH graph:consolidated {
    ?fact hx:findingType "official" ; hx:personName ?person ; hx:role ?role ; hx:organisation ?o ;
          hx:sourceCount ?n_sources ; hx:spellingList ?spellings ; hx:sourceList ?sources .
  }
  BIND(REPLACE(STR(?o), "^.*/", "") AS ?organisation)
}
ORDER BY ?organisation ?role ?person
"""

# Finding or fact IRIs that start with ?prefix (a short id is the start of the hash).
RESOLVE_ID: Final = """
SELECT DISTINCT ?x ?prefix WHERE {
  GRAPH ?g { ?x a ?class }
  FILTER(?class IN (hx:Finding, hx:ConsolidatedFinding))
  FILTER(STRSTARTS(STR(?x), ?prefix))
}
ORDER BY ?x
"""

# The provenance of one finding (?finding bound): article, offsets, sentence, spans, activity.
PROVENANCE: Final = """
SELECT ?finding ?type ?value ?article ?source ?date ?sha256 ?start ?end ?sentence ?by_inspectorate
       ?version ?generated ?activity
WHERE {
  GRAPH ?g {
    ?finding hx:findingType ?type ; prov:wasDerivedFrom ?a ; prov:wasGeneratedBy ?activity ;
             prov:generatedAtTime ?generated ; hx:statedByInspectorate ?by_inspectorate .
    ?a dcterms:identifier ?article ; schema:sha256 ?sha256 .
    ?activity prov:wasAssociatedWith ?agent .
    ?agent schema:softwareVersion ?version .
    OPTIONAL { ?a dcterms:source ?source }
    OPTIONAL { ?a dcterms:date ?date }
    OPTIONAL { ?finding hx:evidenceStart ?start ; hx:evidenceEnd ?end ; hx:evidenceText ?sentence }
    OPTIONAL { ?finding hx:value ?v }
    OPTIONAL { ?finding hx:grade ?grade }
    OPTIONAL { ?finding hx:recorded ?recorded ; hx:total ?total }
    OPTIONAL { ?finding hx:personName ?person }
  }
  BIND(COALESCE(STR(?v), ?grade, CONCAT(STR(?recorded), "/", STR(?total)), ?person) AS ?value)
}
"""

PROVENANCE_SPANS: Final = """
SELECT ?finding ?label ?start ?end ?text WHERE {
  GRAPH ?g { ?finding hx:entity ?span . ?span hx:spanLabel ?label ; hx:spanStart ?start ;
             hx:spanEnd ?end ; hx:spanText ?text }
}
ORDER BY ?start
"""

# Everything, as triples: the default-graph view that Turtle and N-Triples exports write.
UNION_TRIPLES: Final = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"

COUNTS: Final = """
SELECT
  (COUNT(DISTINCT ?article) AS ?articles)
  (COUNT(DISTINCT ?finding) AS ?findings)
WHERE {
  { GRAPH ?g { ?article a schema:NewsArticle } }
  UNION
  { GRAPH ?h { ?finding a hx:Finding } }
}
"""


# -- what a user's query may not do ------------------------------------------------------------

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:.-])", re.IGNORECASE)


def code_outside_literals(sparql: str) -> str:
    """The query with its comments, string literals and IRIs blanked out, so a keyword search sees
    only the query's own keywords (``"SERVICE"`` in a string or ``<…/SERVICE>`` is not one)."""
    out: list[str] = []
    i, n = 0, len(sparql)
    while i < n:
        char = sparql[i]
        if char == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif sparql.startswith(('"""', "'''"), i):
            end = sparql.find(sparql[i:i + 3], i + 3)
            while end > 0 and sparql[end - 1] == "\\":
                end = sparql.find(sparql[i:i + 3], end + 1)
            i = n if end < 0 else end + 3
            out.append(" ")
        elif char in "\"'":
            j = i + 1
            while j < n and sparql[j] not in (char, "\n"):
                j += 2 if sparql[j] == "\\" else 1
            i = j + 1
            out.append(" ")
        elif char == "<" and (match := _IRI_REF.match(sparql, i)):
            i = match.end()
            out.append(" ")
        else:
            out.append(char)
            i += 1
    return "".join(out)


def uses_service(sparql: str) -> bool:
    """Whether the query holds a SERVICE clause (a federated call: outbound HTTP from a local question)."""
    return bool(_SERVICE.search(code_outside_literals(sparql)))
