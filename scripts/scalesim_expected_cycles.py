#!/usr/bin/env python3
"""SCALE-Sim v2's total cycles per layer, computed from its source formulas (issue #19, part B).

Reads SCALE-Sim's topology CSVs (from its repository, read-only) and prints, per layer and array, the cycles SCALE-Sim
reports with no memory stalls. The AccelSim side (its fixed mappings replayed with imperfect factors and flattened
array axes, #15) is compared against these figures + 1 once #15 lands; see docs/validation.md.

Where each formula comes from (scale-sim-v2, commit 22f88b17f1dd3160e18bff5df165035bf8146e83):
- output size: scalesim/topology_utils.py lines 209-210, ofmap = ceil((ifmap - filt + stride) / stride); one stride
  column serves both directions (append_topo_arrays, "Add the same stride in the col direction").
- window: topology_utils.py line 212, filt_h * filt_w * channels.
- operand matrices: OS uses Sr = ofmap pixels, Sc = filters, T = window (systolic_compute_os.py lines 69-71);
  WS uses Sr = window, Sc = filters, T = ofmap pixels (systolic_compute_ws.py lines 67-69); IS uses Sr = window,
  Sc = ofmap pixels, T = filters (systolic_compute_is.py lines 69-71).
- folds: ceil(Sr / rows) * ceil(Sc / cols) (systolic_compute_os.py 75-76, systolic_compute_ws.py 73-74,
  systolic_compute_is.py 75-76).
- one fold: T + rows + cols - 2 (OS: the cols - 1 drain suffix, then skew_matrix's rows - 1); WS adds rows cycles of
  weight loading (systolic_compute_ws.py create_ifmap_demand_mat, inter_fold_gap_prefix = self.arr_row, line 181);
  IS adds rows cycles of loading the stationary ifmap (systolic_compute_is.py create_ifmap_demand_mat: the fold's
  arr_row ifmap rows, then inter_fold_gap_suffix = arr_row + arr_col + T - 2, lines 184 and 216; its filter demand,
  prefix arr_row at 242, suffix arr_col - 1 at 245 and skew at 272, has the same length).
- SCALE-Sim reports the index of the last cycle: folds * fold - 1. Checked against its golden COMPUTE_REPORT.csv
  (test/golden_trace: alexnet_part.csv conv1, 32x32 WS, 112283), which this script asserts.

Usage: scripts/scalesim_expected_cycles.py [SCALESIM_GIT_DIR] [--is] > expected.csv
(--is: input stationary on 32x32 and 256x256 instead; not part of expected-cycles.csv, docs/validation.md)
"""
import csv
import io
import math
import subprocess
import sys

ARGS = [a for a in sys.argv[1:] if a != "--is"]
REPO = ARGS[0] if ARGS else "/work/.mirror/scalesim-project+scale-sim-v2/repo"
NETWORKS = {"alexnet": "topologies/conv_nets/alexnet.csv",
            "Resnet18": "topologies/conv_nets/Resnet18.csv",
            "mobilenet": "topologies/conv_nets/mobilenet.csv"}
ARRAYS = [("is", 32, 32), ("is", 256, 256)] if "--is" in sys.argv[1:] else [("os", 32, 32), ("ws", 32, 32), ("ws", 256, 256)]


def layers(path):
    text = subprocess.run(["git", "-C", REPO, "show", f"HEAD:{path}"], check=True, capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        name, h, w, r, s, c, m, stride = cells[0], *map(int, cells[1:8])
        yield name, h, w, r, s, c, m, stride


def reported_cycles(dataflow, rows, cols, h, w, r, s, c, m, stride):
    p = math.ceil((h - r + stride) / stride)
    q = math.ceil((w - s + stride) / stride)
    pixels, window = p * q, r * s * c
    sr, sc, t = {"os": (pixels, m, window), "ws": (window, m, pixels), "is": (window, pixels, m)}[dataflow]
    folds = math.ceil(sr / rows) * math.ceil(sc / cols)
    fold = t + rows + cols - 2 + (0 if dataflow == "os" else rows)
    return folds * fold - 1, folds, p, q


def main():
    golden = reported_cycles("ws", 32, 32, 224, 224, 11, 11, 3, 96, 4)[0]
    assert golden == 112283, golden  # SCALE-Sim's own regression case
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["network", "layer", "dataflow", "array", "P", "Q", "folds", "scalesim_total_cycles", "accelsim_expected"])
    for net, path in NETWORKS.items():
        for name, h, w, r, s, c, m, stride in layers(path):
            for dataflow, rows, cols in ARRAYS:
                total, folds, p, q = reported_cycles(dataflow, rows, cols, h, w, r, s, c, m, stride)
                out.writerow([net, name, dataflow, f"{rows}x{cols}", p, q, folds, total, total + 1])


if __name__ == "__main__":
    main()
