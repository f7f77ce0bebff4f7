namespace Incubator.BuildingBlocks.Application;

/// <summary>A rule of the domain refused the input: 400, with the field at fault when there is one.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The input is fine but the state forbids it now (window closed, already approved, edited meanwhile): 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>Unknown, or not yours to see: 404 either way, so nothing leaks.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Signed in but not allowed: 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Failed validation of a request, field by field (camelCase field names): 400.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The body or the file is larger than allowed: 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);
