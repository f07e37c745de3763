"""Shared by the benchmark scripts: run a command several times, report wall time and peak RSS."""
import statistics, subprocess, sys, time


def run_once(cmd, cwd, ok):
    """(wall s, peak RSS MiB) of one run; None when it fails."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if p.returncode not in ok:
        sys.stderr.write("failed (%d): %s\n%s\n" % (p.returncode, " ".join(cmd[:6]), p.stderr.decode()[-800:]))
        return None
    return wall, int(p.stderr.decode().strip().splitlines()[-1]) / 1024


def summary(samples):
    """(min wall s, median wall s, max peak RSS MiB) of (wall, RSS) samples."""
    walls = [w for w, _ in samples]
    return min(walls), statistics.median(walls), max(p for _, p in samples)


def measure(cmd, cwd, runs, ok=(0,)):
    """(min wall s, median wall s, max peak RSS MiB) over `runs` runs; None when a run fails."""
    samples = []
    for _ in range(runs):
        sample = run_once(cmd, cwd, ok)
        if sample is None:
            return None
        samples.append(sample)
    return summary(samples)


def measure_interleaved(jobs, runs):
    """`measure` for several (cmd, cwd, ok) jobs run in turn, one run of each per round, so that every
    tool meets the same load on a shared machine (run one after the other, a tool timed in a busy
    minute and its peer in a quiet one gave ratios 30 % apart). A list of summaries (None: failed)."""
    samples = [[] for _ in jobs]
    failed = [False] * len(jobs)
    for _ in range(runs):
        for index, (cmd, cwd, ok) in enumerate(jobs):
            if failed[index]:
                continue
            sample = run_once(cmd, cwd, ok)
            if sample is None:
                failed[index] = True
            else:
                samples[index].append(sample)
    return [None if failed[i] else summary(samples[i]) for i in range(len(jobs))]


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
