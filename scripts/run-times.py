#!/usr/bin/env python3
"""Wall time of `accelsim run` for every zoo model on every shipped architecture (issue #16: at most 10 s each).

Builds the CLI once (Release) into a scratch folder, then runs each (model, architecture) pair once, one at a time, timing
each run here (wall clock around the process, including start-up), and prints a Markdown table for docs/benchmarks.md:
one row per model, one column per architecture, seconds, with runs over the target marked and runs stopped at the timeout
shown as "> T s". Speed is otherwise measured with BenchmarkDotNet (bench/); this is one run each, as the issue asks.

The machine is shared: run it under the build lock so that nothing else builds meanwhile, e.g.
    flock /tmp/accelsim-build.lock python3 scripts/run-times.py --timeout 20 > /tmp/run-times.md
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = 10.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="stop a run after this many seconds (default 20)")
    parser.add_argument("--models", help="comma-separated zoo models (default: the whole zoo)")
    parser.add_argument("--archs", help="comma-separated shipped architectures (default: all)")
    parser.add_argument("--exhaustive", action="store_true", help="pass --exhaustive (the sound search, the default: changes nothing)")
    parser.add_argument("--fast", action="store_true", help="time `accelsim run --fast` (the heuristic search)")
    args = parser.parse_args()
    search = (["--exhaustive"] if args.exhaustive else []) + (["--fast"] if args.fast else [])

    scratch = tempfile.mkdtemp(prefix="accelsim-run-times-")
    build = os.path.join(scratch, "cli")
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "AccelSim.Cli"), "-c", "Release", "--nologo", "-v", "quiet",
                    "-o", build], check=True, stdout=sys.stderr)
    cli = os.path.join(build, "accelsim")
    models = args.models.split(",") if args.models else zoo_models(cli)
    archs = args.archs.split(",") if args.archs else shipped_archs(cli)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()

    times = {}
    for model in models:
        for arch in archs:
            out = os.path.join(scratch, "out", f"{model}-{arch}")
            start = time.monotonic()
            try:
                run = subprocess.run([cli, "run", "--model", model, "--arch", arch, "-q", "--out", out, *search],
                                     capture_output=True, text=True, timeout=args.timeout)
                seconds = time.monotonic() - start
                times[model, arch] = (seconds, None if run.returncode == 0 else first_line(run.stderr))
            except subprocess.TimeoutExpired:
                times[model, arch] = (None, None)
            print(f"{model} on {arch}: {cell(times[model, arch], args.timeout)}", file=sys.stderr, flush=True)

    print(f"Measured at commit {commit}{' (with uncommitted changes)' if dirty else ''}, "
          f"`python3 scripts/run-times.py --timeout {args.timeout:g}{''.join(' ' + f for f in search)}`, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"wall seconds of one `accelsim run --model M --arch A -q{''.join(' ' + f for f in search)}` each (Release, built once first); "
          f"**bold**: over the {TARGET:g} s target; \"> {args.timeout:g} s\": stopped at the timeout.\n")
    print("| model | " + " | ".join(archs) + " |")
    print("|---|" + "---:|" * len(archs))
    for model in models:
        print(f"| {model} | " + " | ".join(cell(times[model, a], args.timeout) for a in archs) + " |")
    over = [k for k, (s, e) in times.items() if e is None and (s is None or s > TARGET)]
    failed = [k for k, (s, e) in times.items() if e is not None]
    print(f"\n{len(times)} runs: {len(over)} over {TARGET:g} s"
          + (f", {len(failed)} refused by accelsim (error shown in the cell)" if failed else "") + ".")


def cell(entry, timeout):
    seconds, error = entry
    if seconds is None:
        return f"**> {timeout:g} s**"
    if error is not None:
        return f"error ({error[:60]})"
    text = f"{seconds:.1f}"
    return f"**{text}**" if seconds > TARGET else text


def first_line(text):
    return (text.strip().splitlines() or ["exit code != 0"])[0].replace("|", "/")


def zoo_models(cli):
    listing = subprocess.run([cli, "zoo", "--format", "csv"], capture_output=True, text=True, check=True).stdout
    return [row["model"] for row in csv.DictReader(io.StringIO(listing))]


def shipped_archs(cli):
    listing = subprocess.run([cli, "arch"], capture_output=True, text=True, check=True).stdout
    names = []
    for line in listing.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if len(cells) > 1 and cells[0] and cells[0] != "name" and "─" not in cells[0]:
            names.append(cells[0])
    return names


if __name__ == "__main__":
    main()
