using System.Text;

namespace AccelSim.Tests.Robustness;

/// <summary>Seeded mutations of a file's bytes: byte flips, deleted, duplicated and swapped lines, extreme values.</summary>
public static class Mutants
{
    private static readonly string[] Extremes = ["0", "-1", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "1e308", ".inf", ".nan", "-0", "", "~", "[]", "{}"];

    public static byte[] Make(byte[] original, Random random)
    {
        var bytes = original.ToList();
        int kind = random.Next(6);
        switch (kind)
        {
            case 0: // flip bytes
                for (int n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--) bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                return [.. bytes];
            case 1: // insert a random byte
                bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                return [.. bytes];
        }
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        int at = random.Next(lines.Count);
        switch (kind)
        {
            case 2: lines.RemoveAt(at); break;
            case 3: lines.Insert(at, lines[at]); break;
            case 4:
                int other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            default: // an extreme value for a number in the line, or for the value after a colon
                var numbers = System.Text.RegularExpressions.Regex.Matches(lines[at], @"-?\d+(\.\d+)?");
                string extreme = Extremes[random.Next(Extremes.Length)];
                if (numbers.Count > 0)
                {
                    var m = numbers[random.Next(numbers.Count)];
                    lines[at] = lines[at][..m.Index] + extreme + lines[at][(m.Index + m.Length)..];
                }
                else if (lines[at].IndexOf(": ", StringComparison.Ordinal) is int colon and >= 0) lines[at] = lines[at][..(colon + 2)] + extreme;
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
