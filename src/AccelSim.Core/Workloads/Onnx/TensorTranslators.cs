using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Ops that move or relabel whole tensors. Reshape, Flatten, Transpose, Squeeze and Unsqueeze relabel an activation for
/// free (they must keep the batch dim first); the exception is ShuffleNet's Reshape-Transpose-Reshape, a channel shuffle.
/// Concat, Split and Slice along channels become concat and slice layers.
/// </summary>
internal static class TensorTranslators
{
    public static void Register(IDictionary<string, OnnxTranslator> table)
    {
        table["Reshape"] = Reshape;
        table["Flatten"] = Flatten;
        table["Transpose"] = Transpose;
        table["Squeeze"] = Squeeze;
        table["Unsqueeze"] = Unsqueeze;
        table["Concat"] = Concat;
        table["Split"] = Split;
        table["Slice"] = Slice;
    }

    private static void Reshape(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        long[] target = context.Ints(node, 1, "the shape");
        if (target.Length == 0 || target[0] is not (0 or 1 or -1 or ConstantValue.Batch))
            throw context.Fail(node, $"reshaping {input.DimsText} to [{Text(target)}] moves the batch dim, which AccelSim cannot relabel");
        var dims = target[1..].Select((d, i) => d == 0 && i < input.Dims.Length ? input.Dims[i] : d).ToArray();
        if (dims.Any(d => d == ConstantValue.Batch)) throw context.Fail(node, $"the shape [{Text(target)}] uses the batch dim twice");
        int unknown = Array.IndexOf(dims, -1L);
        if (unknown >= 0)
        {
            long known = dims.Where(d => d != -1).Aggregate(1L, (a, d) => checked(a * d));
            if (known <= 0 || input.Elements % known != 0) throw context.Fail(node, $"cannot view {input.DimsText} as [{Text(target)}]");
            dims[unknown] = input.Elements / known;
        }
        context.Relabel(node, input, dims);
    }

    private static void Flatten(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        long axis = node.Int("axis", 1);
        if (axis != 1 && axis != -input.Dims.Length)
            throw context.Fail(node, $"Flatten with axis {axis} merges the batch dim or keeps more than [N,F]; only axis 1 is supported");
        context.Relabel(node, input, [input.Elements]);
    }

    private static void Transpose(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        long[] perm = node.Ints("perm") ?? Enumerable.Range(0, input.Dims.Length + 1).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != input.Dims.Length + 1 || perm[0] != 0)
            throw context.Fail(node, $"perm [{Text(perm)}] moves the batch dim of {input.DimsText}, which AccelSim cannot relabel");
        long[] dims = perm[1..].Select(p => input.Dims[p - 1]).ToArray();
        // [N, g, C/g, H, W] -> [N, C/g, g, H, W] over a C x H x W map is ShuffleNet's channel shuffle: data really moves.
        if (perm.SequenceEqual([0, 2, 1, 3, 4]) && input.Dims[0] * input.Dims[1] == input.Map.Channels
            && input.Dims[2] == input.Map.Height && input.Dims[3] == input.Map.Width)
        {
            context.AddLayer(node, new ChannelShuffleLayer(node.Name, input.Layer, (int)input.Dims[0]), dims);
            return;
        }
        context.Relabel(node, input, dims);
    }

    private static void Squeeze(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        long[]? axes = node.Input(1) is not null ? context.Ints(node, 1, "axes") : node.Ints("axes");
        int rank = input.Dims.Length + 1;
        var drop = (axes ?? Enumerable.Range(1, input.Dims.Length).Where(a => input.Dims[a - 1] == 1).Select(a => (long)a))
            .Select(a => a < 0 ? a + rank : a).ToHashSet();
        if (drop.Contains(0) || drop.Any(a => a < 1 || a >= rank || input.Dims[a - 1] != 1))
            throw context.Fail(node, $"cannot squeeze axes [{Text(axes ?? [])}] of {input.DimsText}");
        context.Relabel(node, input, input.Dims.Where((_, i) => !drop.Contains(i + 1)).ToArray());
    }

    private static void Unsqueeze(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        long[] axes = node.Input(1) is not null ? context.Ints(node, 1, "axes") : node.Ints("axes") ?? throw context.Fail(node, "axes are missing");
        int rank = input.Dims.Length + 1 + axes.Length;
        var insert = axes.Select(a => a < 0 ? a + rank : a).ToHashSet();
        if (insert.Contains(0) || insert.Any(a => a < 0 || a >= rank))
            throw context.Fail(node, $"unsqueezing axes [{Text(axes)}] of {input.DimsText} moves the batch dim");
        var dims = new List<long>();
        int from = 0;
        for (int i = 1; i < rank; i++) dims.Add(insert.Contains(i) ? 1 : input.Dims[from++]);
        context.Relabel(node, input, dims.ToArray());
    }

    private static void Concat(OnnxNode node, OnnxImportContext context)
    {
        var inputs = node.Inputs.Select((_, i) => context.Activation(node, i)).ToList();
        long axis = node.Int("axis", 1);
        int rank = inputs[0].Dims.Length + 1;
        if (axis < 0) axis += rank;
        if (axis != 1 || inputs.Any(i => !IsChannels(i)))
            throw context.Fail(node, $"AccelSim concatenates feature maps along channels (axis 1) only, got axis {node.Int("axis", 1)} of {string.Join(", ", inputs.Select(i => i.DimsText))}");
        long channels = inputs.Sum(i => i.Dims[0]);
        context.AddLayer(node, new ConcatLayer(node.Name, inputs.Select(i => i.Layer).ToList()), [channels, .. inputs[0].Dims[1..]]);
    }

    private static void Split(OnnxNode node, OnnxImportContext context)
    {
        var input = Channels(node, context, "split");
        long channels = input.Dims[0];
        long[] sizes = node.Input(1) is not null ? context.Ints(node, 1, "split") : node.Ints("split")
            ?? Enumerable.Repeat(channels / node.Outputs.Count, node.Outputs.Count).ToArray();
        if (sizes.Length != node.Outputs.Count || sizes.Sum() != channels || sizes.Any(s => s <= 0))
            throw context.Fail(node, $"split sizes [{Text(sizes)}] do not divide {channels} channels into {node.Outputs.Count} outputs");
        long start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            string name = node.Outputs.Count == 1 ? node.Name : $"{node.Name}:{i}";
            context.AddLayer(node, new SliceLayer(name, input.Layer, (int)start, (int)sizes[i]), [sizes[i], .. input.Dims[1..]], node.Outputs[i]);
            start += sizes[i];
        }
    }

    // Slice of channels [start, end) with step 1; bounds are inputs since opset 10 and attributes before.
    private static void Slice(OnnxNode node, OnnxImportContext context)
    {
        var input = Channels(node, context, "slice");
        bool inputs = node.Input(1) is not null;
        long[] starts = inputs ? context.Ints(node, 1, "starts") : node.Ints("starts") ?? [];
        long[] ends = inputs ? context.Ints(node, 2, "ends") : node.Ints("ends") ?? [];
        long[] axes = (inputs ? node.Input(3) is null ? null : context.Ints(node, 3, "axes") : node.Ints("axes")) ?? [1];
        long[] steps = inputs && node.Input(4) is not null ? context.Ints(node, 4, "steps") : [1];
        int rank = input.Dims.Length + 1;
        if (input.IsImage && axes.Length > 0 && axes.All(a => (a + rank) % rank is 2 or 3) && steps.All(s => s == 1) && starts.Length == axes.Length && ends.Length == axes.Length)
        {
            Crop(node, context, input, starts, ends, axes.Select(a => (a + rank) % rank).ToArray());
            return;
        }
        if (starts.Length != 1 || ends.Length != 1 || axes.Length != 1 || (axes[0] + rank) % rank != 1 || steps is not [1])
            throw context.Fail(node, "AccelSim slices one channel range (axis 1, step 1) only");
        long channels = input.Dims[0];
        long start = Math.Clamp(starts[0] < 0 ? starts[0] + channels : starts[0], 0, channels);
        long end = Math.Clamp(ends[0] < 0 ? ends[0] + channels : ends[0], 0, channels);
        if (end <= start) throw context.Fail(node, $"the channel range [{starts[0]}, {ends[0]}) of {input.DimsText} is empty");
        context.AddLayer(node, new SliceLayer(node.Name, input.Layer, (int)start, (int)(end - start)), [end - start, .. input.Dims[1..]]);
    }

    // A Slice of rows and/or columns: kept as a crop for the Conv or pooling window that reads it.
    private static void Crop(OnnxNode node, OnnxImportContext context, ActivationValue input, long[] starts, long[] ends, long[] axes)
    {
        long top = 0, bottom = 0, left = 0, right = 0;
        for (int i = 0; i < axes.Length; i++)
        {
            long extent = input.Dims[axes[i] - 1];
            long start = Math.Clamp(starts[i] < 0 ? starts[i] + extent : starts[i], 0, extent);
            long end = Math.Clamp(ends[i] < 0 ? ends[i] + extent : ends[i], 0, extent);
            if (end <= start) throw context.Fail(node, $"the range [{starts[i]}, {ends[i]}) of axis {axes[i]} of {input.DimsText} is empty");
            if (axes[i] == 2) (top, bottom) = (start, extent - end);
            else (left, right) = (start, extent - end);
        }
        context.Set(node.Outputs[0], new CroppedValue(input, top, bottom, left, right));
    }

    private static ActivationValue Channels(OnnxNode node, OnnxImportContext context, string what)
    {
        var input = context.Activation(node, 0);
        long axis = node.Int("axis", 1);
        if ((axis != 1 && axis != -input.Dims.Length) || !IsChannels(input))
            throw context.Fail(node, $"AccelSim can {what} the channels (axis 1) of a feature map only, got axis {axis} of {input.DimsText}");
        return input;
    }

    // A feature map [N, C, H, W], or a vector [N, C] of a C x 1 x 1 map.
    private static bool IsChannels(ActivationValue value) =>
        value.IsImage || (value.Dims.Length == 1 && value.Dims[0] == value.Map.Channels && value.Map.Height == 1 && value.Map.Width == 1);

    private static string Text(long[] values) => string.Join(",", values.Select(v => v == ConstantValue.Batch ? "N" : v.ToString()));
}
