using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Common;

/// <summary>
/// The one door every YAML input goes through (workloads, architectures, mappings). Before a node tree is built, the
/// document is walked as a flat stream of parser events, which needs no recursion, and refused with one
/// <see cref="InputException"/> line when it is too big, nested too deep, holds a second document, gives a key twice,
/// uses aliases, or has control characters where a name belongs. Only then does YamlDotNet build the tree (whose
/// recursive builder would otherwise overflow the stack on 50,000 levels). Every parser exception, whatever its type,
/// becomes a one-line message naming the file and the position.
/// </summary>
public static class YamlFrontEnd
{
    /// <summary>Largest accepted file: the biggest shipped workload is 33 KB; 4 MiB leaves room and bounds the work.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Deepest accepted nesting of mappings and lists; the formats need at most 5.</summary>
    public const int MaxDepth = 64;

    /// <summary>The only key whose value may span several lines.</summary>
    private const string MultiLineKey = "description";

    /// <summary>Reads a file as strict UTF-8 text (a BOM is dropped), refusing folders, oversized files and invalid bytes.</summary>
    public static string ReadFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: is a folder, expected a file");
        if (!File.Exists(path)) throw new InputException($"{path}: no such file");
        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxBytes) throw new InputException($"{path}: (file): {stream.Length} bytes, more than the {MaxBytes}-byte limit");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read: {OneLine(e.Message)}");
        }
        return Decode(bytes, path);
    }

    /// <summary>Strict UTF-8: an invalid byte is an error (File.ReadAllText would turn it into U+FFFD silently).</summary>
    public static string Decode(byte[] bytes, string source)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try { return utf8.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"{source}: (file): not valid UTF-8 text (bad byte at offset {e.Index + start})");
        }
    }

    /// <summary>
    /// Checks and parses one YAML document; returns its root node, or null for an empty file. Errors name
    /// <paramref name="source"/> and the path of the offending field.
    /// </summary>
    public static YamlNode? Parse(string text, string source)
    {
        if (text.Length > MaxBytes) throw new InputException($"{source}: (file): {text.Length} characters, more than the {MaxBytes} limit");
        if (!Scan(text, source)) return null;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (Exception e) when (e is not InputException) { throw Malformed(source, e); }
        return stream.Documents[0].RootNode;
    }

    /// <summary>Walks the events once; false when the stream holds no document.</summary>
    private static bool Scan(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        int documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                            throw new InputException($"{source}: line {current.Start.Line}: a second YAML document ('---'); a file holds one");
                        break;
                    case AnchorAlias alias:
                        throw new InputException($"{source}: {PathOf(frames)}: aliases (*{alias.Value}) are not supported; write the value out");
                    case Scalar scalar:
                        OnScalar(scalar, frames, source);
                        break;
                    case MappingStart or SequenceStart:
                        string path = EnterValue(frames, source, current);
                        if (frames.Count >= MaxDepth)
                            throw new InputException($"{source}: {Shorten(path)}: nested more than {MaxDepth} levels deep (line {current.Start.Line})");
                        frames.Push(new Frame(current is MappingStart, path));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        break;
                }
            }
        }
        catch (Exception e) when (e is not InputException) { throw Malformed(source, e, parser.Current?.End); }
        return documents > 0;
    }

    private static void OnScalar(Scalar scalar, Stack<Frame> frames, string source)
    {
        string value = scalar.Value;
        if (frames.TryPeek(out var frame) && frame.IsMapping && frame.Key is null)
        {
            // A key: a plain one-line name, given once.
            CheckCharacters(value, multiLine: false, source, $"{frame.Path}{(frame.Path.Length == 0 ? "" : ".")}{Printable(value)}");
            if (!frame.Keys.Add(value))
                throw new InputException($"{source}: {frame.Child(value)}: key given twice (line {scalar.Start.Line})");
            frame.Key = value;
            return;
        }
        string path = EnterValue(frames, source, scalar);
        CheckCharacters(value, multiLine: frames.TryPeek(out var owner) && owner.LastKey == MultiLineKey, source, path);
    }

    /// <summary>Moves the enclosing frame past one value and returns that value's path.</summary>
    private static string EnterValue(Stack<Frame> frames, string source, ParsingEvent at)
    {
        if (!frames.TryPeek(out var frame)) return "(top level)";
        if (!frame.IsMapping) return $"{frame.Path}[{frame.Index++}]";
        if (frame.Key is null) throw new InputException($"{source}: {(frame.Path.Length == 0 ? "(top level)" : frame.Path)}: keys must be plain names (line {at.Start.Line})");
        string path = frame.Child(frame.Key);
        frame.LastKey = frame.Key;
        frame.Key = null;
        return path;
    }

    private static void CheckCharacters(string value, bool multiLine, string source, string path)
    {
        foreach (char c in value)
        {
            bool lineBreak = c is '\n' or '\r';
            if (lineBreak && multiLine || c == '\t') continue;
            if (char.IsControl(c) || c == '\uFFFD' || lineBreak)
                throw new InputException($"{source}: {path}: contains the control character U+{(int)c:X4}; names must be printable text on one line");
        }
    }

    private static string PathOf(Stack<Frame> frames) => frames.TryPeek(out var f) && f.Path.Length > 0 ? f.Path : "(top level)";

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string Shorten(string path) => path.Length <= 60 ? path : path[..60] + "...";

    /// <summary>A parser failure; YamlDotNet throws some (e.g. InvalidOperationException) without a position, then the last good one is named.</summary>
    private static InputException Malformed(string source, Exception e, Mark? lastGood = null)
    {
        string position = e is YamlException y ? $"line {y.Start.Line}, column {y.Start.Column}"
            : lastGood is { } mark ? $"line {mark.Line}, after column {mark.Column}" : "(file)";
        string message = e is YamlException ye ? ye.InnerException?.Message ?? ye.Message
            : "the parser cannot go on here (an unclosed '{' or '[' above?)";
        return new InputException($"{source}: {position}: malformed YAML: {OneLine(message)}");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>An open mapping or list while scanning: its path, the keys seen, the key awaiting its value.</summary>
    private sealed class Frame(bool isMapping, string path)
    {
        public bool IsMapping { get; } = isMapping;
        public string Path { get; } = path == "(top level)" ? "" : path;
        public HashSet<string> Keys { get; } = [];
        public string? Key { get; set; }
        public string? LastKey { get; set; }
        public int Index { get; set; }

        public string Child(string key) => Path.Length == 0 ? Printable(key) : $"{Path}.{Printable(key)}";
    }
}
