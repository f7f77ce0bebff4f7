using System.Reflection;
using Incubator.BuildingBlocks.Messaging;
using MediatR;

namespace Incubator.Host.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(Incubator.Seasons.SeasonsModule).Assembly,
        typeof(Incubator.Applications.ApplicationsModule).Assembly,
        typeof(Incubator.Coaching.CoachingModule).Assembly,
    ];

    [Fact]
    public void Modules_reference_only_the_building_blocks_and_other_modules_contracts()
    {
        foreach (var module in Modules)
        {
            var own = module.GetName().Name!;
            var forbidden = module.GetReferencedAssemblies()
                .Select(a => a.Name!)
                .Where(name => name.StartsWith("Incubator.", StringComparison.Ordinal))
                .Where(name => name != "Incubator.BuildingBlocks" && !name.EndsWith(".Contracts", StringComparison.Ordinal) && name != own)
                .ToList();

            Assert.True(forbidden.Count == 0, $"{own} references {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void Contracts_reference_nothing_of_ours_but_the_building_blocks()
    {
        var contracts = new[] { typeof(Incubator.Seasons.Contracts.CohortApproved).Assembly, typeof(Incubator.Applications.Contracts.ApplicationDecided).Assembly, typeof(Incubator.Coaching.Contracts.CoachingCapacityChanged).Assembly };
        foreach (var contract in contracts)
        {
            var ours = contract.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Incubator.", StringComparison.Ordinal));
            Assert.All(ours, name => Assert.Equal("Incubator.BuildingBlocks", name));
        }
    }

    [Fact]
    public void No_handler_inside_a_module_is_public()
    {
        var handlerInterfaces = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        var publicHandlers = Modules
            .SelectMany(m => m.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && (t.IsPublic || t.IsNestedPublic))
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(publicHandlers.Count == 0, "public handlers: " + string.Join(", ", publicHandlers));
    }

    [Fact]
    public void Integration_events_are_immutable_records_with_an_id_and_a_time()
    {
        var events = new[] { typeof(Incubator.Seasons.Contracts.CohortApproved).Assembly, typeof(Incubator.Applications.Contracts.ApplicationDecided).Assembly, typeof(Incubator.Coaching.Contracts.CoachingCapacityChanged).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(events);
        foreach (var type in events)
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            var mutable = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
            Assert.Empty(mutable);
        }
    }
}
