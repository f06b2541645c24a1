using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Model;

/// <summary>
/// How Timeloop's counting rules relate to AccelSim's on random layers, architectures and mappings: each Timeloop rule
/// counts no less traffic into a buffer (no diagonal sharing, less halo kept, reloads into every PE) and no drain reads, and
/// nothing else changes: weights, MACs and updates are the same under both.
/// </summary>
public class CountingRulesTests
{
    [Fact]
    public void TimeloopsRulesOnlyMoveTheCountsTheyAreAbout()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed);
            var own = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
            var head = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping, CountingRules.Timeloop(TimeloopHalo.Head)).Counts;
            var pre = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping, CountingRules.Timeloop(TimeloopHalo.Pre297)).Counts;
            var problems = new List<string>();
            if (own.Macs != head.Macs) problems.Add("MACs");
            for (int i = 0; i < own.LevelCount; i++)
            {
                if (own.Get(i, TensorKind.Weights) != head.Get(i, TensorKind.Weights)) problems.Add($"level {i} weights");
                var (o, h, p) = (own.Get(i, TensorKind.Outputs), head.Get(i, TensorKind.Outputs), pre.Get(i, TensorKind.Outputs));
                if (o.Updates != h.Updates || h.Reads > o.Reads || h.Fills < o.Fills || h != p) problems.Add($"level {i} outputs {o} vs {h}");
                var (oi, hi, pi) = (own.Get(i, TensorKind.Inputs), head.Get(i, TensorKind.Inputs), pre.Get(i, TensorKind.Inputs));
                if (hi.Fills < oi.Fills || pi.Fills < hi.Fills || hi.Reads < oi.Reads || pi.Reads < hi.Reads || hi.Updates != 0)
                    problems.Add($"level {i} inputs {oi} / {hi} / {pi}");
            }
            return (problems.Count == 0).Label($"seed {seed}: {string.Join("; ", problems)}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
