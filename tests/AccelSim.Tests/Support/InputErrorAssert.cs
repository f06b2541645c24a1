namespace AccelSim.Tests.Support;

/// <summary>The promise for bad input: exit code 2, exactly one `error:` line on stderr, no stack trace, no exception type.</summary>
public static class InputErrorAssert
{
    /// <summary>Null when <paramref name="result"/> keeps the promise and mentions every fragment; otherwise what is wrong.</summary>
    public static string? Check((int Exit, string Out, string Err) result, params string[] fragments)
    {
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (result.Exit != 2) return $"exit {result.Exit} (expected 2); stderr: {Head(result.Err)}";
        if (lines.Length != 1) return $"{lines.Length} stderr lines (expected 1): {Head(result.Err)}";
        string line = lines[0];
        if (!line.StartsWith("error: ", StringComparison.Ordinal)) return $"stderr does not start with 'error: ': {Head(line)}";
        if (line.Contains("Exception", StringComparison.Ordinal) || line.Contains(" at AccelSim.", StringComparison.Ordinal) || line.Contains("System."))
            return $"stderr shows an exception or a .NET type: {Head(line)}";
        foreach (string fragment in fragments)
            if (!line.Contains(fragment, StringComparison.Ordinal)) return $"stderr lacks '{fragment}': {Head(line)}";
        return null;
    }

    /// <summary>Fails the test unless <paramref name="result"/> keeps the promise.</summary>
    public static void Holds((int Exit, string Out, string Err) result, params string[] fragments)
    {
        string? problem = Check(result, fragments);
        Assert.True(problem is null, problem);
    }

    private static string Head(string text) => text.Length <= 400 ? text : text[..400] + "...";
}
