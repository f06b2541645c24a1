using System.Text.Json;
using System.Text.Json.Nodes;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Reports;

/// <summary>The JSON that `accelsim map --json` writes for scripts: mapping, per-level per-tensor counts, energy, bound, cycles, search statistics.</summary>
public static class MappingJson
{
    /// <summary>Builds the document.</summary>
    /// <param name="layer">The layer's name.</param>
    /// <param name="problem">Its problem shape.</param>
    /// <param name="mapping">The mapping.</param>
    /// <param name="eval">The analytical evaluation.</param>
    /// <param name="search">The search that found it, or null for a given mapping.</param>
    /// <param name="simulated">The cycle-level simulation (the cycles `run` reports), or null.</param>
    public static string Write(string layer, ProblemShape problem, LoopMapping mapping, Evaluation eval, MapperResult? search,
        Simulation.SimulationResult? simulated = null)
    {
        var arch = eval.Arch;
        var levels = new JsonArray();
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            var m = mapping.Levels[i];
            var tensors = new JsonObject();
            foreach (var t in Tensors.All)
            {
                var c = eval.Counts.Get(i, t);
                tensors[Tensors.Key(t)] = new JsonObject
                {
                    ["reads"] = c.Reads, ["fills"] = c.Fills, ["updates"] = c.Updates,
                    ["energy"] = eval.StorageEnergy[i, (int)t],
                };
            }
            levels.Add(new JsonObject
            {
                ["name"] = arch.Levels[i].Name,
                ["temporal"] = Factors(m.Temporal),
                ["order"] = new JsonArray(m.Order.Where(d => m.TemporalOf(d) > 1).Select(d => (JsonNode)d.ToString()).ToArray()),
                ["spatial_x"] = Factors(m.SpatialX),
                ["spatial_y"] = Factors(m.SpatialY),
                ["keeps"] = new JsonArray(m.Keeps.Members().Select(t => (JsonNode)Tensors.Key(t)).ToArray()),
                ["counts"] = tensors,
                ["network_words"] = eval.Counts.NetworkWords(i),
                ["energy"] = eval.LevelEnergy(i),
                ["network_energy"] = eval.NetworkEnergy[i],
                ["bandwidth_cycles"] = eval.BandwidthCycles[i],
            });
        }
        var doc = new JsonObject
        {
            ["layer"] = layer,
            ["problem"] = problem.ToString(),
            ["arch"] = arch.Name,
            ["energy_unit"] = arch.EnergyUnit,
            ["macs"] = eval.Counts.Macs,
            ["energy"] = eval.TotalEnergy,
            ["lower_bound_energy"] = search?.LowerBoundEnergy,
            ["energy_per_mac"] = eval.EnergyPerMac,
            ["mac_energy"] = eval.MacEnergy,
            ["energy_table"] = arch.EnergyTable,
            ["analytical_cycles"] = eval.Cycles,
            ["compute_cycles"] = eval.ComputeCycles,
            ["utilization"] = eval.Utilization,
            ["spatial_utilization"] = eval.SpatialUtilization,
            ["levels"] = levels,
        };
        if (simulated is not null)
            doc["simulated"] = new JsonObject
            {
                // What `accelsim run` reports for this layer: cycles = compute + fill_drain + stalls.
                ["cycles"] = simulated.TotalCycles,
                ["compute_cycles"] = simulated.ComputeCycles,
                ["fill_drain_cycles"] = simulated.PipelineCycles,
                ["stall_cycles"] = simulated.TotalCycles - simulated.ComputeCycles - simulated.PipelineCycles,
            };
        if (search is not null)
            doc["search"] = new JsonObject
            {
                ["dataflow"] = search.Dataflow,
                ["sound"] = search.Stats.Sound, // false: --fast or sampling, not proven the optimum of the declared space
                ["spatial_candidates"] = search.Stats.SpatialCandidates,
                ["spatial_searched"] = search.Stats.SpatialSearched,
                ["spatial_capped"] = search.Stats.SpatialCapped,
                ["mirror_twins"] = search.Stats.MirrorTwins, // unrollings mirroring a searched one: count alike, not walked
                ["tiling_space"] = search.Stats.TilingSpace,
                ["factorizations"] = search.Stats.Factorizations,
                ["capacity_pruned"] = search.Stats.CapacityPruned,
                ["dominated_skipped"] = search.Stats.DominatedSkipped,
                ["bound_pruned"] = search.Stats.BoundPruned,
                ["ties_cut"] = search.Stats.TiesCut, // partial mappings holding only ties the tie-breaks never need: not walked
                ["moved_inward"] = search.Stats.MovedInward, // partial tilings dominated by another item's (the inward move)
                ["unrollings_cut"] = search.Stats.UnrollingsCut, // unrollings whose own bound exceeded the seed: no items built
                ["min_utilization"] = search.Stats.MinUtilization,
                ["spatial_below_min_utilization"] = search.Stats.SpatialBelowMinUtilization,
                ["evaluations"] = search.Stats.Evaluations,
                ["seconds"] = search.Stats.Elapsed.TotalSeconds,
                ["simulation"] = search.Stats.Simulation is not { } pick ? null : new JsonObject
                {
                    ["candidates"] = pick.Candidates, ["simulated"] = pick.Simulated, ["skipped_by_bound"] = pick.Skipped,
                    ["capped"] = pick.Capped, ["too_long"] = pick.TooLong, ["proven"] = pick.Proven,
                    ["winner_cycles"] = pick.WinnerCycles, ["window"] = pick.Window,
                },
            };
        // Flattened axes: a group's factors above are listed under its first dim (docs/model.md).
        if (mapping.IsFlattened) doc["flatten"] = new JsonArray(mapping.Flatten.Select(g => (JsonNode)g.Name).ToArray());
        return FiniteJson.Clean(doc).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Factors(IReadOnlyList<int> factors)
    {
        var o = new JsonObject();
        foreach (var d in Dims.All) if (factors[(int)d] > 1) o[d.ToString()] = factors[(int)d];
        return o;
    }
}
