namespace AccelSim.Workloads.Zoo;

/// <summary>One model of the zoo: its lower-case name, a one-line description, and the factory that builds it.</summary>
public sealed record ZooEntry(string Name, string Description, Func<ModelGraph> Factory)
{
    /// <summary>Builds the model.</summary>
    public ModelGraph Create() => Factory();
}
