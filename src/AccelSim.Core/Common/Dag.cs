namespace AccelSim.Common;

/// <summary>
/// A small directed acyclic graph over string-named nodes: edges go from producer to consumer.
/// Topological order is stable (Kahn's algorithm, ties broken by insertion order) so reports list layers deterministically.
/// </summary>
public sealed class Dag
{
    private readonly List<string> _nodes = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<List<int>> _successors = [];
    private readonly List<List<int>> _predecessors = [];

    /// <summary>Nodes in insertion order.</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    /// <summary>Adds a node; returns false when it already exists.</summary>
    public bool AddNode(string name)
    {
        if (_index.ContainsKey(name)) return false;
        _index[name] = _nodes.Count;
        _nodes.Add(name);
        _successors.Add([]);
        _predecessors.Add([]);
        return true;
    }

    /// <summary>True when the node exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>Adds an edge producer → consumer; both nodes must exist.</summary>
    public void AddEdge(string producer, string consumer)
    {
        int from = _index[producer], to = _index[consumer];
        _successors[from].Add(to);
        _predecessors[to].Add(from);
    }

    /// <summary>Direct producers of a node.</summary>
    public IEnumerable<string> Predecessors(string name) => _predecessors[_index[name]].Select(i => _nodes[i]);

    /// <summary>Direct consumers of a node.</summary>
    public IEnumerable<string> Successors(string name) => _successors[_index[name]].Select(i => _nodes[i]);

    /// <summary>
    /// Nodes in topological order, or null with <paramref name="cycle"/> naming the nodes on a cycle.
    /// </summary>
    public IReadOnlyList<string>? TopologicalOrder(out IReadOnlyList<string> cycle)
    {
        var indegree = _predecessors.Select(p => p.Count).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < _nodes.Count; i++) if (indegree[i] == 0) ready.Enqueue(i, i);
        var order = new List<string>(_nodes.Count);
        while (ready.TryDequeue(out int node, out _))
        {
            order.Add(_nodes[node]);
            foreach (int next in _successors[node])
                if (--indegree[next] == 0) ready.Enqueue(next, next);
        }
        if (order.Count == _nodes.Count)
        {
            cycle = [];
            return order;
        }
        cycle = FindCycle(indegree);
        return null;
    }

    // Walks predecessors among the nodes left with a non-zero in-degree until one repeats: that loop is a cycle.
    private List<string> FindCycle(int[] indegree)
    {
        int start = Array.FindIndex(indegree, d => d > 0);
        var seen = new Dictionary<int, int>();
        var path = new List<int>();
        int current = start;
        while (!seen.ContainsKey(current))
        {
            seen[current] = path.Count;
            path.Add(current);
            current = _predecessors[current].First(p => indegree[p] > 0);
        }
        var loop = path.Skip(seen[current]).Select(i => _nodes[i]).ToList();
        loop.Reverse();
        return loop;
    }
}
