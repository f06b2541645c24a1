using System.Text.RegularExpressions;
using QuikGraph;
using QuikGraph.Algorithms;

namespace AccelSim.Tests.Architecture;

/// <summary>
/// The core library's top-level namespaces (AccelSim.Architecture with its sub-namespaces, AccelSim.Energy, ...) import
/// one another without cycles, so data flows one way: workload + architecture -> mapping -> model/simulation -> results
/// -> reports. Read from the sources: a file in namespace AccelSim.A depends on AccelSim.B when it names it (a using
/// directive or a qualified name).
/// </summary>
public sealed partial class NamespaceLayeringTests
{
    [GeneratedRegex(@"^namespace AccelSim\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"(?<![\w.""])AccelSim\.(\w+)")]
    private static partial Regex NamedNamespace();

    [Fact]
    public void TopLevelNamespacesOfTheCoreLibraryHaveNoCycle()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "AccelSim.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var files = sources.Select(s => (Declared: DeclaredNamespace().Match(s), Text: s)).Where(f => f.Declared.Success).ToList();
        var namespaces = files.Select(f => f.Declared.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Energy", namespaces); // the scan found the sources

        var graph = new AdjacencyGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(namespaces.Order(StringComparer.Ordinal));
        foreach (var (declared, text) in files)
        {
            string from = declared.Groups[1].Value;
            foreach (string to in NamedNamespace().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
                if (to != from && namespaces.Contains(to) && !graph.ContainsEdge(from, to)) graph.AddEdge(new Edge<string>(from, to));
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        graph.StronglyConnectedComponents(components);
        var cycles = components.GroupBy(c => c.Value).Where(g => g.Count() > 1)
            .Select(g => string.Join(" <-> ", g.Select(c => c.Key).Order(StringComparer.Ordinal))).ToList();
        Assert.True(cycles.Count == 0, "namespaces that import each other: " + string.Join("; ", cycles));
    }

    /// <summary>The folder holding AccelSim.sln, found upward from the test binaries.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AccelSim.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("AccelSim.sln not found above " + AppContext.BaseDirectory);
    }
}
