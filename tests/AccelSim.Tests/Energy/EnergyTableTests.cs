using AccelSim.Architecture;
using AccelSim.Energy;

namespace AccelSim.Tests.Energy;

public class EnergyTableTests
{
    private static readonly EnergyTable Eyeriss = EnergyTables.EyerissNormalized;
    private static readonly EnergyTable H45 = EnergyTables.Horowitz45nm;

    [Fact]
    public void EyerissNormalizedCostsPer16BitWord()
    {
        Assert.Equal(1.0, Eyeriss.Mac(16)!.Value, 9);
        Assert.Equal(200.0, Eyeriss.Storage(MemoryClass.Dram, null, 16)!.Read, 9);
        Assert.Equal(6.0, Eyeriss.Storage(MemoryClass.Sram, 55_296, 16)!.Read, 9);
        Assert.Equal(1.0, Eyeriss.Storage(MemoryClass.RegisterFile, 224, 16)!.Write, 9);
        Assert.Equal(2.0, Eyeriss.NetworkPerWordHop(16)!.Value, 9);
        // Other widths scale linearly: an 8-bit DRAM word is half a 16-bit one.
        Assert.Equal(100.0, Eyeriss.Storage(MemoryClass.Dram, null, 8)!.Read, 9);
        Assert.Equal("xMAC", Eyeriss.Unit);
    }

    [Fact]
    public void HorowitzMacIsMultiplyPlusAdd()
    {
        Assert.Equal(0.23, H45.Mac(8)!.Value, 9);
        Assert.Equal(3.2, H45.Mac(32)!.Value, 9);
        Assert.Equal(1.5, H45.Mac(16, floatingPoint: true)!.Value, 9);
        Assert.Equal(4.6, H45.Mac(32, floatingPoint: true)!.Value, 9);
        // int16 multiply is not published: log-log interpolation between 8 and 32 bits is their geometric mean.
        Assert.Equal(Math.Sqrt(0.2 * 3.1), Horowitz45nmTable.Multiply(16), 9);
        Assert.Equal(Math.Sqrt(0.2 * 3.1) + 0.05, H45.Mac(16)!.Value, 9);
        Assert.Equal(0.05, Horowitz45nmTable.Add(16), 9);
    }

    [Fact]
    public void HorowitzDramWordDwarfsAMultiply()
    {
        double dram32 = H45.Storage(MemoryClass.Dram, null, 32)!.Read;
        Assert.Equal(640.0, dram32, 9);
        Assert.True(dram32 > 100 * Horowitz45nmTable.Multiply(32));
        // 64 bits: 1.28 nJ, the low end of Horowitz' 1.3-2.6 nJ range (rounded).
        Assert.InRange(H45.Storage(MemoryClass.Dram, null, 64)!.Read, 1250, 2600);
    }

    [Theory]
    [InlineData(8 * 1024, 10.0)]
    [InlineData(32 * 1024, 20.0)]
    [InlineData(1024 * 1024, 100.0)]
    public void SramFitHitsThePublished64BitPoints(long bytes, double pj)
    {
        long words64 = bytes / 8;
        Assert.Equal(pj, H45.Storage(MemoryClass.Sram, words64, 64)!.Read, 9);
        // Narrower words scale linearly with width: a 16-bit word is a quarter of the 64-bit access.
        Assert.Equal(pj / 4, H45.Storage(MemoryClass.Sram, bytes / 2, 16)!.Read, 9);
    }

    [Fact]
    public void SramEnergyGrowsWithCapacity()
    {
        double previous = 0;
        for (long bytes = 16; bytes <= 64L << 20; bytes *= 2)
        {
            double e = Horowitz45nmTable.SramPerWord(bytes, 64);
            Assert.True(e > previous, $"SRAM energy must grow with capacity ({bytes} B)");
            previous = e;
        }
    }

    [Fact]
    public void RegisterFilesExtrapolateTheSramCurveDownward()
    {
        // A 512 B register file: the 8 KB -> 32 KB slope (0.5) carried below 8 KB: 10 pJ x sqrt(512/8192) = 2.5 pJ per 64 bits.
        Assert.Equal(2.5 / 4, H45.Storage(MemoryClass.RegisterFile, 256, 16)!.Read, 9);
        Assert.True(H45.Storage(MemoryClass.RegisterFile, 256, 16)!.Read < H45.Storage(MemoryClass.Sram, 55_296, 16)!.Read);
        // Cross-check against Han et al.'s (Horowitz-derived) 1 pJ per 32-bit register-file access: within 2x at 512 B.
        Assert.InRange(H45.Storage(MemoryClass.RegisterFile, 128, 32)!.Read, 0.5, 2.0);
    }

    [Fact]
    public void LogLogCurveExtrapolatesWithEndSlopes()
    {
        var curve = new LogLogCurve((1, 1), (10, 10), (100, 50));
        Assert.Equal(0.1, curve.At(0.1), 9);
        Assert.Equal(5.0, curve.At(5), 9);
        Assert.Equal(50 * Math.Pow(10, Math.Log10(5)), curve.At(1000), 9);
        Assert.Throws<ArgumentException>(() => new LogLogCurve((1, 1)));
    }

    [Fact]
    public void RegistryFindsTablesByName()
    {
        Assert.Same(EnergyTables.Horowitz45nm, EnergyTables.Find("Horowitz-45nm"));
        Assert.Null(EnergyTables.Find("nope"));
        Assert.Equal(["eyeriss-normalized", "horowitz-45nm", "accelergy-65nm"], EnergyTables.Names);
    }
}
