using AccelSim.Architecture;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Model;

/// <summary>
/// Flattened axes (docs/model.md): the analytical model against the MAC-by-MAC walk on random layers (half of them with
/// windows padded differently on each side) with one or two groups, imperfect temporal and spatial factors on the joint
/// dims, strides, multicast, forwarding and reduction networks (diagonal multicast on or off) and random bypass.
/// Mutation check (done once, by hand): letting <c>PartialTiles.Walk</c> take a representative for a joint dim's middle
/// iterations when counting inputs (dropping <c>!_enumerate[d]</c>) makes it fail on input counts.
/// </summary>
public class FlattenedAxesTests
{
    [Fact]
    public void RandomFlattenedMappingsAgreeExactlyWithTheBruteForce()
    {
        int partialFolds = 0, inputsOnChip = 0;
        AgreementChecks.ModelMatchesBruteForce(RandomFlattenedCase.FromSeed, 500, c =>
        {
            var first = c.Mapping.Flatten[0].First;
            if (c.Mapping.Levels.Any(l => l.SpatialOf(first) > 1) && c.Mapping.Product(first) != c.Mapping.BoundOf(c.Problem, first)) partialFolds++;
            if (c.Mapping.Levels.Skip(1).Any(l => l.Keeps.Has(TensorKind.Inputs))) inputsOnChip++;
        });
        // The generator must mostly produce what is tested: joint dims folded over an array with a partial last fold, and
        // input tiles (the unions of windows) held below DRAM.
        Assert.True(partialFolds > 60 && inputsOnChip > 250, $"{partialFolds} of 500 cases fold a joint dim imperfectly over an array, {inputsOnChip} keep inputs on chip");
    }
}
