using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace AccelSim.Workloads;

/// <summary>
/// The producer → consumer graph of a model's layers, held in a QuikGraph bidirectional graph (one edge per input, so a
/// layer reading the same tensor twice has two). The topological order is Kahn's algorithm with ties broken by insertion
/// order, i.e. file order wherever the graph allows it: layers.csv and zoo exports list layers exactly as they always have.
/// </summary>
public sealed class LayerGraph
{
    private readonly BidirectionalGraph<string, SEdge<string>> _graph = new(allowParallelEdges: true);
    private readonly List<string> _nodes = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Nodes in insertion order.</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    /// <summary>Adds a node; returns false when it already exists.</summary>
    public bool AddNode(string name)
    {
        if (_index.ContainsKey(name)) return false;
        _index[name] = _nodes.Count;
        _nodes.Add(name);
        _graph.AddVertex(name);
        return true;
    }

    /// <summary>True when the node exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Adds an edge producer → consumer; both nodes must exist.</summary>
    public void AddEdge(string producer, string consumer)
    {
        if (!Contains(producer) || !Contains(consumer)) throw new KeyNotFoundException($"edge {producer} -> {consumer}: both layers must be added first");
        _graph.AddEdge(new SEdge<string>(producer, consumer));
    }

    /// <summary>Direct producers of a node, one per edge, in edge insertion order.</summary>
    public IEnumerable<string> Predecessors(string name) => _graph.InEdges(name).Select(e => e.Source);

    /// <summary>Direct consumers of a node, one per edge, in edge insertion order.</summary>
    public IEnumerable<string> Successors(string name) => _graph.OutEdges(name).Select(e => e.Target);

    /// <summary>
    /// Nodes in topological order (ties in insertion order), or null with <paramref name="cycle"/> naming the nodes of a
    /// cycle in edge order (each feeds the next, the last feeds the first).
    /// </summary>
    public IReadOnlyList<string>? TopologicalOrder(out IReadOnlyList<string> cycle)
    {
        // QuikGraph's own topological sorts do not promise insertion order among ready nodes, so Kahn's algorithm runs here
        // over the QuikGraph in-degrees and out-edges with a queue ordered by insertion index.
        var indegree = _nodes.Select(n => _graph.InDegree(n)).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < _nodes.Count; i++) if (indegree[i] == 0) ready.Enqueue(i, i);
        var order = new List<string>(_nodes.Count);
        while (ready.TryDequeue(out int node, out _))
        {
            order.Add(_nodes[node]);
            foreach (var edge in _graph.OutEdges(_nodes[node]))
            {
                int next = _index[edge.Target];
                if (--indegree[next] == 0) ready.Enqueue(next, next);
            }
        }
        if (order.Count == _nodes.Count)
        {
            cycle = [];
            return order;
        }
        cycle = FindCycle();
        return null;
    }

    // A depth-first search's back edge u → v closes a cycle: v, then the tree path from v down to u.
    private List<string> FindCycle()
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? found = null;
        var dfs = new DepthFirstSearchAlgorithm<string, SEdge<string>>(_graph);
        dfs.TreeEdge += e => parent[e.Target] = e.Source;
        dfs.BackEdge += e =>
        {
            if (found is not null) return;
            var path = new List<string> { e.Source };
            for (string v = e.Source; v != e.Target; v = parent[v]) path.Add(parent[v]);
            path.Reverse();
            found = path;
        };
        dfs.Compute();
        return found ?? throw new InvalidOperationException("no topological order, yet the depth-first search found no cycle");
    }
}
