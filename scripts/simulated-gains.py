#!/usr/bin/env python3
"""Simulated cycles of the mapper's picks (issue #16, docs/mapper.md "Simulated cycles"): the analytical tie-break against
the simulated tie-break (same energy) and the latency-sim objective (any energy).

Two modes, each printing a Markdown table for docs/mapper.md:

    table                       the (layer, architecture) cases of docs/mapper.md's table: analytical tie-break
                                (--simulation-cap 0) against the simulated tie-break (--simulation-cap 64, map's default)
    scan --model M --arch A     every distinct MAC layer shape of a zoo model: energy pick (cap 0), simulated tie-break
                                and latency-sim, simulated cycles and energy, to find where simulated cycles gain most

Builds the CLI once (Release) into a scratch folder unless --cli names a built `accelsim`; runs one `accelsim map --json`
per figure, one at a time. Cycles are deterministic, so the machine's load does not matter; still run it under the build
lock on the shared machine, e.g. `flock -o /tmp/accelsim-build.lock python3 scripts/simulated-gains.py table`.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TABLE = [
    ("tpu-v1", "mobilenet-v1", "conv4_pw"),
    ("tpu-v1", "resnet50", "res4b_branch2a"),
    ("simba", "resnet50", "res4b_branch2a"),
    ("simba", "mobilenet-v1", "conv4_pw"),
    ("simba", "alexnet", "conv3"),
    ("simba", "vgg16", "conv3_2"),
]


def build():
    out = os.path.join(tempfile.mkdtemp(prefix="accelsim-simulated-gains-"), "cli")
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "AccelSim.Cli"), "-c", "Release", "--nologo", "-v", "quiet",
                    "-o", out], check=True, stdout=sys.stderr)
    return os.path.join(out, "accelsim")


def map_json(cli, model, layer, arch, *extra, timeout=300):
    """One `accelsim map` of a layer; returns its JSON (None when it failed or timed out)."""
    path = os.path.join(tempfile.mkdtemp(prefix="accelsim-map-"), "map.json")
    try:
        run = subprocess.run([cli, "map", "--model", model, "--layer", layer, "--arch", arch, "--json", path, *extra],
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if run.returncode != 0:
        sys.stderr.write(f"{model} {layer} {arch} {' '.join(extra)}: {run.stderr.strip()}\n")
        return None
    with open(path) as f:
        return json.load(f)


def pct(new, old):
    return f"{(new - old) / old * 100:+.1f} %"


def table(cli):
    print("| case | analytical tie-break (cap 0) | simulated tie-break | tied / simulated / skipped by the bound / capped |")
    print("|---|---:|---:|---|")
    for arch, model, layer in TABLE:
        a = map_json(cli, model, layer, arch, "--simulation-cap", "0")
        s = map_json(cli, model, layer, arch)
        if a is None or s is None:
            print(f"| {arch}, {model} {layer} | failed | | |")
            continue
        assert a["energy"] == s["energy"], "the tie-break never changes the energy"
        sim = s["search"]["simulation"]
        ca, cs = a["simulated"]["cycles"], s["simulated"]["cycles"]
        proven = "proven" if sim["proven"] else "not proven"
        print(f"| {arch}, {model} {layer} | {ca:,} | {cs:,} ({pct(cs, ca)}, {proven}) | "
              f"{sim['candidates']:,} / {sim['simulated']:,} / {sim['skipped_by_bound']:,} / {sim['capped']:,} |")


def mac_layers(cli, model):
    """(name, shape) of every MAC layer of a zoo model, first of each distinct shape."""
    out = subprocess.run([cli, "zoo", model], capture_output=True, text=True, check=True).stdout
    seen, layers = set(), []
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) < 6 or not re.match(r"N\d+ G\d+ M\d+", cells[3]):
            continue
        name, shape = cells[1], cells[3]
        if shape not in seen:
            seen.add(shape)
            layers.append((name, shape))
    return layers


def scan(cli, model, arch, timeout):
    print(f"{model} on {arch}: simulated cycles of the energy pick (analytical tie-break), the simulated tie-break (same "
          "energy) and latency-sim (fewest simulated cycles, any energy)\n")
    print("| layer | shape | energy pick | simulated tie-break | latency-sim | latency-sim energy |")
    print("|---|---|---:|---:|---:|---:|")
    for name, shape in mac_layers(cli, model):
        a = map_json(cli, model, name, arch, "--simulation-cap", "0", timeout=timeout)
        s = map_json(cli, model, name, arch, timeout=timeout)
        l = map_json(cli, model, name, arch, "--objective", "latency-sim", timeout=timeout)
        if a is None:
            print(f"| {name} | {shape} | failed or over {timeout:.0f} s | | | |")
            continue
        ca = a["simulated"]["cycles"]
        tie = f"{s['simulated']['cycles']:,} ({pct(s['simulated']['cycles'], ca)})" if s else "-"
        lat = f"{l['simulated']['cycles']:,} ({pct(l['simulated']['cycles'], ca)})" if l else "-"
        energy = pct(l["energy"], a["energy"]) if l else "-"
        print(f"| {name} | {shape} | {ca:,} | {tie} | {lat} | {energy} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["table", "scan"])
    parser.add_argument("--cli", help="a built accelsim (default: build one)")
    parser.add_argument("--model")
    parser.add_argument("--arch")
    parser.add_argument("--timeout", type=float, default=300.0, help="stop one map after this many seconds (default 300)")
    args = parser.parse_args()
    cli = args.cli or build()
    if args.mode == "table":
        table(cli)
    else:
        if not args.model or not args.arch:
            parser.error("scan needs --model and --arch")
        scan(cli, args.model, args.arch, args.timeout)


if __name__ == "__main__":
    main()
