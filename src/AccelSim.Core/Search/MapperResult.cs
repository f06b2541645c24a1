using AccelSim.Mapping;
using AccelSim.Model;

namespace AccelSim.Search;

/// <summary>The best mapping found, its evaluation, the energy lower bound and the search statistics.</summary>
public sealed record MapperResult(LoopMapping Mapping, Evaluation Evaluation, double LowerBoundEnergy, SearchStats Stats, string Dataflow);
