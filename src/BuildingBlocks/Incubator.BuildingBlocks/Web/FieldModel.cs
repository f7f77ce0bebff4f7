namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// What the host's shared <c>_Field</c> partial needs to draw one labelled form field with its error. <see cref="Id"/>
/// (the name, dots as underscores, by default) tells apart the same field of several forms on one page.
/// </summary>
public sealed record FieldModel(
    string Name,
    string Label,
    string? Value,
    string Type = "text",
    bool Required = false,
    string? Hint = null,
    string? Autocomplete = null,
    string? Id = null);
