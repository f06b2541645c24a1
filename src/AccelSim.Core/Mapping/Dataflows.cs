using AccelSim.Architecture;
using AccelSim.Common;
using static AccelSim.Workloads.Dim;

namespace AccelSim.Mapping;

/// <summary>The five classic dataflows of Chen et al. (ISCA 2016) as mapping constraints.</summary>
public static class Dataflows
{
    /// <summary>Weight stationary: each PE holds its weights while inputs and partial sums stream past (TPU, NVDLA).
    /// Only weight-relevant dims are unrolled, and the PE loops only over dims that do not index weights.</summary>
    public static readonly Dataflow WeightStationary = new(DataflowNames.WeightStationary,
        "weights stay in the PE; inputs broadcast, partial sums reduced across the array",
        SpatialX: [M, C, G, R, S], SpatialY: [C, M, G, R, S], PeTemporal: [N, P, Q], PeKeeps: TensorSet.Weights, WholeOnY: [], WholeAtPe: []);

    /// <summary>Output stationary: each PE accumulates its own outputs (ShiDianNao); weights and inputs stream.</summary>
    public static readonly Dataflow OutputStationary = new(DataflowNames.OutputStationary,
        "partial sums stay in the PE; weights and inputs stream",
        SpatialX: [P, Q, M, N, G], SpatialY: [Q, P, M, N, G], PeTemporal: [C, R, S], PeKeeps: TensorSet.Outputs, WholeOnY: [], WholeAtPe: []);

    /// <summary>Input stationary: each PE holds inputs while filters stream past.</summary>
    public static readonly Dataflow InputStationary = new(DataflowNames.InputStationary,
        "inputs stay in the PE; weights broadcast, partial sums reduced",
        SpatialX: [P, Q, C, N, G], SpatialY: [C, Q, P, N, G], PeTemporal: [M], PeKeeps: TensorSet.Inputs, WholeOnY: [], WholeAtPe: []);

    /// <summary>Row stationary (Eyeriss): filter rows down the array's Y, output rows across X, a 1-D row convolution
    /// (a filter row, a sliding input row, a row of partial sums) in every PE; sets of filters or channels fill the rest.</summary>
    public static readonly Dataflow RowStationary = new(DataflowNames.RowStationary,
        "filter rows on Y, output rows on X, 1-D row convolutions in the PEs' scratchpads",
        SpatialX: [P, M, N, G, Q], SpatialY: [R, C, M, G], PeTemporal: [S, Q, C, M, N], PeKeeps: TensorSet.All, WholeOnY: [R], WholeAtPe: [S]);

    /// <summary>No local reuse: PEs keep nothing; every operand comes from the global buffer through the network.</summary>
    public static readonly Dataflow NoLocalReuse = new(DataflowNames.NoLocalReuse,
        "no PE-local storage; operands from the global buffer every cycle",
        SpatialX: [M, C, G], SpatialY: [C, M, G], PeTemporal: [], PeKeeps: TensorSet.None, WholeOnY: [], WholeAtPe: []);

    /// <summary>All built-in dataflows.</summary>
    public static readonly IReadOnlyList<Dataflow> All = [WeightStationary, OutputStationary, InputStationary, RowStationary, NoLocalReuse];

    /// <summary>A dataflow by name or abbreviation (ws, os, is, rs, nlr); throws <see cref="InputException"/> when unknown.</summary>
    public static Dataflow Get(string name)
    {
        var canonical = DataflowNames.Canonical(name);
        return All.FirstOrDefault(d => d.Name == canonical)
            ?? throw new InputException($"unknown dataflow '{name}' (known: {string.Join(", ", All.Select(d => d.Name))})");
    }
}
