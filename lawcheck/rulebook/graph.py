"""The requirement graph, built from the rule files and never by hand.

Nodes: requirements, their elements, safeguards and concepts. Edges: subject_to,
depends_on, mirrors (both ways), has_element, needs_safeguard, defined_in (a safeguard to
the framework article that defines it), uses_concept.
"""

from __future__ import annotations

import networkx as nx

from lawcheck.rulebook.loader import Rulebook

EDGE_TYPES = ("subject_to", "depends_on", "mirrors", "has_element", "needs_safeguard",
              "defined_in", "uses_concept")


def element_node(requirement_id: str, element_id: str) -> str:
    return f"{requirement_id}/{element_id}"


def build_graph(rulebook: Rulebook) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for r in rulebook.requirements:
        graph.add_node(r.id, type="requirement", instrument=r.instrument, article=r.article,
                       title=r.title, kind=r.kind)
    for r in rulebook.requirements:
        for key in ("subject_to", "depends_on", "mirrors"):
            for target in getattr(r, key):
                graph.add_edge(r.id, target, type=key)
        for element in r.elements:
            node = element_node(r.id, element.id)
            graph.add_node(node, type="element", check=element.check, cites=element.cites,
                           severity=element.severity)
            graph.add_edge(r.id, node, type="has_element")
            if element.check == "safeguard":
                safeguard = f"safeguard:{element.id}"
                graph.add_node(safeguard, type="safeguard", label=element.id)
                graph.add_edge(safeguard, r.id, type="defined_in")
            for concept in sorted(element.concept_ids):
                graph.add_node(f"concept:{concept}", type="concept", label=concept)
                graph.add_edge(node, f"concept:{concept}", type="uses_concept")
        for safeguard_id in r.safeguards:
            graph.add_node(f"safeguard:{safeguard_id}", type="safeguard", label=safeguard_id)
            graph.add_edge(r.id, f"safeguard:{safeguard_id}", type="needs_safeguard")
    return graph


def edges_of_type(graph: nx.MultiDiGraph, edge_type: str) -> list[tuple[str, str]]:
    return [(u, v) for u, v, t in graph.edges(data="type") if t == edge_type]


def dependency_cycles(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Cycles among depends_on edges (there must be none)."""
    sub = nx.DiGraph(edges_of_type(graph, "depends_on"))
    return list(nx.simple_cycles(sub))
