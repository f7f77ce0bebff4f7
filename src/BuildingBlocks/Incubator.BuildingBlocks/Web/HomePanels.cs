using Microsoft.Extensions.DependencyInjection;

namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// A module's part of the signed-in home page: a view component of the module, shown to the given roles,
/// in the given order. The host lays the panels out; each module queries its own data.
/// </summary>
public sealed record HomePanel(string ViewComponent, int Order, params string[] Roles);

/// <summary>
/// A module's part of a season's public page (the call): a view component of the module invoked with the season's id,
/// in the given order, shown to everyone; it answers nothing when it has nothing to say.
/// </summary>
public sealed record SeasonPanel(string ViewComponent, int Order);

/// <summary>A horizontal bar of a chart drawn on the server (the host's <c>_Bars</c> partial).</summary>
public sealed record Bar(string Label, decimal Value, string Display);

public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars);

public static class HomePanelRegistration
{
    public static IServiceCollection AddHomePanel(this IServiceCollection services, string viewComponent, int order, params string[] roles) =>
        services.AddSingleton(new HomePanel(viewComponent, order, roles));

    public static IServiceCollection AddSeasonPanel(this IServiceCollection services, string viewComponent, int order) =>
        services.AddSingleton(new SeasonPanel(viewComponent, order));
}
