namespace AccelSim.Common;

/// <summary>Integer arithmetic shared by the model, the bound and the simulator.</summary>
public static class IntegerMath
{
    /// <summary>The greatest common divisor of two non-negative integers (<paramref name="a"/> when <paramref name="b"/> is 0).</summary>
    public static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
