#!/usr/bin/env python3
"""Issue #16's race against Timeloop: AlexNet CONV1-5 on Timeloop's eyeriss_like under EDP, AccelSim against Timeloop's best.

For each Timeloop problem file of a folder (default: the test suite's copies of timeloop-accelergy-exercises'
layer_shapes/CONV/AlexNet), runs one `accelsim map` on Timeloop's own eyeriss_like specification and ERT with Timeloop's
counting rules, the rs-timeloop dataflow (its constraints) and the EDP objective, and prints a Markdown table: EDP in
J*cycle (energy in J, whole blocks and leakage included, times the analytical cycles, as Timeloop reports them), energy
in uJ, cycles, utilization, the search's own time (`search.seconds` of --json: the first search of a fresh process, JIT
included; BenchmarkDotNet's warm figures are in docs/benchmarks.md) and Timeloop's best figures from issue #16.

The CLI is built once (Release) into a scratch folder unless --cli names one. The machine is shared: run it under the
build lock, e.g.
    flock /tmp/accelsim-build.lock python3 scripts/timeloop-race.py [--exhaustive] [--halo pre-297]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "tests", "AccelSim.Tests", "Interop", "TimeloopReference")

# Timeloop's random mapper with up to 300 s per layer on a 2-core machine (issue #16): EDP in J*cycle, energy in uJ.
TIMELOOP_BEST = {
    "AlexNet_layer1": (182, 248.94),
    "AlexNet_layer2": (3410, 1095.04),
    "AlexNet_layer3": (352, 367.50),
    "AlexNet_layer4": (778, 540.85),
    "AlexNet_layer5": (342, 356.47),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", default=os.path.join(REFERENCE, "alexnet"), help="folder of Timeloop problem files")
    parser.add_argument("--spec", default=os.path.join(REFERENCE, "eyeriss_like", "parsed-processed-input.yaml"),
                        help="Timeloop flattened specification (default: eyeriss_like's)")
    parser.add_argument("--ert", default=os.path.join(REFERENCE, "eyeriss_like", "timeloop-mapper.ERT.yaml"), help="its ERT")
    parser.add_argument("--halo", default="head", choices=["head", "pre-297"], help="Timeloop's halo rule (default head)")
    parser.add_argument("--exhaustive", action="store_true", help="the sound search (optimum of the declared space)")
    parser.add_argument("--cli", help="an accelsim executable (default: build one)")
    args = parser.parse_args()

    layers = sorted(f[:-5] for f in os.listdir(args.problems) if f.endswith(".yaml")) if os.path.isdir(args.problems) else []
    if not layers:
        sys.exit(f"error: {args.problems}: --problems: no folder of Timeloop problem files (*.yaml)")
    scratch = tempfile.mkdtemp(prefix="accelsim-timeloop-race-")
    cli = args.cli or build(scratch)
    rows = []  # printed once every layer has run, so that an error leaves no half table
    total_energy = 0.0
    for layer in layers:
        out = os.path.join(scratch, layer + ".json")
        command = [cli, "map", "--model", os.path.join(args.problems, layer + ".yaml"), "--layer", layer, "--arch", args.spec,
                   "--ert", args.ert, "--counting", "timeloop", "--timeloop-halo", args.halo, "--dataflow", "rs-timeloop",
                   "--objective", "edp", "--simulation-cap", "0", "--json", out]
        run = subprocess.run(command + (["--exhaustive"] if args.exhaustive else []), capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stderr.strip().splitlines()[0] if run.stderr.strip() else f"error: {layer}: accelsim exited {run.returncode}")
        with open(out) as f:
            result = json.load(f)
        if result["energy_unit"] != "pJ":
            sys.exit(f"error: {args.ert}: --ert: {layer}'s energy is in {result['energy_unit']}, not pJ (give the design's ERT)")
        energy_uj = result["energy"] * 1e-6
        cycles = result["analytical_cycles"]
        edp = result["energy"] * 1e-12 * cycles
        total_energy += energy_uj
        best_edp, best_energy = TIMELOOP_BEST.get(layer, (None, None))
        rows.append(f"| {layer} | {edp:.1f}{' **over**' if best_edp is not None and edp > best_edp else ''} | {fmt(best_edp)} "
              f"| {energy_uj:.2f} | {fmt(best_energy)} | {cycles:,} | {result['utilization'] * 100:.1f} % "
              f"| {result['search']['seconds']:.2f} | {result['search']['evaluations']:,} |")
    print(f"`accelsim map --counting timeloop --timeloop-halo {args.halo} --dataflow rs-timeloop --objective edp"
          f"{' --exhaustive' if args.exhaustive else ''}` on {os.path.relpath(args.spec, ROOT)}\n")
    print("| layer | EDP (J·cycle) | Timeloop's best | energy (µJ) | Timeloop's best | cycles | utilization | search (s) | evaluations |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    print(f"\nTotal energy {total_energy:.2f} µJ (Timeloop's shipped settings: 3110.55 µJ in 45.95 s wall).")


def build(scratch):
    folder = os.path.join(scratch, "cli")
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "AccelSim.Cli"), "-c", "Release", "--nologo", "-v", "quiet",
                    "-o", folder], check=True, stdout=sys.stderr)
    return os.path.join(folder, "accelsim")


def fmt(value):
    return "-" if value is None else f"{value:g}"


if __name__ == "__main__":
    main()
