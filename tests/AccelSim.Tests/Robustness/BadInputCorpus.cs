namespace AccelSim.Tests.Robustness;

/// <summary>
/// One bad input: the files it needs (name → text, or null for a folder), the command line ({dir} stands for the case's
/// own folder) and what the single error line must mention besides "error:" ({dir} allowed).
/// </summary>
public sealed record BadInput(string Name, IReadOnlyDictionary<string, string?> Files, string[] Args, string[] Mentions);

/// <summary>
/// The corpus of bad inputs, generated in code so that it stays small: workload, arch and mapping files, command-line
/// arguments, output paths, and results folders for `plot` and `merge`. Every case must exit 2 with one line.
/// </summary>
public static class BadInputCorpus
{
    public const string Workload = """
        model: tiny
        layers:
          - {name: input, kind: input, shape: [3, 16, 16]}
          - {name: conv, kind: conv, input: input, out_channels: 8, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1}
          - {name: relu, kind: activation, input: conv, function: relu}
          - {name: pool, kind: maxpool, input: relu, kernel: 2, stride: 2}
          - {name: fc, kind: fc, input: pool, out_features: 10}

        """;

    public const string Mapping = """
        levels:
          - name: DRAM
            temporal: {}
            keeps: [weights, inputs, outputs]
          - name: GlobalBuffer
            temporal: {P: 2, Q: 28}
            order: [P, Q]
            spatial_x: {P: 14}
            spatial_y: {R: 5}
            keeps: [inputs, outputs]
          - name: Spad
            temporal: {M: 6, S: 5}
            order: [M, S]
            keeps: [weights, inputs, outputs]

        """;

    private static readonly string[] Formats = ["workload", "arch", "mapping"];

    public static IEnumerable<BadInput> All()
    {
        foreach (var c in YamlSyntax()) yield return c;
        foreach (var c in WorkloadFields()) yield return c;
        foreach (var c in ArchFields()) yield return c;
        foreach (var c in MappingFields()) yield return c;
        foreach (var c in Arguments()) yield return c;
        foreach (var c in OutputPaths()) yield return c;
        foreach (var c in PlotFolders()) yield return c;
        foreach (var c in MergeFolders()) yield return c;
        foreach (var c in TimeloopInputs()) yield return c;
        foreach (var c in ScaleSimTopologies()) yield return c;
    }

    /// <summary>A small SCALE-Sim topology (convolution header, two rows, SCALE-Sim's closing commas).</summary>
    public const string Topology = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
        + "conv1, 9, 9, 3, 3, 4, 8, 1,\nconv2, 7, 7, 3, 3, 8, 8, 1,\n";

    // SCALE-Sim topology CSVs (`--model file.csv`, ScaleSimTopology): header, cells, sizes and the counts they make.
    private static IEnumerable<BadInput> ScaleSimTopologies()
    {
        BadInput Csv(string name, string text, params string[] mentions) =>
            new(name, new Dictionary<string, string?> { ["t.csv"] = text },
                ["run", "--model", "{dir}/t.csv", "--arch", "systolic-32x32", "--out", "{dir}/out"], ["{dir}/t.csv", .. mentions]);
        BadInput Row(string name, string from, string to, params string[] mentions) => Csv(name, Swap(Topology, from, to), mentions);
        const string Conv1 = "conv1, 9, 9, 3, 3, 4, 8, 1,";
        yield return Csv("topology empty", "", "(file)", "empty");
        yield return Csv("topology blank lines only", "\n \n\n", "(file)", "empty");
        yield return Csv("topology header only", Topology[..(Topology.IndexOf('\n') + 1)], "(file)", "no layer rows");
        yield return Row("topology missing columns", " Num Filter, Strides,", "", "row 1", "header", "6 columns");
        yield return Row("topology short row", Conv1, "conv1, 9, 9, 3, 3, 4, 8,", "row 2", "(row)", "7 cells");
        yield return Row("topology long row", Conv1, "conv1, 9, 9, 3, 3, 4, 8, 1, 1, 1,", "row 2", "(row)", "10 cells");
        yield return Row("topology non-numeric", Conv1, "conv1, 9, nine, 3, 3, 4, 8, 1,", "row 2", "IFMAP Width", "'nine' is not an integer");
        yield return Row("topology fractional stride", Conv1, "conv1, 9, 9, 3, 3, 4, 8, 1.5,", "row 2", "Strides", "'1.5' is not an integer");
        yield return Row("topology zero channels", Conv1, "conv1, 9, 9, 3, 3, 0, 8, 1,", "row 2", "Channels", "got 0");
        yield return Row("topology negative filter", Conv1, "conv1, 9, 9, -3, 3, 4, 8, 1,", "row 2", "Filter Height", "got -3");
        yield return Row("topology zero stride", Conv1, "conv1, 9, 9, 3, 3, 4, 8, 0,", "row 2", "Strides", "got 0");
        yield return Row("topology filter taller than input", "conv2, 7, 7, 3, 3,", "conv2, 7, 7, 8, 3,", "row 3", "Filter Height", "larger than the IFMAP height 7");
        yield return Row("topology filter wider than input", "conv2, 7, 7, 3, 3,", "conv2, 7, 7, 3, 9,", "row 3", "Filter Width", "larger than the IFMAP width 7");
        yield return Row("topology size beyond int", Conv1, "conv1, 9, 9, 3, 3, 4, 99999999999, 1,", "row 2", "Num Filter", "positive 32-bit");
        yield return Row("topology depthwise overflow", Conv1, "DPconv1, 9, 9, 3, 3, 65536, 65536, 1,", "row 2", "Num Filter", "beyond 2,147,483,647");
        yield return Row("topology count overflow", Conv1, "conv1, 2147483647, 2147483647, 3, 3, 4, 8, 1,", "row 2", "(shape)", "out of range");
        yield return Row("topology MAC overflow", Conv1, "conv1, 65536, 65536, 3, 3, 65536, 65536, 1,", "row 2", "(shape)", "out of range");
        yield return Row("topology duplicate name", "conv2,", "conv1,", "row 3", "Layer name", "earlier row");
        yield return Row("topology missing name", Conv1, ", 9, 9, 3, 3, 4, 8, 1,", "row 2", "Layer name", "missing");
        yield return Csv("topology gemm non-numeric", "Layer, M, N, K,\ng1, 8, 8, x,\n", "row 2", "K", "'x' is not an integer");
        yield return Csv("topology gemm zero", "Layer, M, N, K,\ng1, 0, 8, 8,\n", "row 2", "M", "got 0");
        yield return Csv("topology gemm short row", "Layer, M, N, K,\ng1, 8, 8,\n", "row 2", "(row)", "3 cells");
    }

    /// <summary>A small classic (v0.3) Timeloop architecture and its ERT.</summary>
    public const string TimeloopArch = """
        architecture:
          version: 0.3
          subtree:
            - name: System
              local:
                - {name: MainMemory, class: DRAM, attributes: {width: 64, word-bits: 8}}
              subtree:
                - name: Chip
                  local:
                    - {name: Buffer, class: SRAM, attributes: {depth: 1024, width: 64, word-bits: 8}}
                  subtree:
                    - name: PE[0..15]
                      local:
                        - {name: Regs, class: regfile, attributes: {depth: 16, width: 8, word-bits: 8, meshX: 4}}
                        - {name: MACC, class: intmac, attributes: {datawidth: 8, meshX: 4}}

        """;

    public const string TimeloopErt = """
        ERT:
          version: 0.3
          tables:
            - {name: System.MainMemory, actions: [{name: read, energy: 512}, {name: write, energy: 512}]}
            - {name: System.Chip.Buffer, actions: [{name: read, energy: 18}, {name: write, energy: 14}, {name: leak, energy: 0.01}]}
            - {name: "System.Chip.PE[0..15].Regs", actions: [{name: read, energy: 0.2}, {name: write, energy: 0.18}]}
            - {name: "System.Chip.PE[0..15].MACC", actions: [{name: compute, energy: 0.21}]}

        """;

    private static IEnumerable<BadInput> TimeloopInputs()
    {
        BadInput Arch(string name, string from, string to, params string[] mentions) =>
            new(name, new Dictionary<string, string?> { ["tl.yaml"] = Swap(TimeloopArch, from, to) }, ["arch", "{dir}/tl.yaml"], ["{dir}/tl.yaml", .. mentions]);
        BadInput Ert(string name, string from, string to, params string[] mentions) =>
            new(name, new Dictionary<string, string?> { ["tl.yaml"] = TimeloopArch, ["ert.yaml"] = Swap(TimeloopErt, from, to) },
                ["map", "--model", "lenet5", "--layer", "c1", "--arch", "{dir}/tl.yaml", "--ert", "{dir}/ert.yaml"], ["{dir}/ert.yaml", .. mentions]);
        yield return Arch("timeloop arch templated", "  version: 0.3\n  subtree:", "  version: 0.4\n  nodes:\n  - !Component\n    name: x\n  subtree:", "templated", "parsed-processed-input.yaml");
        yield return Arch("timeloop arch no depth", "{depth: 1024, width", "{width", "local[0].attributes.depth", "missing");
        yield return Arch("timeloop arch unknown class", "class: intmac", "class: widget", "local[1].class", "widget");
        yield return Arch("timeloop arch meshX", "word-bits: 8, meshX: 4}", "word-bits: 8, meshX: 3}", "local[0].attributes.meshX");
        yield return Arch("timeloop arch bad range", "PE[0..15]", "PE[15..0]", "subtree[0].name", "PE[15..0]");
        yield return Arch("timeloop arch sparse", "word-bits: 8, meshX: 4}", "word-bits: 8, meshX: 4, metadata_datawidth: 4}", "metadata_datawidth", "sparse");
        yield return Arch("timeloop arch bandwidth", "{depth: 1024, width: 64, word-bits: 8}", "{depth: 1024, width: 64, word-bits: 8, read_bandwidth: fast}", "read_bandwidth", "fast");
        yield return Ert("timeloop ert no table", "System.Chip.Buffer", "System.Chip.Other", "Buffer");
        yield return Ert("timeloop ert energy", "energy: 18}", "energy: -18}", ".energy", "negative");
        yield return Ert("timeloop ert no compute", "name: compute", "name: multiply", "compute");
        yield return Args("run --simulation-cap negative", ["run", "--model", "lenet5", "--simulation-cap", "-1", "--out", "{dir}/out"], "--simulation-cap", "-1");
        yield return Args("map --simulation-cap negative", ["map", "--model", "lenet5", "--layer", "c1", "--simulation-cap", "-1"], "--simulation-cap", "-1");
        yield return Args("map --counting nope", ["map", "--model", "lenet5", "--layer", "c1", "--counting", "exact"], "--counting", "exact");
        yield return Args("map --timeloop-halo alone", ["map", "--model", "lenet5", "--layer", "c1", "--timeloop-halo", "head"], "--timeloop-halo");
        yield return Args("map --timeloop-halo nope", ["map", "--model", "lenet5", "--layer", "c1", "--counting", "timeloop", "--timeloop-halo", "2023"], "--timeloop-halo", "2023");
        yield return Args("run --ert on an AccelSim arch", ["run", "--model", "lenet5", "--ert", "{dir}/none.yaml", "--out", "{dir}/out"], "--ert");
        yield return Args("map --ert with a missing arch", ["map", "--model", "lenet5", "--layer", "c1", "--arch", "{dir}/missing.yaml", "--ert", "{dir}/none.yaml"], "{dir}/missing.yaml", "no such file");
    }

    private static string Swap(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new ArgumentException($"'{from}' not in the text");

    /// <summary>The command reading a file of <paramref name="format"/>.</summary>
    public static string[] Reader(string format, string file) => format switch
    {
        "workload" => ["zoo", file],
        "arch" => ["arch", file],
        "dataflow" => ["map", "--model", "lenet5", "--layer", "c1", "--arch", "eyeriss", "--dataflow", file],
        _ => ["map", "--model", "lenet5", "--layer", "c1", "--arch", "eyeriss", "--mapping", file],
    };

    private static BadInput File(string name, string format, string text, params string[] mentions) =>
        new(name, new Dictionary<string, string?> { ["in.yaml"] = text }, Reader(format, "{dir}/in.yaml"), ["{dir}/in.yaml", .. mentions]);

    private static IEnumerable<BadInput> YamlSyntax()
    {
        string[] texts =
        [
            "a: {b: 1\nc: 2\n", "a: [1, 2\nb: 3\n", "a: \"unterminated\n", "a: 'x\n", "- a\nb: c\n", "a: b: c\n", "\tname: x\n",
            "a: " + new string('[', 50_000) + new string(']', 50_000) + "\n", "a: " + string.Concat(Enumerable.Repeat("{a: ", 30_000)) + "1" + new string('}', 30_000) + "\n",
            "a:\n" + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n", "a: 1\n---\nb: 2\n", "name: x\nname: y\n", "name: \"a\\0b\"\n",
            "name: \"a\\x01b\"\n", "a: &x 1\nb: *x\n", "? [a, b]\n: 1\n", "[1, 2, 3]\n", "just text\n", "", "# only a comment\n", "null\n", "!!binary abc\n",
            "a: !!int x\n", "%YAML 9.9\n---\na: 1\n", "a: 1\n...\n---\nb: 2\n",
        ];
        foreach (string format in Formats)
            for (int i = 0; i < texts.Length; i++) yield return File($"{format} syntax #{i}", format, texts[i]);
        foreach (string format in Formats)
            yield return new BadInput($"{format} bytes", new Dictionary<string, string?> { ["in.yaml"] = "name: a\u00ff" }, Reader(format, "{dir}/in.yaml"), ["{dir}/in.yaml"]);
    }

    private static IEnumerable<BadInput> WorkloadFields()
    {
        string[] badPositive = ["0", "-1", "abc", "2147483648", "1.5", "[1, 2, 3]", "{a: 1}", "\"\"", "null"];
        string conv = "{name: conv, kind: conv, input: input, out_channels: 8, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1}";
        foreach (string key in new[] { "out_channels", "kernel", "stride", "dilation", "groups" })
            foreach (string value in badPositive)
                yield return File($"workload {key}={value}", "workload", Workload.Replace(conv, Set(conv, key, value)), "layer 'conv'");
        foreach (string value in new[] { "-1", "x", "2147483648", "2147483647", "[1, -1]", "[1, 2, 3]" })
            yield return File($"workload padding={value}", "workload", Workload.Replace(conv, Set(conv, "padding", value)), "layer 'conv'");
        foreach (string value in new[] { "[3, 16]", "[3, 0, 16]", "[-3, 16, 16]", "[a, 16, 16]", "3", "[3, 16, 16, 1]", "[2147483647, 2147483647, 2147483647]" })
            yield return File($"workload shape={value}", "workload", Workload.Replace("shape: [3, 16, 16]", $"shape: {value}"), "layer 'input'");
        var structural = new (string Find, string Replace, string Mention)[]
        {
            ("out_features: 10", "out_features: 0", "layer 'fc'"),
            ("out_features: 10", "out_featurez: 10", "layer 'fc'"),
            ("kind: maxpool", "kind: maxpooling", "layer 'pool'"),
            ("input: pool", "input: nowhere", "layer 'fc'"),
            ("input: relu", "input: fc", "cycle"),
            ("name: relu", "name: conv", "layer 'conv'"),
            ("function: relu", "function: [relu]", "layer 'relu'"),
            ("kernel: 2, stride: 2}", "kernel: 2, stride: 2, ceil_mode: maybe}", "layer 'pool'"),
            ("kernel: 2, stride: 2}", "kernel: 64, stride: 2}", "layer 'pool'"),
            ("model: tiny", "model: ''", "model"),
            ("model: tiny", "model: [tiny]", "model"),
            ("model: tiny", "modell: tiny", "modell"),
            ("layers:", "layerz:", "layerz"),
            ("- {name: input,", "- {input,", "layer"),
            ("groups: 1}", "groups: 3}", "layer 'conv'"),
            ("groups: 1}", "groups: 1, in_channels: 4}", "layer 'conv'"),
            ("out_features: 10}", "out_features: 10, in_features: 7}", "layer 'fc'"),
            ("{name: relu", "{name: \"r\\u0000lu\"", "name"),
            ("{name: relu", "{name: \"r\\nlu\"", "name"),
        };
        foreach (var (find, replace, mention) in structural)
            yield return File($"workload {replace}", "workload", Workload.Replace(find, replace), mention);
        yield return File("workload no layers", "workload", "model: tiny\nlayers: []\n", "tiny");
        yield return File("workload layers not list", "workload", "model: tiny\nlayers: {a: 1}\n", "layers");
        yield return File("workload concat overflow", "workload",
            "model: big\nlayers:\n  - {name: a, kind: input, shape: [2000000000, 1, 1]}\n  - {name: b, kind: input, shape: [2000000000, 1, 1]}\n  - {name: c, kind: concat, inputs: [a, b]}\n", "layer 'c'");
    }

    private static string Set(string layer, string key, string value) =>
        System.Text.RegularExpressions.Regex.Replace(layer, $@"\b{key}: [^,}}]+", $"{key}: {value}");

    private static IEnumerable<BadInput> ArchFields()
    {
        string eyeriss = System.IO.File.ReadAllText(Path.Combine(AccelSim.Tests.Workloads.Figures.RepoRoot(), "arch-configs", "eyeriss.yaml"));
        var edits = new (string Find, string Replace, string Mention)[]
        {
            ("clock_mhz: 200", "clock_mhz: 0", "clock_mhz"), ("clock_mhz: 200", "clock_mhz: -5", "clock_mhz"), ("clock_mhz: 200", "clock_mhz: fast", "clock_mhz"),
            ("clock_mhz: 200", "clock_mhz: .inf", "clock_mhz"), ("clock_mhz: 200", "clock_mhz: 1e400", "clock_mhz"),
            ("energy_table: accelergy-65nm", "energy_table: nope", "energy_table"),
            ("dataflows: [row-stationary,", "dataflows: [diagonal-stationary,", "dataflows[0]"),
            ("capacity: 108KB", "capacity: -4", "capacity"), ("capacity: 108KB", "capacity: 0", "capacity"), ("capacity: 108KB", "capacity: lots", "capacity"),
            ("capacity: 108KB", "capacity: 1.5", "capacity"), ("capacity: 108KB", "capacity: 99999999999999999999", "capacity"),
            ("capacity: 108KB", "capacity: 9223372036854775808", "capacity"), ("capacity: 108KB", "capacity: 1B", "capacity"),
            ("weights: 224,", "weights: 9223372036854775808,", "partitions.weights"), ("weights: 224,", "weights: -1,", "partitions.weights"),
            ("weights: 224,", "biases: 224,", "partitions.biases"), ("weights: 224,", "weights: 224, weights: 2,", "weights"),
            ("word_bits: 16\n    read_bandwidth: 4", "word_bits: 0\n    read_bandwidth: 4", "word_bits"),
            ("word_bits: 16\n    read_bandwidth: 4", "word_bits: x\n    read_bandwidth: 4", "word_bits"),
            ("read_bandwidth: 4", "read_bandwidth: 0", "read_bandwidth"), ("read_bandwidth: 4", "read_bandwidth: -1", "read_bandwidth"),
            ("read_bandwidth: 4", "read_bandwidth: NaN", "read_bandwidth"), ("read_bandwidth: 4", "read_bandwidth: [4]", "read_bandwidth"),
            ("class: dram", "class: flash", "class"), ("class: sram", "class: [sram]", "class"),
            ("keeps: [inputs, outputs]", "keeps: [inputs, outputz]", "keeps"), ("keeps: [inputs, outputs]", "keeps: {a: 1}", "keeps"),
            ("x: 14", "x: 0", "fanout.x"), ("x: 14", "x: -14", "fanout.x"), ("x: 14", "x: 2147483648", "fanout.x"), ("y: 12", "y: twelve", "fanout.y"),
            ("multicast: {x: [weights, inputs]", "multicast: {x: [weights, biases]", "multicast.x[1]"), ("multicast: {x:", "multicast: {z:", "multicast.z"),
            ("reduction: {x: false, y: true}", "reduction: {x: false, y: maybe}", "reduction.y"), ("reduction: {x: false, y: true}", "reduction: maybe", "reduction"),
            ("diagonal_multicast: true", "diagonal_multicast: sideways", "diagonal_multicast"),
            ("diagonal_multicast: true", "diagonal_multicast: true\n        forward: {y: [psums], w: [inputs]}", "forward.w"),
            ("double_buffered: false", "double_buffered: 2", "double_buffered"),
            ("mac:\n  bits: 16", "mac:\n  bits: 0", "mac.bits"), ("mac:\n  bits: 16", "mac:\n  bits: sixteen", "mac.bits"), ("mac:\n  bits: 16", "mac: 16", "mac"),
            ("mac:\n  bits: 16", "mac:\n  bits: 16\n  type: quantum", "mac.type"), ("lanes: 4", "lanes: 0", "vector.lanes"), ("lanes: 4", "lanez: 4", "vector.lanez"),
            ("name: eyeriss", "nam: eyeriss", "nam"), ("levels:", "levelz:", "levelz"), ("  - name: GlobalBuffer", "  - nome: GlobalBuffer", "nome"),
        };
        foreach (var (find, replace, mention) in edits)
        {
            Assert.Contains(find, eyeriss);
            yield return File($"arch {replace}", "arch", ReplaceFirst(eyeriss, find, replace), mention);
        }
        yield return File("arch no levels", "arch", "name: x\nmac: {bits: 8}\nlevels: []\n");
        yield return File("arch no mac", "arch", "name: x\nenergy_table: horowitz-45nm\nlevels:\n  - {name: DRAM, class: dram}\n", "mac");
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    private static IEnumerable<BadInput> MappingFields()
    {
        var edits = new (string Find, string Replace, string Mention)[]
        {
            ("{M: 6, S: 5}", "{M: 5, S: 5}", "M"), ("{M: 6, S: 5}", "{M: 6, m: 1, S: 5}", "given twice"), ("{M: 6, S: 5}", "{M: 6, X: 5}", "X"),
            ("{M: 6, S: 5}", "{M: -6, S: 5}", "M"), ("{M: 6, S: 5}", "{M: 6.5, S: 5}", "M"), ("{M: 6, S: 5}", "{M: 2147483648, S: 5}", "M"),
            ("{M: 6, S: 5}", "{M: 6, S: 5, C: 7}", "C"), ("{M: 6, S: 5}", "[6, 5]", "temporal"), ("order: [M, S]", "order: [M, M]", "order"),
            ("order: [M, S]", "order: [M, Z]", "order"), ("order: [P, Q]", "order: {P: 1}", "order"), ("spatial_x: {P: 14}", "spatial_x: {P: 15}", "P"),
            ("spatial_x: {P: 14}", "spatial_x: {P: 1000}", "spatial"), ("spatial_y: {R: 5}", "spatial_y: {R: 0}", "spatial_y.R"),
            ("keeps: [inputs, outputs]", "keeps: [inputs, biases]", "keeps"), ("- name: Spad", "- name: RegisterFile", "name"),
            ("- name: Spad", "- nam: Spad", "nam"), ("levels:", "levelz:", "levelz"), ("temporal: {P: 2, Q: 28}", "temporal: {P: 1, Q: 1}", "P"),
        };
        foreach (var (find, replace, mention) in edits)
        {
            Assert.Contains(find, Mapping);
            yield return File($"mapping {replace}", "mapping", ReplaceFirst(Mapping, find, replace), mention);
        }
        yield return File("mapping two levels", "mapping", Mapping[..Mapping.IndexOf("  - name: Spad", StringComparison.Ordinal)], "levels");
        yield return File("mapping layers unknown", "mapping", "layers:\n  - layer: nope\n    levels: []\n", "c1");
        yield return File("mapping layers scalar", "mapping", "layers: 3\n", "layers");
    }

    private static BadInput Args(string name, string[] args, params string[] mentions) => new(name, new Dictionary<string, string?>(), args, mentions);

    private static IEnumerable<BadInput> Arguments()
    {
        string[] map = ["map", "--model", "lenet5", "--layer", "c1"];
        foreach (string value in new[] { "0", "-1", "abc", "2147483648", "1.5" })
        {
            yield return Args($"map --batch {value}", [.. map, "--batch", value], "--batch");
            yield return Args($"run --batch {value}", ["run", "--model", "lenet5", "--batch", value, "--out", "{dir}/out"], "--batch");
            yield return Args($"sweep --batch {value}", ["sweep", "--model", "lenet5", "--set", "array=8x8", "--batch", value, "--out", "{dir}/out"], "--batch");
            yield return Args($"map --trace-rows {value}", [.. map, "--trace-rows", value], "--trace-rows");
            yield return Args($"compare --channels {value}", ["compare", "--layers", "dense-vs-depthwise", "--channels", value, "--out", "{dir}/out"], "--channels");
            yield return Args($"compare --sizes {value}", ["compare", "--layers", "dense-vs-depthwise", "--sizes", value, "--out", "{dir}/out"], "--sizes");
        }
        foreach (string value in new[] { "-5", "-1", "x" }) yield return Args($"map --samples {value}", [.. map, "--samples", value], "--samples");
        foreach (string value in new[] { "0/2", "3/2", "1/0", "x", "1/", "-1/2", "1/2/3" })
            yield return Args($"sweep --shard {value}", ["sweep", "--model", "lenet5", "--set", "array=8x8", "--shard", value, "--out", "{dir}/out"], "--shard");
        foreach (string value in new[] { "array", "array=", "nope=1", "array=0x8", "array=axb", "rf=-3", "=4", "dram_bw=0" })
            yield return Args($"sweep --set {value}", ["sweep", "--model", "lenet5", "--set", value, "--out", "{dir}/out"], "--set");
        yield return Args("map --layer nope", ["map", "--model", "lenet5", "--layer", "nope"], "nope");
        yield return Args("map --layer pool", ["map", "--model", "lenet5", "--layer", "s2"], "s2");
        yield return Args("map --model nope", ["map", "--model", "nope", "--layer", "c1"], "nope");
        yield return Args("map --arch nope", [.. map, "--arch", "nope"], "nope");
        yield return Args("map --arch missing file", [.. map, "--arch", "{dir}/none.yaml"], "{dir}/none.yaml");
        yield return Args("map --arch folder", [.. map, "--arch", "{dir}"], "{dir}");
        yield return Args("map --model folder", ["map", "--model", "{dir}/", "--layer", "c1"], "{dir}");
        yield return Args("map --mapping folder", [.. map, "--mapping", "{dir}"], "{dir}");
        yield return Args("map --mapping missing", [.. map, "--mapping", "{dir}/none.yaml"], "{dir}/none.yaml");
        yield return Args("map --dataflow nope", [.. map, "--dataflow", "diagonal"], "diagonal");
        yield return Args("map --objective nope", [.. map, "--objective", "beauty"], "beauty");
        yield return Args("map no --layer", ["map", "--model", "lenet5"], "--layer");
        yield return Args("run --dataflow nope", ["run", "--model", "lenet5", "--dataflow", "diagonal", "--out", "{dir}/out"], "diagonal");
        yield return Args("run --objective nope", ["run", "--model", "lenet5", "--objective", "beauty", "--out", "{dir}/out"], "beauty");
        yield return Args("run --energy-table nope", ["run", "--model", "lenet5", "--energy-table", "tsmc-3nm", "--out", "{dir}/out"], "--energy-table", "tsmc-3nm");
        yield return Args("sweep --energy-table nope", ["sweep", "--model", "lenet5", "--set", "array=8x8", "--energy-table", "nope", "--out", "{dir}/out"], "--energy-table");
        yield return Args("map --energy-table nope", [.. map, "--energy-table", "nope"], "--energy-table");
        yield return Args("run --mappings missing", ["run", "--model", "lenet5", "--mappings", "{dir}/none.yaml", "--out", "{dir}/out"], "--mappings", "{dir}/none.yaml");
        yield return Args("run timeloop: missing", ["run", "--model", "timeloop:{dir}/none", "--out", "{dir}/out"], "{dir}/none");
        yield return Args("map --save-timeloop grouped", ["map", "--model", "alexnet", "--layer", "conv2", "--save-timeloop", "{dir}/t.yaml"], "dim G");
        yield return Args("zoo --format xml", ["zoo", "--format", "xml"], "xml");
        yield return Args("zoo nope", ["zoo", "nope"], "nope");
        yield return Args("zoo missing file", ["zoo", "{dir}/none.yaml"], "{dir}/none.yaml");
        yield return Args("zoo folder", ["zoo", "{dir}"], "{dir}");
        yield return Args("arch nope", ["arch", "nope"], "nope");
        yield return Args("arch folder", ["arch", "{dir}/"], "{dir}");
        yield return Args("compare neither", ["compare", "--out", "{dir}/out"], "--models");
        yield return Args("compare both", ["compare", "--models", "lenet5", "--layers", "dense-vs-depthwise", "--out", "{dir}/out"], "--models");
        yield return Args("compare --layers nope", ["compare", "--layers", "nope", "--out", "{dir}/out"], "nope");
        yield return Args("compare --models nope", ["compare", "--models", "lenet5,nope", "--out", "{dir}/out"], "nope");
        yield return Args("compare --models empty", ["compare", "--models", ",", "--out", "{dir}/out"], "--models");
        yield return Args("unknown command", ["simulate"], "simulate");
        yield return Args("unknown option", ["run", "--modle", "lenet5"], "--modle");
        yield return Args("missing value", ["run", "--model"], "--model");
        yield return Args("plot no folder", ["plot", "{dir}/none"], "{dir}/none");
        yield return Args("merge no shard", ["merge", "{dir}/out"], "DIR");
        yield return Args("merge missing shard", ["merge", "{dir}/out", "{dir}/none"], "{dir}/none");
        yield return Args("sweep no --set", ["sweep", "--model", "lenet5", "--out", "{dir}/out"], "--set");
        yield return Args("sweep unmappable point", ["sweep", "--model", "lenet5", "--set", "rf=3", "--out", "{dir}/out"], "rf=3");
    }

    private static IEnumerable<BadInput> OutputPaths()
    {
        var folder = new Dictionary<string, string?> { ["taken"] = "a file", ["sub"] = null, ["sub/alexnet.yaml"] = null, ["sub/layers.csv"] = null };
        string longName = new('m', 300);
        yield return new("run --out empty", folder, ["run", "--model", "lenet5", "--out", ""], ["--out"]);
        yield return new("run --out file", folder, ["run", "--model", "lenet5", "--out", "{dir}/taken"], ["{dir}/taken"]);
        yield return new("run --out under file", folder, ["run", "--model", "lenet5", "--out", "{dir}/taken/x"], ["{dir}/taken/x"]);
        yield return new("run --out long", folder, ["run", "--model", "lenet5", "--out", "{dir}/" + longName], ["--out"]);
        yield return new("run --out dir named like a file", folder, ["run", "--model", "lenet5", "--out", "{dir}/sub"], ["{dir}/sub", "layers.csv"]);
        yield return new("compare --out empty", folder, ["compare", "--models", "lenet5", "--out", ""], ["--out"]);
        yield return new("compare --out file", folder, ["compare", "--models", "lenet5", "--out", "{dir}/taken"], ["{dir}/taken"]);
        yield return new("zoo export onto file", folder, ["zoo", "export", "{dir}/taken"], ["{dir}/taken"]);
        yield return new("zoo export empty", folder, ["zoo", "export", ""], ["export"]);
        yield return new("zoo export dir named like a file", folder, ["zoo", "export", "{dir}/sub"], ["{dir}/sub", "alexnet.yaml"]);
        yield return new("map --json onto folder", folder, ["map", "--model", "lenet5", "--layer", "c1", "--json", "{dir}/sub"], ["{dir}/sub"]);
        yield return new("map --save onto folder", folder, ["map", "--model", "lenet5", "--layer", "c1", "--save", "{dir}/sub"], ["{dir}/sub"]);
        yield return new("map --trace under file", folder, ["map", "--model", "lenet5", "--layer", "c1", "--trace", "{dir}/taken/t.csv"], ["{dir}/taken/t.csv"]);
        yield return new("sweep --out file", folder, ["sweep", "--model", "lenet5", "--set", "array=8x8", "--out", "{dir}/taken"], ["{dir}/taken"]);
        yield return new("merge onto file", folder, ["merge", "{dir}/taken", "{dir}/sub"], ["{dir}/sub"]);
        yield return new("long model name", new Dictionary<string, string?> { ["in.yaml"] = Workload.Replace("model: tiny", "model: " + longName) },
            ["run", "--model", "{dir}/in.yaml", "--out", "{dir}/" + longName + "-eyeriss"], ["--out"]);
    }

    private const string Csv = "layer,kind,macs,cycles,utilization,energy,energy_unit,dram_bytes\nconv,Conv,100,10,0.5,1000,pJ,64\n";
    private const string Summary = "{\"model\": \"tiny\", \"arch\": \"eyeriss\", \"batch\": 1, \"energy\": 1000, \"energy_unit\": \"pJ\", \"cycles\": 10}";

    private static BadInput Plot(string name, string? csv, string? summary, params string[] mentions)
    {
        var files = new Dictionary<string, string?> { ["r"] = null };
        if (csv is not null) files["r/layers.csv"] = csv;
        if (summary is not null) files["r/summary.json"] = summary;
        return new($"plot {name}", files, ["plot", "{dir}/r"], ["{dir}/r", .. mentions]);
    }

    private static IEnumerable<BadInput> PlotFolders()
    {
        yield return Plot("empty folder", null, null, "layers.csv");
        yield return Plot("no summary", Csv, null, "summary.json");
        yield return Plot("no csv", null, Summary, "layers.csv");
        foreach (string json in new[] { "[]", "null", "\"x\"", "3", "{", "{\"a\": }", "" })
            yield return Plot($"summary {json}", Csv, json, "summary.json");
        yield return Plot("unbalanced quote", Csv + "\"fc,Conv,1,1,1,1,1\nx,y,1,1,1,1,1\n" + new string('z', 5000) + "\n", Summary, "layers.csv");
        yield return Plot("missing column", "layer,kind\nconv,Conv\n", Summary, "layers.csv");
        yield return Plot("not a number", Csv.Replace("1000", "lots"), Summary, "layers.csv", "energy");
        yield return Plot("empty csv", "", Summary, "layers.csv");
        yield return new("plot csv is folder", new Dictionary<string, string?> { ["r"] = null, ["r/layers.csv"] = null, ["r/summary.json"] = Summary },
            ["plot", "{dir}/r"], ["{dir}/r/layers.csv"]);
        yield return new("plot summary is folder", new Dictionary<string, string?> { ["r"] = null, ["r/layers.csv"] = Csv, ["r/summary.json"] = null },
            ["plot", "{dir}/r"], ["{dir}/r/summary.json"]);
    }

    private const string Manifest = """
        {"arch": "eyeriss", "energy_unit": "MAC", "batch": 1, "dataflow": "default", "models": ["lenet5"],
         "axes": [{"key": "array", "x_label": "PEs", "values": [{"text": "8x8", "x": 64}]}], "points": 1, "shard": "1/1"}
        """;

    private const string SweepCsv = "point,model,array,energy\n0,lenet5,8x8,1\n";

    private static BadInput Merge(string name, string manifest, string? csv, params string[] mentions) =>
        new($"merge {name}", new Dictionary<string, string?> { ["s"] = null, ["s/sweep.json"] = manifest, ["s/sweep.csv"] = csv ?? SweepCsv },
            ["merge", "{dir}/out", "{dir}/s"], ["{dir}/s", .. mentions]);

    private static IEnumerable<BadInput> MergeFolders()
    {
        var edits = new (string Find, string Replace, string Mention)[]
        {
            ("\"points\": 1", "\"points\": -1", "points"), ("\"points\": 1", "\"points\": 2000000000", "points"), ("\"points\": 1", "\"points\": 1.5", "points"),
            ("\"points\": 1", "\"points\": \"1\"", "points"), ("\"points\": 1", "\"points\": null", "points"), ("\"points\": 1,", "", "points"),
            ("\"batch\": 1", "\"batch\": \"one\"", "batch"), ("\"batch\": 1", "\"batch\": 0", "batch"), ("\"batch\": 1", "\"batch\": 1e10", "batch"),
            ("\"arch\": \"eyeriss\"", "\"arch\": 7", "arch"), ("\"models\": [\"lenet5\"]", "\"models\": \"lenet5\"", "models"),
            ("\"models\": [\"lenet5\"]", "\"models\": [1]", "models[0]"), ("\"axes\": [", "\"axes\": 3, \"x\": [", "axes"),
            ("[{\"key\": \"array\",", "[3, {\"key\": \"array\",", "axes[0]"), ("\"x\": 64", "\"x\": \"64\"", "axes[0].values[0].x"), ("\"text\": \"8x8\",", "", "text"),
        };
        foreach (var (find, replace, mention) in edits)
        {
            Assert.Contains(find, Manifest);
            yield return Merge(replace.Length == 0 ? $"without {find}" : replace, Manifest.Replace(find, replace), null, "sweep.json", mention);
        }
        foreach (string json in new[] { "[]", "null", "{", "", "\"x\"" }) yield return Merge($"manifest {json}", json, null, "sweep.json");
        yield return new("merge no csv", new Dictionary<string, string?> { ["s"] = null, ["s/sweep.json"] = Manifest }, ["merge", "{dir}/out", "{dir}/s"], ["{dir}/s"]);
        yield return Merge("csv unbalanced quote", Manifest, "point,model\n\"0,lenet5\n", "sweep.csv");
    }
}
