#!/usr/bin/env python3
"""Re-measures docs/validation.md's "Imperfect factorization on eyeriss (issue #15)" table.

Runs `accelsim map` per row, once with the default search (before) and once with --imperfect (after), with
--simulation-cap 0, and prints the markdown rows. Each run takes the shared build lock on its own (team rules).
Usage: scripts/imperfect-table.py [DLL] (default: the Release build of src/AccelSim.Cli).
"""
import json, subprocess, sys, tempfile, os
from decimal import Decimal, ROUND_HALF_UP

DLL = sys.argv[1] if len(sys.argv) > 1 else "src/AccelSim.Cli/bin/Release/net10.0/accelsim.dll"
ROWS = [  # (label, model, layer, arch, objective)
    ("MobileNet v1 conv4_pw", "mobilenet-v1", "conv4_pw", "eyeriss", "energy"),
    ("MobileNet v1 conv4_pw", "mobilenet-v1", "conv4_pw", "eyeriss", "latency"),
    ("MobileNet v1 conv2_pw", "mobilenet-v1", "conv2_pw", "eyeriss", "energy"),
    ("MobileNet v1 conv14_pw", "mobilenet-v1", "conv14_pw", "eyeriss", "energy"),
    ("MobileNet v1 conv14_pw", "mobilenet-v1", "conv14_pw", "eyeriss", "latency"),
    ("ResNet-50 res2a_branch2a (1x1)", "resnet50", "res2a_branch2a", "eyeriss", "energy"),
    ("ResNet-50 res2a_branch2a (1x1)", "resnet50", "res2a_branch2a", "eyeriss", "latency"),
    ("ResNet-50 res3a_branch2a (1x1)", "resnet50", "res3a_branch2a", "eyeriss", "energy"),
    ("AlexNet conv1", "alexnet", "conv1", "eyeriss", "energy"),
    ("AlexNet conv1", "alexnet", "conv1", "eyeriss", "latency"),
    ("AlexNet conv2", "alexnet", "conv2", "eyeriss", "energy"),
    ("AlexNet conv3", "alexnet", "conv3", "eyeriss", "energy"),
    ("AlexNet conv4", "alexnet", "conv4", "eyeriss", "energy"),
    ("AlexNet conv5", "alexnet", "conv5", "eyeriss", "energy"),
    ("BERT-base-512 scores (Q·Kᵀ)", "bert-base-encoder-512", "scores", "eyeriss", "energy"),
    ("BERT-base-512 scores (Q·Kᵀ)", "bert-base-encoder-512", "scores", "eyeriss", "latency"),
    ("BERT-base-512 context (A·V)", "bert-base-encoder-512", "context", "eyeriss", "energy"),
    ("BERT-base-512 context (A·V)", "bert-base-encoder-512", "context", "eyeriss", "latency"),
    ("AlexNet conv1 on systolic-32x32", "alexnet", "conv1", "systolic-32x32", "latency"),
]


def measure(model, layer, arch, objective, imperfect):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        cmd = ["flock", "-o", "/tmp/accelsim-build.lock", "timeout", "300", "dotnet", DLL, "map", "--model", model,
               "--layer", layer, "--arch", arch, "--objective", objective, "--simulation-cap", "0", "--json", out]
        if imperfect:
            cmd.append("--imperfect")
        if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
            return None
        with open(out) as f:
            d = json.load(f)
    return {"compute": d["compute_cycles"], "analytical": d["analytical_cycles"], "util": d["utilization"],
            "pj": d["energy_per_mac"], "sim": d["simulated"]["cycles"], "seconds": d["search"]["seconds"]}


def change(a, b, text):
    if a == b:
        return f"{text(a)} → same"
    percent = (Decimal(b) - Decimal(a)) / Decimal(a) * 100  # exact, rounded half up as the docs round
    return f"{text(a)} → {text(b)} ({percent.quantize(Decimal('0.1'), ROUND_HALF_UP):+} %)".replace("-", "−")


def main():
    print("| layer | objective | compute cycles | analytical cycles | utilization | energy (pJ/MAC) | simulated cycles "
          "| search s |")
    print("|---|---|---|---|---|---|---|---|")
    for label, model, layer, arch, objective in ROWS:
        before = measure(model, layer, arch, objective, False)
        after = measure(model, layer, arch, objective, True)
        if before is None or after is None:
            print(f"| {label} | {objective} | failed or timed out (300 s) | | | | | |", flush=True)
            continue
        cells = [change(before[k], after[k], t) for k, t in [
            ("compute", lambda v: f"{v:,}"), ("analytical", lambda v: f"{v:,}"),
            ("util", lambda v: f"{v * 100:.1f} %"), ("pj", lambda v: f"{v:.3f}"), ("sim", lambda v: f"{v:,}")]]
        cells[2] = f"{before['util'] * 100:.1f} % → {after['util'] * 100:.1f} %"
        print(f"| {label} | {objective} | " + " | ".join(cells)
              + f" | {before['seconds']:.1f} → {after['seconds']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
