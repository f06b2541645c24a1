using System.Globalization;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>Renders the zoo list and a model's layer table, as a Spectre table or as CSV, to the command's output.</summary>
internal static class ZooReport
{
    /// <summary>Exactly model,conv_layers,fc_layers,weights,macs in CSV; a table with the description otherwise.</summary>
    public static void WriteList(IEnumerable<(ZooEntry Entry, ModelSummary Summary)> rows, bool csv, TextWriter output)
    {
        if (csv)
        {
            output.WriteLine("model,conv_layers,fc_layers,weights,macs");
            foreach (var (_, s) in rows) output.WriteLine(Invariant($"{s.Model},{s.ConvLayers},{s.FcLayers},{s.Weights},{s.Macs}"));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("AccelSim model zoo (biases excluded, batch 1)");
        table.AddColumn("model").AddColumn(new TableColumn("conv").RightAligned()).AddColumn(new TableColumn("fc").RightAligned())
            .AddColumn(new TableColumn("weights").RightAligned()).AddColumn(new TableColumn("MACs").RightAligned()).AddColumn("description");
        foreach (var (entry, s) in rows)
            table.AddRow(Markup.Escape(s.Model), Count(s.ConvLayers), Count(s.FcLayers), Si(s.Weights), Si(s.Macs), Markup.Escape(entry.Description));
        Render(table, output);
    }

    /// <summary>One row per layer: kind, loop nest (or in → out shapes), weights, MACs, input and output activations.</summary>
    public static void WriteLayers(ModelGraph model, bool csv, TextWriter output)
    {
        if (csv)
        {
            output.WriteLine("layer,kind,shape,weights,macs,input_activations,output_activations");
            foreach (var l in model.Layers)
                output.WriteLine(Invariant($"{l.Name},{l.Kind},{ShapeText(l)},{l.Weights},{l.Macs},{l.InputActivations},{l.OutputActivations}"));
            return;
        }
        var summary = ModelSummary.Of(model);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(model.Name)}: {model.Layers.Count} layers, {Si(summary.Weights)} weights, {Si(summary.Macs)} MACs");
        table.AddColumn("layer").AddColumn("kind").AddColumn("shape").AddColumn(new TableColumn("weights").RightAligned())
            .AddColumn(new TableColumn("MACs").RightAligned()).AddColumn(new TableColumn("in act.").RightAligned())
            .AddColumn(new TableColumn("out act.").RightAligned());
        foreach (var l in model.Layers)
            table.AddRow(Markup.Escape(l.Name + (model.Folded.TryGetValue(l.Name, out var bn) ? $" (+{string.Join(", ", bn)} folded)" : "")), l.Kind.ToString(), Markup.Escape(ShapeText(l)), Count(l.Weights), Count(l.Macs),
                Count(l.InputActivations), Count(l.OutputActivations));
        Render(table, output);
    }

    // A MAC layer shows its loop nest; any other layer shows how its inputs map to its output.
    private static string ShapeText(LayerNode l) =>
        l.Problem?.ToString() ?? $"{string.Join(" + ", l.InputShapes)} -> {l.Output}".TrimStart(' ', '-', '>').Trim();

    private static void Render(Table table, TextWriter output)
    {
        // Plain text to whatever writer the command got, wide enough that rows do not wrap in files and tests.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        console.Write(table);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Si(long value) => value switch
    {
        >= 1_000_000_000 => (value / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + "G",
        >= 1_000_000 => (value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
