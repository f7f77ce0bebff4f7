using System.ComponentModel.DataAnnotations;
using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Features.Seasons;

namespace Incubator.Seasons.Web;

public sealed class ProgramForm
{
    [Required(ErrorMessage = "required")]
    [StringLength(200, ErrorMessage = "length")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    [StringLength(200, ErrorMessage = "length")]
    public string Territory { get; set; } = string.Empty;

    /// <summary>One partner structure per line.</summary>
    [StringLength(4000, ErrorMessage = "length")]
    public string? PartnerStructures { get; set; }

    /// <summary>The version shown (posted as <c>__version</c>); saving over a newer one is refused (409).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = Incubator.BuildingBlocks.Web.VersionFilter.FormField)]
    public Guid? Version { get; set; }

    public IReadOnlyList<string> PartnerList =>
        (PartnerStructures ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A season as typed in the page: times are Paris wall-clock times.</summary>
public sealed class SeasonForm
{
    public Guid ProgramId { get; set; }

    public string? ProgramName { get; set; }

    [Required(ErrorMessage = "required")]
    [StringLength(200, ErrorMessage = "length")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "required")]
    public DateTime? ApplicationsOpenAt { get; set; }

    [Required(ErrorMessage = "required")]
    public DateTime? ApplicationsCloseAt { get; set; }

    [Range(1, 500, ErrorMessage = "range")]
    public int? Capacity { get; set; }

    /// <summary>The version shown (posted as <c>__version</c>); saving over a newer one is refused (409).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = Incubator.BuildingBlocks.Web.VersionFilter.FormField)]
    public Guid? Version { get; set; }

    public SeasonInput ToInput() => new(
        ProgramId,
        Name,
        StartsOn,
        EndsOn,
        ApplicationsOpenAt is { } open ? ParisTime.FromLocal(open) : null,
        ApplicationsCloseAt is { } close ? ParisTime.FromLocal(close) : null,
        Capacity);

    public static SeasonForm From(SeasonDto season) => new()
    {
        ProgramId = season.ProgramId,
        ProgramName = season.ProgramName,
        Name = season.Name,
        StartsOn = season.StartsOn,
        EndsOn = season.EndsOn,
        ApplicationsOpenAt = ParisTime.ToLocal(season.ApplicationsOpenAt),
        ApplicationsCloseAt = ParisTime.ToLocal(season.ApplicationsCloseAt),
        Capacity = season.CapacitySet,
        Version = season.Version,
    };
}
