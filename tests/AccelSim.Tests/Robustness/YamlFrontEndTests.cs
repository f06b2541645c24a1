using System.Text;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Robustness;

/// <summary>
/// The shared YAML front end (depth, size, documents, duplicate keys, characters, parser failures) for all three formats,
/// through the command line: each bad file is one `error:` line naming the file and the field.
/// </summary>
public class YamlFrontEndTests
{
    private const string Workload = "model: m\nlayers:\n  - {name: input, kind: input, shape: [3, 8, 8]}\n";
    private const string Mapping = "levels:\n  - name: DRAM\n    temporal: {M: 1}\n";

    /// <summary>The command that reads a file of each format.</summary>
    public static string[] Command(string format, string file) => format switch
    {
        "workload" => ["zoo", file],
        "arch" => ["arch", file],
        _ => ["map", "--model", "lenet5", "--layer", "c1", "--arch", "eyeriss", "--mapping", file],
    };

    public static TheoryData<string, string, string> BadTexts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string format in new[] { "workload", "arch", "mapping" })
        {
            data.Add(format, "a: {b: 1\nc: 2\n", "malformed YAML");
            data.Add(format, "levels:\n  - {name: x\nc: 2\n", "malformed YAML");
            data.Add(format, "a: " + new string('[', 50_000) + new string(']', 50_000) + "\n", "nested more than 64 levels deep");
            data.Add(format, "a: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "1" + new string('}', 50_000) + "\n", "nested more than 64 levels deep");
            data.Add(format, "a:\n" + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n", "nested more than 64 levels deep");
            data.Add(format, "a: 1\n---\nb: 2\n", "a second YAML document");
            data.Add(format, "name: x\nname: y\n", "name: key given twice");
            data.Add(format, "name: \"a\\0b\"\n", "name: contains the control character U+0000");
            data.Add(format, "name: \"a\\nb\"\n", "name: contains the control character U+000A");
            data.Add(format, "a: &x 1\nb: *x\n", "aliases");
            data.Add(format, "? [a, b]\n: 1\n", "keys must be plain names");
        }
        data.Add("workload", Workload + "  - {name: c, kind: conv, input: input, out_channels: 4, kernel: 3, kernel: 5}\n", "layers[1].kernel: key given twice");
        data.Add("mapping", "levels:\n  - name: DRAM\n    temporal: {M: 1, m: 2}\n  - name: GlobalBuffer\n  - name: Spad\n", "levels[0].temporal.m: dim M is given twice");
        data.Add("mapping", Mapping + "---\n" + Mapping, "a second YAML document");
        data.Add("workload", Workload + "---\n" + Workload, "a second YAML document");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void BadYamlIsOneLineNamingTheFileAndField(string format, string text, string expected)
    {
        string file = Path.Combine(CliRunner.TempDir(), $"bad-{format}.yaml");
        File.WriteAllText(file, text);
        InputErrorAssert.Holds(CliRunner.Run(Command(format, file)), file, expected);
    }

    [Theory]
    [InlineData("workload")]
    [InlineData("arch")]
    [InlineData("mapping")]
    public void InvalidUtf8AndOversizedFilesAreRefused(string format)
    {
        string dir = CliRunner.TempDir();
        string bad = Path.Combine(dir, "utf8.yaml");
        File.WriteAllBytes(bad, [.. Encoding.UTF8.GetBytes("name: ab"), 0xFF, 0xFE, (byte)'\n']);
        InputErrorAssert.Holds(CliRunner.Run(Command(format, bad)), bad, "not valid UTF-8");

        string big = Path.Combine(dir, "big.yaml");
        File.WriteAllText(big, "# " + new string('x', 5 * 1024 * 1024) + "\n");
        InputErrorAssert.Holds(CliRunner.Run(Command(format, big)), big, "byte limit");

        InputErrorAssert.Holds(CliRunner.Run(Command(format, dir)), dir, "is a folder, expected a file");
    }

    [Fact]
    public void MultiLineTextIsAllowedInDescriptionsOnly()
    {
        string file = Path.Combine(CliRunner.TempDir(), "described.yaml");
        File.WriteAllText(file, "model: m\ndescription: |\n  two\n  lines\nlayers:\n  - {name: input, kind: input, shape: [3, 8, 8]}\n" +
            "  - {name: c, kind: conv, input: input, out_channels: 4, kernel: 3}\n");
        var (exit, output, error) = CliRunner.Run("zoo", file);
        Assert.True(exit == 0, error);
        Assert.Contains("N1 G1 M4 C3 P6 Q6 R3 S3", output);
    }
}
