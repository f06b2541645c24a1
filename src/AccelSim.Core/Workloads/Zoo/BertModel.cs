namespace AccelSim.Workloads.Zoo;

/// <summary>
/// One BERT-base encoder layer (Devlin et al., NAACL 2019: hidden 768, 12 heads of 64, FFN 3072) over a token sequence
/// FeatureMap(768, seq, 1), all matrix products as <see cref="Layers.MatMulLayer"/>s.
/// <para>Attention convention (no transpose or reshape layers): a right operand is an activation with the element count
/// the grouped product needs, and its layout is implied by its role. Q·Kᵀ reads Q (768 × seq) with Groups = 12 heads,
/// C = 64 per head and OutFeatures = 12·seq (M = seq keys per head), with K (768 × seq) as the right operand read as
/// Kᵀ per head (64 × seq); the scores are (12·seq) × seq, i.e. heads·keys features per query token. scores·V reads the
/// scores with Groups = 12, C = seq keys per head, OutFeatures = 768 (M = 64), with V (768 × seq) read as seq × 64 per head.</para>
/// </summary>
public static class BertModel
{
    private const int Hidden = 768, Heads = 12, Ffn = 3072;

    /// <summary>The zoo name for a sequence length: "bert-base-encoder" for 128, else "bert-base-encoder-{seq}".</summary>
    public static string NameOf(int sequence) => sequence == 128 ? "bert-base-encoder" : $"bert-base-encoder-{sequence}";

    /// <summary>Builds one encoder layer for <paramref name="sequence"/> tokens.</summary>
    public static ModelGraph Create(int sequence = 128)
    {
        if (sequence < 1 || sequence > 65536) throw new WorkloadException($"bert-base-encoder: sequence length must be 1..65536, got {sequence}");
        var b = new ModelBuilder(NameOf(sequence));
        string x = b.Input(Hidden, sequence, 1, "tokens").Last;
        string q = b.From(x).MatMul("q_proj", Hidden).Last;
        string k = b.From(x).MatMul("k_proj", Hidden).Last;
        string v = b.From(x).MatMul("v_proj", Hidden).Last;
        // Softmax costs ~5 vector ops per score (max, subtract, exp, sum, divide).
        b.From(q).MatMul("scores", Heads * sequence, Heads, right: k).Act("softmax", "softmax", 5)
            .MatMul("context", Hidden, Heads, right: v)
            .MatMul("out_proj", Hidden).AddTo("attn_add", x).Act("attn_layernorm", "layernorm", 5);
        string attention = b.Last;
        return b.MatMul("ffn_up", Ffn).Act("gelu", "gelu", 8).MatMul("ffn_down", Hidden)
            .AddTo("ffn_add", attention).Act("ffn_layernorm", "layernorm", 5).Build();
    }
}
