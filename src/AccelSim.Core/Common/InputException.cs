namespace AccelSim.Common;

/// <summary>
/// Bad user input (a file, a field, an argument). The message is one line that names the file, the field and what is wrong;
/// the CLI prints it and exits non-zero instead of showing a stack trace.
/// </summary>
public class InputException(string message) : Exception(message);
