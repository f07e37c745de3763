"""The schema pairs an oracle run checks, reproducibly from a seed: consecutive and random LiveKit tag
pairs from ../shared, and mutated pairs of the bases (the kitchen protos, the examples, LiveKit tags)."""
import os

from .mutations import CATALOGUE, SCALAR_SWEEP


class PairSpec:
    def __init__(self, kind, old, new, mutation=None, base=None):
        self.kind = kind          # "livekit-consecutive", "livekit-random", or "mutation"
        self.old, self.new = old, new
        self.mutation = mutation  # the catalogue entry, for mutated pairs
        self.base = base          # the base's name, for mutated pairs

    @property
    def name(self):
        if self.kind == "mutation":
            return "%s on %s" % (self.mutation, self.base)
        return "livekit %s -> %s" % (self.old, self.new)


def livekit_tags(shared):
    manifest = os.path.join(shared, "corpus", "livekit", "MANIFEST.tsv")
    if not os.path.exists(manifest):
        return []
    rows = [line.rstrip("\n").split("\t") for line in open(manifest)][1:]
    def version_key(tag):
        return [int(p) if p.isdigit() else p for p in tag.lstrip("v").replace("-", ".").split(".")]
    rows.sort(key=lambda r: (r[3], version_key(r[0])))
    return [r[0] for r in rows]


BASES = ["kitchen", "examples", "editions"]


def bases_for(kind, bases):
    """The bases a kind can change: the scalar sweep uses the kitchen, features need an editions file."""
    if kind.startswith("scalar_type:"):
        return ["kitchen"]
    if kind.startswith("feature:"):
        return ["editions"]
    return bases


def choose(rng, count, tags, full=False):
    """`count` pairs: about two fifths consecutive LiveKit pairs, a tenth random LiveKit pairs, the rest
    mutations (catalogue kinds in a seeded order, then the scalar sweep). `full`: every consecutive pair,
    every catalogue kind on every base, and the whole scalar sweep."""
    consecutive = [PairSpec("livekit-consecutive", a, b) for a, b in zip(tags, tags[1:])]
    bases = BASES + (["livekit:" + t for t in tags[-3:]] if tags else [])
    if full:
        pairs = list(consecutive)
        for i in range(30 if tags else 0):
            a, b = sorted(rng.sample(range(len(tags)), 2))
            pairs.append(PairSpec("livekit-random", tags[a], tags[b]))
        for kind in CATALOGUE:
            for base in bases_for(kind, bases):
                pairs.append(PairSpec("mutation", None, None, kind, base))
        for kind in SCALAR_SWEEP:
            pairs.append(PairSpec("mutation", None, None, kind, "kitchen"))
        return pairs
    pairs = []
    n_consecutive = min(len(consecutive), count * 2 // 5) if tags else 0
    n_random = min(count // 10, len(tags)) if tags else 0
    pairs += rng.sample(consecutive, n_consecutive)
    for _ in range(n_random):
        a, b = sorted(rng.sample(range(len(tags)), 2))
        pairs.append(PairSpec("livekit-random", tags[a], tags[b]))
    kinds = list(CATALOGUE)
    rng.shuffle(kinds)
    sweep = list(SCALAR_SWEEP)
    rng.shuffle(sweep)
    order = kinds + sweep
    i = 0
    while len(pairs) < count:
        kind = order[i % len(order)]
        base = rng.choice(bases_for(kind, bases))
        pairs.append(PairSpec("mutation", None, None, kind, base))
        i += 1
    return pairs
