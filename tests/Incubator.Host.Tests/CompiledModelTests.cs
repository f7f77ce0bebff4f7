using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>
/// Each SQLite context starts from a compiled model (generated C#, found by EF Core through its assembly
/// attribute) instead of building its model at every start. A compiled model is not rebuilt when the model
/// changes, so this regenerates it in memory, as <c>build/migrations.sh models</c> does, and compares it with
/// the committed files: a stale one fails here instead of silently mapping yesterday's model.
/// </summary>
public sealed partial class CompiledModelTests
{
    public static TheoryData<string> SqliteContexts => new(SqlServerCompatibilityTests.ContextNames.Where(k => k.Contains("Sqlite", StringComparison.Ordinal)).Order());

    [Theory]
    [MemberData(nameof(SqliteContexts))]
    public void The_committed_compiled_model_is_the_one_the_model_generates(string context)
    {
        using var db = SqlServerCompatibilityTests.Create(context);
        var compiled = db.GetType().Assembly.GetTypes().SingleOrDefault(t => t.Name == context + "Model" && typeof(IModel).IsAssignableFrom(t));
        Assert.True(compiled is not null, $"{context} has no compiled model; run build/migrations.sh models");
        Assert.Same(compiled, db.Model.GetType());

        var committed = Directory.EnumerateFiles(Path.Combine(ArchitectureTests.RepositoryRoot, "src"), context + "Model.cs", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Single(d => !d!.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))!;

        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        // The provider's design-time services, found as dotnet ef finds them: through the attribute on its assembly.
        var provider = typeof(SqliteDbContextOptionsBuilder).Assembly;
        var providerServices = provider.GetType(provider.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName, throwOnError: true)!;
        ((IDesignTimeServices)Activator.CreateInstance(providerServices)!).ConfigureDesignTimeServices(services);
        using var design = services.BuildServiceProvider();
        var output = Directory.CreateTempSubdirectory("compiled-model-");
        try
        {
            design.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
                db.GetService<IDesignTimeModel>().Model,
                output.FullName,
                new CompiledModelCodeGenerationOptions { ContextType = db.GetType(), ModelNamespace = compiled!.Namespace!, Language = "C#" });

            var generated = output.GetFiles().ToDictionary(f => f.Name, f => Comparable(File.ReadAllText(f.FullName)));
            var onDisk = Directory.GetFiles(committed).ToDictionary(f => Path.GetFileName(f), f => Comparable(File.ReadAllText(f)));
            Assert.Equal(generated.Keys.Order(), onDisk.Keys.Order());
            foreach (var (name, text) in generated)
            {
                var expected = text.Split('\n');
                var actual = onDisk[name].Split('\n');
                var line = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
                    .FirstOrDefault(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i], -1);
                Assert.True(line < 0, $"{committed}/{name} is not what the model generates (line {line + 1}: \"{actual.ElementAtOrDefault(line)?.Trim()}\", generated \"{expected.ElementAtOrDefault(line)?.Trim()}\"); run build/migrations.sh models");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The generator gives each model a new random id; everything else must match.</summary>
    private static string Comparable(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}
