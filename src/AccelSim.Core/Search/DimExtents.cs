using System.Runtime.CompilerServices;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Per-dim tile extents held on the stack as a value (used as a <see cref="Span{T}"/>): unlike <c>stackalloc</c>, it leaves
/// the hot capacity checks eligible for the runtime's tiered, profile-guided compilation.
/// </summary>
[InlineArray(Dims.Count)]
internal struct DimExtents
{
    private long _first;
}
