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
