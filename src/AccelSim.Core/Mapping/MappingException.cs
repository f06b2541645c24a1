using AccelSim.Common;

namespace AccelSim.Mapping;

/// <summary>An invalid mapping or an impossible search: the message says which level overflows or which dim does not multiply out.</summary>
public sealed class MappingException(string message) : InputException(message);
