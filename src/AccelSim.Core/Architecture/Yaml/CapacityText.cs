using System.Globalization;
using System.Text.RegularExpressions;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads a capacity: a plain number is words; a number with a byte unit (B, KB/KiB, MB/MiB, GB/GiB) is converted to
/// words with the level's word width. KB and KiB both mean 1024 bytes: memory sizes in papers (Eyeriss' 108 KB,
/// TPU's 24 MiB) are binary.
/// </summary>
internal static partial class CapacityText
{
    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*(words?|B|KB|KiB|MB|MiB|GB|GiB)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Bytes per unit, or null for words.</summary>
    private static long? UnitBytes(string unit) => unit.ToLowerInvariant() switch
    {
        "" or "word" or "words" => null,
        "b" => 1,
        "kb" or "kib" => 1L << 10,
        "mb" or "mib" => 1L << 20,
        _ => 1L << 30,
    };

    /// <summary>The largest capacity accepted: 2^53 words.</summary>
    public const long MaxWords = 1L << 53;

    /// <summary>
    /// Parses <paramref name="text"/>; returns an error message (without file and path) or null. <paramref name="words"/>
    /// is whole words (bytes that do not fill a last word are dropped).
    /// </summary>
    public static string? TryParse(string text, int wordBits, out long words)
    {
        words = 0;
        if (text.TrimStart().StartsWith('-')) return $"must be positive, got {text.Trim()}";
        var match = Pattern().Match(text);
        if (!match.Success) return $"expected words (e.g. 224) or bytes with a unit (e.g. 108KB, 24MiB), got '{text}'";
        double amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (amount <= 0) return $"must be positive, got {text.Trim()}";
        long? unit = UnitBytes(match.Groups[2].Value);
        // Words must stay exact in a double and leave room for sums of partitions: 2^53 words is far beyond any memory.
        if (amount * (unit ?? 1) * 8 / (unit is null ? 8 : wordBits) > MaxWords) return $"more than the supported {MaxWords} words, got {text.Trim()}";
        if (unit is null)
        {
            if (amount != Math.Floor(amount)) return $"a word count must be whole, got {text.Trim()}";
            words = (long)amount;
            return null;
        }
        double bits = amount * unit.Value * 8;
        words = (long)Math.Floor(bits / wordBits);
        return words < 1 ? $"{text.Trim()} cannot hold one {wordBits}-bit word" : null;
    }
}
