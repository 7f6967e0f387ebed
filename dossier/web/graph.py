"""The story's actor graph: who acts on, speaks about, backs or opposes whom.

Laid out on the server with networkx's spring layout (seeded, so the same story
always draws the same picture) and drawn as a static SVG: no JavaScript library,
no CDN, and the picture is in the page even with scripts off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from dossier.extract.text import is_actor_name
from dossier.web.schemas import EventOut, StanceOut

WIDTH, PAD, MIN_HEIGHT = 460.0, 50.0, 140.0  # about the card's width: names stay legible
MAX_NODES = 16  # beyond this a picture stops explaining; the busiest actors are kept
EDGE = 72.0  # typical edge length in view-box units
GAP, SHELF_GAP = 46.0, 64.0  # room beside groups, and between rows (names go above/below)
SOLO = 110.0  # the least width a group takes, so short groups' names do not collide
LABEL_CHARS, CHAR_WIDTH = 26, 6.6  # labels are cut at 26 characters of ~6.6 units at 12px
NODE_GAP = 10.0  # the least room between two nodes' circles


@dataclass
class Node:
    name: str
    x: float
    y: float
    r: float
    weight: int
    label_x: float = 0.0
    label_y: float | None = None  # None: the name stays in the tooltip (no room to draw it)
    label_anchor: str = "middle"  # SVG text-anchor: middle (below/above), start, end (beside)


@dataclass
class Edge:
    source: Node
    target: Node
    polarity: int  # +1 support, -1 opposition, 0 other interaction
    weight: int
    label: str


@dataclass
class Pair:
    """Two actors linked to each other and to no one else: a line of text, not a picture."""

    source: str
    target: str
    polarity: int
    label: str
    weight: int  # reports of it


@dataclass
class ActorGraph:
    nodes: list[Node]
    edges: list[Edge]
    width: float = WIDTH
    height: float = MIN_HEIGHT
    pairs: list[Pair] = field(default_factory=list)


def build_graph(events: list[EventOut], stances: list[StanceOut]) -> ActorGraph:
    """Nodes are actors; an edge per (source, target) pair, signed by stance when known."""
    g = nx.Graph()
    pairs: dict[tuple[str, str], dict] = {}

    def add(src: str | None, dst: str | None, polarity: int, label: str) -> None:
        if not src or not dst or src == dst or not (is_actor_name(src) and is_actor_name(dst)):
            return  # a thing ("the borders") or a count ("two people") is no node
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
    keep = sorted(g.nodes, key=lambda n: (-g.nodes[n]["weight"], n))[:MAX_NODES]
    g = g.subgraph(keep).copy()
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])  # partner cut off above
    if not g:
        return ActorGraph([], [])
    groups = components(g)
    # A pair alone floats as two dots and two names far from the rest: it reads better
    # as one line of text under the picture ("Police opposes Protesters").
    alone = [Pair(a, b, info["polarity"], ", ".join(info["labels"]), info["weight"])
             for (a, b), info in pairs.items()
             if any(len(c) == 2 and a in c and b in c for c in groups)]
    groups = [c for c in groups if len(c) > 2]
    if not groups:
        return ActorGraph([], [], pairs=alone)
    top = max(g.nodes[n]["weight"] for c in groups for n in c)
    laid = [spread(layout_group(g.subgraph(c))) for c in groups]
    boxes = pack([group_size(pos) for pos in laid], WIDTH - 2 * PAD)
    nodes: dict[str, Node] = {}
    for pos, (bx, by) in zip(laid, boxes, strict=True):
        x0 = min(x for x, _ in pos.values())
        y0 = min(y for _, y in pos.values())
        for name, (x, y) in pos.items():
            nodes[name] = Node(name=name, x=PAD + bx + x - x0, y=PAD / 2 + by + y - y0,
                               r=7 + 9 * g.nodes[name]["weight"] / top,
                               weight=g.nodes[name]["weight"])
    place_labels(sorted(nodes.values(), key=lambda n: -n.weight))
    height = max(n.y + n.r for n in nodes.values()) + PAD / 2
    edges = [
        Edge(nodes[a], nodes[b], info["polarity"], info["weight"], ", ".join(info["labels"]))
        for (a, b), info in pairs.items()
        if a in nodes and b in nodes
    ]
    return ActorGraph(list(nodes.values()), edges, height=max(height, MIN_HEIGHT), pairs=alone)


def components(g: nx.Graph) -> list[list[str]]:
    """Connected groups of actors, biggest first (stable order for a stable picture)."""
    return sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))


def layout_group(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """One connected group in view-box units: laid out alone, turned to lie flat, scaled
    to a common edge length. Laying out groups one by one keeps a spring layout from
    flinging unconnected groups to the corners and crushing each of them; turning a
    group along its long axis makes chains read left to right instead of running
    down the page."""
    names = sorted(g)  # every group has an edge: lone actors were dropped
    if len(names) == 2:
        return {names[0]: (0.0, 0.0), names[1]: (EDGE, 0.0)}
    raw = nx.spring_layout(g, seed=7, iterations=200)
    xy = np.array([raw[n] for n in names], dtype=float)
    xy -= xy.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(xy.T))
    xy = xy @ vectors[:, ::-1]  # the long axis first: x
    index = {n: i for i, n in enumerate(names)}
    lengths = [np.linalg.norm(xy[index[a]] - xy[index[b]]) for a, b in g.edges]
    xy *= EDGE / (float(np.median(lengths)) or 1.0)
    width = float(np.ptp(xy[:, 0]))
    if width > WIDTH - 2 * PAD:  # a group wider than the picture is shrunk to fit
        xy *= (WIDTH - 2 * PAD) / width
    return {n: (float(xy[i, 0]), float(xy[i, 1])) for n, i in index.items()}


def spread(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Push apart nodes a spring layout left on top of each other (a hub's leaves bunch):
    every two end at least two of the biggest circles and ``NODE_GAP`` apart."""
    names = sorted(pos)
    xy = np.array([pos[n] for n in names], dtype=float)
    least = 2 * 16 + NODE_GAP  # 16: the biggest circle's radius (7 + 9)
    for _ in range(100):
        moved = False
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                gap = xy[j] - xy[i]
                dist = float(np.hypot(*gap))
                if dist >= least:
                    continue
                step = gap / dist if dist > 1e-6 else np.array([1.0, 0.0])
                push = (least - dist) / 2 + 0.01
                xy[i] -= step * push
                xy[j] += step * push
                moved = True
        if not moved:
            break
    return {n: (float(xy[k, 0]), float(xy[k, 1])) for k, n in enumerate(names)}


def group_size(pos: dict[str, tuple[float, float]]) -> tuple[float, float]:
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    return max(xs) - min(xs), max(ys) - min(ys)


def pack(sizes: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """Top-left corners for boxes of ``sizes`` (w, h), in shelves across ``width``."""
    corners, x, y, shelf = [], 0.0, 0.0, 0.0
    for w, h in sizes:
        span = max(w, SOLO)
        if x > 0 and x + span > width:
            x, y, shelf = 0.0, y + shelf + SHELF_GAP, 0.0
        corners.append((x + (span - w) / 2, y))
        x += span + GAP
        shelf = max(shelf, h)
    return corners


def label_box(n: Node) -> tuple[float, float, float, float]:
    """The box a drawn name takes (x0, y0, x1, y1), from its anchor."""
    w = min(len(n.name), LABEL_CHARS) * CHAR_WIDTH
    x0 = {"middle": n.label_x - w / 2, "start": n.label_x, "end": n.label_x - w}[n.label_anchor]
    y = n.label_y if n.label_y is not None else 0.0
    return (x0, y - 11, x0 + w, y + 2)


def place_labels(nodes: list[Node]) -> None:
    """Name the busiest actors first: below, above, right or left of their node (then
    below or above, running off to one side). A name
    never covers another name or a node; one with no free side is left to the node's
    tooltip rather than drawn over the picture."""
    taken: list[tuple[float, float, float, float]] = [
        (n.x - n.r - 1, n.y - n.r - 1, n.x + n.r + 1, n.y + n.r + 1) for n in nodes]
    for n in nodes:
        w = min(len(n.name), LABEL_CHARS) * CHAR_WIDTH
        x = min(max(n.x, w / 2 + 2), WIDTH - w / 2 - 2)  # slid inward at the picture's edges
        below, above = n.y + n.r + 13, n.y - n.r - 5
        sides = [(x, below, "middle"), (x, above, "middle"),
                 (n.x + n.r + 4, n.y + 4, "start"), (n.x - n.r - 4, n.y + 4, "end"),
                 (n.x - n.r, below, "start"), (n.x + n.r, below, "end"),
                 (n.x - n.r, above, "start"), (n.x + n.r, above, "end")]
        for lx, ly, anchor in sides:
            n.label_x, n.label_y, n.label_anchor = lx, ly, anchor
            box = label_box(n)
            if box[0] >= 0 and box[2] <= WIDTH and not any(_overlap(box, t) for t in taken):
                taken.append(box)
                break
        else:
            n.label_y, n.label_anchor = None, "middle"


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
