namespace AccelSim.Workloads;

/// <summary>
/// One node of a model graph as written by the user: its name, the names of the layers it reads, and its own parameters.
/// Shapes are inferred by <see cref="InferOutput"/> from the producers' shapes, and checked there, so a model file never
/// has to repeat a shape that the graph already determines.
/// </summary>
public abstract record Layer(string Name, IReadOnlyList<string> Inputs)
{
    /// <summary>What kind of layer this is.</summary>
    public abstract LayerKind Kind { get; }

    /// <summary>Output shape from the producers' shapes; throws <see cref="WorkloadException"/> when they do not fit.</summary>
    public abstract FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs);

    /// <summary>The MAC loop nest at batch 1, or null for a layer without MACs.</summary>
    public virtual ProblemShape? Problem(IReadOnlyList<FeatureMap> inputs) => null;

    /// <summary>Trainable weights (biases excluded), 0 for layers without parameters.</summary>
    public virtual long WeightCount(IReadOnlyList<FeatureMap> inputs) => 0;

    /// <summary>Element operations a vector unit performs for a layer without MACs (per batch item).</summary>
    public virtual long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => 0;

    /// <summary>Throws a <see cref="WorkloadException"/> naming this layer.</summary>
    protected WorkloadException Fail(string problem) => new($"layer '{Name}': {problem}");

    /// <summary>Checks the producer count.</summary>
    protected void ExpectInputs(IReadOnlyList<FeatureMap> inputs, int count)
    {
        if (inputs.Count != count) throw Fail($"expects {count} input(s), got {inputs.Count}");
    }

    /// <summary>Checks that a parameter is positive.</summary>
    protected void ExpectPositive(string field, int value)
    {
        if (value <= 0) throw Fail($"'{field}' must be positive, got {value}");
    }
}
