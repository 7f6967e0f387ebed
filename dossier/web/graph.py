"""The story's actor graph: who acts on, speaks about, backs or opposes whom.

Laid out on the server with networkx's spring layout (seeded, so the same story
always draws the same picture) and drawn as a static SVG: no JavaScript library,
no CDN, and the picture is in the page even with scripts off.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from dossier.web.schemas import EventOut, StanceOut

WIDTH, HEIGHT, PAD = 640.0, 380.0, 70.0
MAX_NODES = 18  # beyond this a picture stops explaining; the busiest actors are kept


@dataclass
class Node:
    name: str
    x: float
    y: float
    r: float
    weight: int


@dataclass
class Edge:
    source: Node
    target: Node
    polarity: int  # +1 support, -1 opposition, 0 other interaction
    weight: int
    label: str


@dataclass
class ActorGraph:
    nodes: list[Node]
    edges: list[Edge]
    width: float = WIDTH
    height: float = HEIGHT


def build_graph(events: list[EventOut], stances: list[StanceOut]) -> ActorGraph:
    """Nodes are actors; an edge per (source, target) pair, signed by stance when known."""
    g = nx.Graph()
    pairs: dict[tuple[str, str], dict] = {}

    def add(src: str | None, dst: str | None, polarity: int, label: str) -> None:
        if not src or not dst or src == dst:
            return
        key = (src, dst)
        info = pairs.setdefault(key, {"weight": 0, "polarity": 0, "labels": []})
        info["weight"] += 1
        info["polarity"] = polarity or info["polarity"]
        if label not in info["labels"]:
            info["labels"].append(label)
        for name in key:
            g.add_node(name)
            g.nodes[name]["weight"] = g.nodes[name].get("weight", 0) + 1
        g.add_edge(src, dst)

    for st in stances:
        verb = "backs" if st.polarity > 0 else "opposes"
        add(st.source, st.target, st.polarity, st.label or verb)
    for ev in events:
        add(ev.source_actor, ev.target_actor, 0, ev.type)
    if not g:
        return ActorGraph([], [])
    keep = sorted(g.nodes, key=lambda n: -g.nodes[n]["weight"])[:MAX_NODES]
    g = g.subgraph(keep).copy()
    if len(g) > 2:
        pos = nx.spring_layout(g, seed=7, k=2.4 / len(g) ** 0.5, iterations=200)
    else:
        pos = nx.circular_layout(g)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    top = max(g.nodes[n]["weight"] for n in g)
    nodes = {
        n: Node(
            name=n,
            x=PAD + (pos[n][0] - min(xs)) / span_x * (WIDTH - 2 * PAD),
            y=PAD / 2 + (pos[n][1] - min(ys)) / span_y * (HEIGHT - PAD),
            r=7 + 9 * g.nodes[n]["weight"] / top,
            weight=g.nodes[n]["weight"],
        )
        for n in g
    }
    edges = [
        Edge(nodes[a], nodes[b], info["polarity"], info["weight"], ", ".join(info["labels"]))
        for (a, b), info in pairs.items()
        if a in nodes and b in nodes
    ]
    return ActorGraph(list(nodes.values()), edges)
