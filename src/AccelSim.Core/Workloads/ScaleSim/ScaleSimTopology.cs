using System.Globalization;
using AccelSim.Common;
using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.ScaleSim;

/// <summary>
/// Reads SCALE-Sim v2 topology CSVs (scale-sim-v2 scalesim/topology_utils.py) as AccelSim models: one independent layer
/// per row, each over its own input, with the shapes SCALE-Sim computes.
/// <list type="bullet">
/// <item>Convolution files (<c>Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter,
/// Strides</c>, or a ninth column when the height and width strides differ; load_arrays_conv): the output size is
/// SCALE-Sim's ceil((ifmap − filter + stride) / stride) (topology_utils.py lines 209-210), which AccelSim writes as
/// padding below and right of the input (<see cref="Window.Padded"/>), 0 to stride − 1 rows. A row whose name contains
/// "DP" is SCALE-Sim's depthwise layer (one layer per channel, lines 97-102): here one depthwise convolution, groups =
/// channels, Num Filter filters per channel.</item>
/// <item>GEMM files (<c>Layer, M, N, K</c>; load_arrays_gemm): an M × K by K × N matrix product, as a matmul over M tokens
/// of K features giving N outputs each.</item>
/// </list>
/// SCALE-Sim ends every row with a comma; trailing empty cells are ignored, so rows with or without it read alike.
/// </summary>
public static class ScaleSimTopology
{
    private static readonly string[] ConvFields = ["IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides"];
    private static readonly string[] ConvFieldsTwoStrides = [.. ConvFields[..6], "Stride Height", "Stride Width"];
    private static readonly string[] GemmFields = ["M", "N", "K"];

    /// <summary>True for a file SCALE-Sim would read as a topology (a .csv file).</summary>
    public static bool Recognizes(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads a topology CSV as a model named after the file; malformed rows are an <see cref="InputException"/> naming the row and field.</summary>
    public static ModelGraph Load(string path)
    {
        var text = YamlFrontEnd.ReadFile(path); // the shared reader: strict UTF-8, size limit, folder and missing-file errors
        var model = Parse(text, path);
        try { return ModelGraph.Build(Path.GetFileNameWithoutExtension(path), model); }
        catch (WorkloadException e) { throw new InputException($"{path}: {e.Message}"); }
    }

    /// <summary>The layers of a topology given as text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<Layer> Parse(string text, string source)
    {
        var lines = text.Split('\n');
        int header = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (header < 0) throw new InputException($"{source}: (file): empty; expected SCALE-Sim's header row and one row per layer");
        var columns = Cells(lines[header]);
        bool gemm = columns.Count == 1 + GemmFields.Length;
        if (!gemm && columns.Count != 1 + ConvFields.Length && columns.Count != 1 + ConvFieldsTwoStrides.Length)
            throw new InputException($"{source}: row {header + 1}: header: {columns.Count} columns; expected SCALE-Sim's convolution header "
                + $"(Layer name, {string.Join(", ", ConvFields)}) or its GEMM header (Layer, M, N, K)");
        var layers = new List<Layer>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = header + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue; // SCALE-Sim skips blank rows too
            var row = new Row(source, i + 1, Cells(lines[i]));
            if (!names.Add(row.Name)) throw row.Error("Layer name", $"'{row.Name}' is used by an earlier row");
            var rowLayers = gemm ? Gemm(row) : Conv(row);
            // Each row is a model of its own: shape it here so that a size beyond AccelSim's counts names its row.
            try { ModelGraph.Build(row.Name, rowLayers); }
            catch (WorkloadException e) { throw row.Error("(shape)", e.Message); }
            layers.AddRange(rowLayers);
        }
        if (layers.Count == 0) throw new InputException($"{source}: (file): no layer rows after the header");
        return layers;
    }

    private static Layer[] Conv(Row row)
    {
        var fields = row.Cells.Count == 1 + ConvFieldsTwoStrides.Length ? ConvFieldsTwoStrides
            : row.Cells.Count == 1 + ConvFields.Length ? ConvFields
            : throw row.Error("(row)", $"{row.Cells.Count} cells; expected {1 + ConvFields.Length} (name, {string.Join(", ", ConvFields)}) or {1 + ConvFieldsTwoStrides.Length} with two strides");
        int[] v = fields.Select((f, k) => row.Positive(k + 1, f)).ToArray();
        int h = v[0], w = v[1], fh = v[2], fw = v[3], channels = v[4], filters = v[5], sh = v[6], sw = v.Length > 7 ? v[7] : v[6];
        // SCALE-Sim asserts these (topology_utils.py lines 164-165, "ISSUE #9 Fix").
        if (fh > h) throw row.Error(fields[2], $"{fh} is larger than the IFMAP height {h}");
        if (fw > w) throw row.Error(fields[3], $"{fw} is larger than the IFMAP width {w}");
        var window = Window.Padded(fh, fw, sh, sw, 0, CeilPadding(h, fh, sh), 0, CeilPadding(w, fw, sw));
        string input = row.Name + "_input";
        bool depthwise = row.Name.Contains("DP", StringComparison.Ordinal);
        int outChannels = depthwise ? row.Checked(6, fields[5], () => checked(channels * filters)) : filters;
        return [new InputLayer(input, new FeatureMap(channels, h, w)), new ConvLayer(row.Name, input, outChannels, window, depthwise ? channels : 1)];
    }

    private static Layer[] Gemm(Row row)
    {
        if (row.Cells.Count != 1 + GemmFields.Length)
            throw row.Error("(row)", $"{row.Cells.Count} cells; expected {1 + GemmFields.Length} (name, M, N, K)");
        int m = row.Positive(1, "M"), n = row.Positive(2, "N"), k = row.Positive(3, "K");
        string input = row.Name + "_input";
        return [new InputLayer(input, new FeatureMap(k, m, 1)), new MatMulLayer(row.Name, input, n)];
    }

    /// <summary>
    /// Rows (or columns) to pad below (right of) the input so that AccelSim's floor((in + pad − filter) / stride) + 1 equals
    /// SCALE-Sim's ceil((in − filter + stride) / stride): (out − 1) · stride + filter − in, between 0 and stride − 1.
    /// </summary>
    public static int CeilPadding(int input, int filter, int stride)
    {
        long output = ((long)input - filter + stride + stride - 1) / stride;
        return checked((int)((output - 1) * stride + filter - input));
    }

    // SCALE-Sim splits on commas and trims each cell; trailing empty cells (its closing comma) are dropped.
    private static List<string> Cells(string line)
    {
        var cells = line.Split(',').Select(c => c.Trim()).ToList();
        while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        return cells;
    }

    private sealed record Row(string Source, int Number, IReadOnlyList<string> Cells)
    {
        public string Name => Cells.Count > 0 && Cells[0].Length > 0 ? Cells[0] : throw Error("Layer name", "missing");

        public InputException Error(string field, string what) => new($"{Source}: row {Number}: {field}: {what}");

        public int Positive(int index, string field)
        {
            if (index >= Cells.Count || Cells[index].Length == 0) throw Error(field, "missing");
            if (!long.TryParse(Cells[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                throw Error(field, $"'{Cells[index]}' is not an integer");
            return value is >= 1 and <= int.MaxValue ? (int)value : throw Error(field, $"must be a positive 32-bit integer, got {value}");
        }

        public int Checked(int index, string field, Func<int> compute)
        {
            try { return compute(); }
            catch (OverflowException) { throw Error(field, $"'{Cells[index]}' makes a count beyond 2,147,483,647"); }
        }
    }
}
