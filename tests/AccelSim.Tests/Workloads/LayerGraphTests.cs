using AccelSim.Workloads;

namespace AccelSim.Tests.Workloads;

/// <summary>The QuikGraph-backed layer graph keeps the project's order (Kahn, ties in insertion order) and names cycles.</summary>
public class LayerGraphTests
{
    [Fact]
    public void OrderIsTopologicalWithTiesInInsertionOrderOnRandomGraphs()
    {
        var random = new Random(20);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 30);
            // A random permutation fixes which DAG edges are allowed; nodes are inserted in another order.
            var rank = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            var graph = new LayerGraph();
            for (int i = 0; i < n; i++) graph.AddNode($"n{i}");
            var edges = new List<(int From, int To)>();
            for (int e = 0; e < n * 2; e++)
            {
                int a = random.Next(n), b = random.Next(n);
                if (rank[a] < rank[b]) { graph.AddEdge($"n{a}", $"n{b}"); edges.Add((a, b)); }
            }
            var order = graph.TopologicalOrder(out var cycle)!;
            Assert.Empty(cycle);
            // The specification: at each step, the ready node (all producers placed) inserted first.
            var placed = new HashSet<int>();
            foreach (string name in order)
            {
                int chosen = int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture);
                int expected = Enumerable.Range(0, n).First(v => !placed.Contains(v) && edges.Where(e => e.To == v).All(e => placed.Contains(e.From)));
                Assert.Equal(expected, chosen);
                placed.Add(chosen);
            }
            Assert.Equal(n, placed.Count);
        }
    }

    [Fact]
    public void CycleErrorNamesThePathInEdgeOrder()
    {
        var graph = new LayerGraph();
        foreach (string n in new[] { "in", "a", "b", "c", "out" }) graph.AddNode(n);
        graph.AddEdge("in", "a");
        graph.AddEdge("a", "b");
        graph.AddEdge("b", "c");
        graph.AddEdge("c", "a");
        graph.AddEdge("c", "out");
        Assert.Null(graph.TopologicalOrder(out var cycle));
        Assert.Equal(3, cycle.Count);
        // Each named node feeds the next, and the last feeds the first.
        for (int i = 0; i < cycle.Count; i++) Assert.Contains(cycle[(i + 1) % cycle.Count], graph.Successors(cycle[i]));
        Assert.Equal(["a", "b", "c"], cycle.Order());
    }
}
