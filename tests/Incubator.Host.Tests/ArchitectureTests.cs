using System.Reflection;
using Incubator.BuildingBlocks.Messaging;
using MediatR;

namespace Incubator.Host.Tests;

public sealed class ArchitectureTests
{
    /// <summary>The modules the host is built from, found through its references: a new module is checked without being listed.</summary>
    internal static readonly Assembly[] Modules = typeof(Program).Assembly.GetReferencedAssemblies()
        .Where(n => n.Name!.StartsWith("Incubator.", StringComparison.Ordinal) && n.Name != "Incubator.BuildingBlocks" && !n.Name.EndsWith(".Contracts", StringComparison.Ordinal))
        .Select(Assembly.Load)
        .ToArray();

    private static readonly Assembly[] Contracts = Modules.SelectMany(m => m.GetReferencedAssemblies())
        .Where(n => n.Name!.EndsWith(".Contracts", StringComparison.Ordinal))
        .Select(n => n.Name!).Distinct().Select(name => Assembly.Load(name))
        .ToArray();

    /// <summary>The checkout the tests run from (the folder holding Incubator.sln).</summary>
    internal static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Incubator.sln")))
            {
                root = root.Parent!;
            }

            return root.FullName;
        }
    }

    [Fact]
    public void Every_module_of_the_solution_is_in_the_host()
    {
        var inTree = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src", "Modules"))
            .Select(dir => Path.Combine(dir, "Incubator." + Path.GetFileName(dir)))
            .Where(Directory.Exists)
            .Select(Path.GetFileName)
            .Order();
        Assert.Equal(inTree, Modules.Select(m => m.GetName().Name!).Order());
        Assert.Equal(Modules.Length, Contracts.Length);
    }

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
        foreach (var contract in Contracts)
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

    /// <summary>
    /// One use case, one handler (and one file in <c>Features/</c>): a class answering ten requests is a drawer nobody
    /// opens. The exceptions are twins, two requests for the same data in two shapes, listed here with their reason.
    /// </summary>
    [Fact]
    public void A_handler_answers_one_request()
    {
        var twins = new HashSet<string>(StringComparer.Ordinal)
        {
            "ReviewBoardHandlers", // the board and its CSV export
            "ListRegistrationsHandler", // a meeting's registrations and their CSV export
            "CancelRegistrationHandler", // the cancellation link's page and the cancellation it confirms
            "HomeQueryHandlers", // the two panels of the home page read from this module's applications
            "ApplicationWindowHandlers", // the call opened and closed: the two ends of one window
        };
        var drawers = Modules
            .SelectMany(m => m.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && !twins.Contains(t.Name))
            .Select(t => (t.FullName, Requests: t.GetInterfaces().Count(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))))
            .Where(t => t.Requests > 1)
            .Select(t => $"{t.FullName} ({t.Requests})")
            .ToList();

        Assert.True(drawers.Count == 0, "handlers of several requests: " + string.Join(", ", drawers));
    }

    [Fact]
    public void Integration_events_are_immutable_records_with_an_id_and_a_time()
    {
        var events = Contracts
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
