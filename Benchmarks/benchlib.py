"""Shared by the benchmark scripts: run a command several times, report wall time and peak RSS."""
import statistics, subprocess, sys, time


def measure(cmd, cwd, runs, ok=(0,)):
    """(min wall s, median wall s, max peak RSS MiB) over `runs` runs; None when a run fails."""
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        if p.returncode not in ok:
            sys.stderr.write("failed (%d): %s\n%s\n" % (p.returncode, " ".join(cmd[:6]), p.stderr.decode()[-800:]))
            return None
        peaks.append(int(p.stderr.decode().strip().splitlines()[-1]) / 1024)
    return min(walls), statistics.median(walls), max(peaks)


def buf_workspace(pairs, includes=(), category="WIRE_JSON"):
    """A temporary folder holding each (name, tree) of `pairs` as a buf module with a breaking config,
    the include roots' .proto files copied beside (buf has no -I). Returns the folder."""
    import os, shutil, tempfile
    work = tempfile.mkdtemp(prefix="bench-buf-")
    for side, path in pairs:
        shutil.copytree(path, os.path.join(work, side))
        for inc in includes:
            for f in os.listdir(inc):
                if f.endswith(".proto") and not os.path.exists(os.path.join(work, side, f)):
                    shutil.copy(os.path.join(inc, f), os.path.join(work, side, f))
        with open(os.path.join(work, side, "buf.yaml"), "w") as f:
            f.write("version: v2\nbreaking:\n  use:\n    - %s\n" % category)
    return work


def exponent(sizes, values):
    """The exponent b of a least-squares fit values = a * sizes^b (log-log)."""
    import math
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def arguments(doc, runs=3):
    """The options every benchmark takes: the binary, ../shared, and how many runs."""
    import argparse, os
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--runs", type=int, default=runs)
    return ap
