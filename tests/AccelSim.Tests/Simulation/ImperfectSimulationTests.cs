using AccelSim.Tests.Support;

namespace AccelSim.Tests.Simulation;

/// <summary>
/// The cycle-level simulator against the analytical model on imperfectly factorized mappings
/// (<see cref="RandomImperfectCase"/>) and on mappings with flattened axes (<see cref="RandomFlattenedCase"/>).
/// Mutation check for the flattened cases (done once, by hand): taking each flattened input tile as the bounding box of
/// its boxes' windows instead of their union (<c>PartialStep.InputUnion</c>) makes both properties fail.
/// </summary>
public class ImperfectSimulationTests
{
    [Fact]
    public void RandomImperfectCasesCountExactlyLikeTheAnalyticalModel() => AgreementChecks.SimulatorMatchesModel(RandomImperfectCase.FromSeed, 500);

    [Fact]
    public void RandomImperfectCasesWithFiniteBandwidthsRespectEveryBound() => AgreementChecks.SimulatorRespectsEveryBound(RandomImperfectCase.FromSeed, 200);

    [Fact]
    public void RandomFlattenedCasesCountExactlyLikeTheAnalyticalModel() => AgreementChecks.SimulatorMatchesModel(RandomFlattenedCase.FromSeed, 400);

    [Fact]
    public void RandomFlattenedCasesWithFiniteBandwidthsRespectEveryBound() => AgreementChecks.SimulatorRespectsEveryBound(RandomFlattenedCase.FromSeed, 150);
}
