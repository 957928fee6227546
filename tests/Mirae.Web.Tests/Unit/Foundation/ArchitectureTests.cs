using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Tests.Unit.Foundation;

/// <summary>The seams of ADR 014, kept by the build: what each kind of file may and may not know.</summary>
public sealed class ArchitectureTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot(), "src", "Mirae.Web", "Features");

    /// <summary>Use cases, entities and their helpers: every .cs file of a feature except its pages, API, module and authorization edges.</summary>
    private static IEnumerable<string> CoreFiles() =>
        System.IO.Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".cshtml.cs", StringComparison.Ordinal) && !f.EndsWith("Api.cs", StringComparison.Ordinal)
                && !f.EndsWith("Module.cs", StringComparison.Ordinal) && !f.EndsWith("Authorization.cs", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Accounts{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Audit{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// A form bound as a page property on a page with several POST handlers is named (<c>[BindProperty(Name = …)]</c>):
    /// unnamed, the other handlers' posts bind it from the form's root and report its fields as missing (issue 17.4).
    /// </summary>
    [Fact]
    public void PagesWithSeveralForms_NameTheFormsTheyBindAsProperties()
    {
        var unnamed = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))
                && t.GetMethods().Count(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)) > 1)
            .SelectMany(t => t.GetProperties().Select(p => (Page: t, Property: p, Bind: p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>())))
            .Where(x => x.Bind is not null && x.Bind.Name is null && x.Property.PropertyType.IsClass && x.Property.PropertyType != typeof(string)
                && !typeof(System.Collections.IEnumerable).IsAssignableFrom(x.Property.PropertyType))
            .Select(x => $"{x.Page.Name}.{x.Property.Name}")
            .ToList();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Entities_DoNotDependOnAspNetCore()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataModule.UseProvider(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new AppDbContext(options.Options);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => t.Namespace?.StartsWith("Mirae.Web.Features", StringComparison.Ordinal) == true && !IsIdentity(t)).Distinct().ToList();

        var offending = entities.SelectMany(t => ReferencedTypes(t).Where(r => r.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true)
            .Select(r => $"{t.Name} uses {r.FullName}")).Distinct().ToList();

        Assert.NotEmpty(entities);
        Assert.Empty(offending);
    }

    [Fact]
    public void UseCasesAndEntities_SayWhatKindOfRuleBroke_NotWhichStatusCode()
    {
        var offending = CoreFiles().Where(f => File.ReadAllText(f).Contains("StatusCodes.", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void UseCases_TakeTheActingMembersId_NotAClaimsPrincipal()
    {
        var offending = CoreFiles().Where(f => File.ReadAllText(f).Contains("ClaimsPrincipal", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void PersonalDataAccess_IsLoggedInOnePlace()
    {
        var offending = System.IO.Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Audit{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && File.ReadAllText(f).Contains("PersonalDataViewed", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();

        Assert.Empty(offending);
    }

    private static bool IsIdentity(Type type) =>
        type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition().Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
        || type.BaseType?.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true;

    /// <summary>Every type a class names in its signature: base type, fields, properties, method parameters and returns.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetFields(all).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }
        }
        return named.OfType<Type>().SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type.GetGenericTypeDefinition())
        : type.HasElementType ? Expand(type.GetElementType()!)
        : [type];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mirae.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Mirae.slnx not found above " + AppContext.BaseDirectory);
    }
}
