using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

public sealed class ImportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private const string Materials = "material_code,category_ko,category_en,name_ko,name_en,hs_code,localization_target_year\n" +
        "FIL-VIR,필터,Filters,바이러스 제거 필터,Virus filter,842121,2021\nSTP-RUB,마개,Stoppers,고무 마개,Rubber stopper,,\n";
    private const string Organizations = "business_number,kind,name_ko,name_en,region_ko,region_en,employees,founded_year,website\n" +
        "124-81-00998,supplier,송도필터(주),Songdo Filter,인천광역시 연수구,\"Yeonsu-gu, Incheon\",40,2012,https://filter.example.kr\n";
    private const string Products = "business_number,product_code,material_code,name_ko,name_en,description_ko,description_en,specs,certifications\n" +
        "124-81-00998,SF-1,FIL-VIR,송도 바이러스 제거 필터 20nm,Songdo virus filter 20 nm,,,pore_nm=20;area_m2=0.1,ISO13485:2024-03-01:2027-02-28\n" +
        "124-81-00998,SF-2,STP-RUB,송도 고무 마개 20mm,Songdo stopper,,,,\n";

    private static async Task<ImportDirectory.Result> ImportAsync(MiraeFactory factory, params (string File, string Text)[] files)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportDirectory>()
            .HandleAsync(files.ToDictionary(f => f.File, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Text))));
    }

    private static Task<MiraeFactory> EmptyDirectoryAsync(DatabaseProvider provider) =>
        MiraeFactory.StartAsync(provider, new Dictionary<string, string?> { ["Seed:Demo"] = "false" });

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_Twice_UpdatesByKeyAndNeverDuplicates(DatabaseProvider provider)
    {
        await using var factory = await EmptyDirectoryAsync(provider);
        var files = new[] { ("materials.csv", Materials), ("organizations.csv", Organizations), ("products.csv", Products) };

        var first = await ImportAsync(factory, files);
        var second = await ImportAsync(factory, ("materials.csv", Materials.Replace("고무 마개", "고무 마개(부틸)", StringComparison.Ordinal)),
            ("organizations.csv", Organizations.Replace("송도필터(주)", "송도정밀여과(주)", StringComparison.Ordinal)));

        Assert.True(first.Succeeded);
        Assert.Equal([(2, 0), (1, 0), (2, 0)], first.Files.Select(f => (f.Inserted, f.Updated)));
        Assert.Equal([(0, 2), (0, 1)], second.Files.Select(f => (f.Inserted, f.Updated)));
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.Products.CountAsync());
        Assert.Equal(2, await db.Materials.CountAsync());
        var product = await db.Products.Include(p => p.Specifications).Include(p => p.Certificates).SingleAsync(p => p.Code == "SF-1");
        Assert.Equal(["pore_nm=20", "area_m2=0.1"], product.Specifications.OrderBy(s => s.Position).Select(s => $"{s.Key}={s.Value}"));
        Assert.Equal(new DateOnly(2027, 2, 28), product.Certificates.Single().ExpiresOn);
        // renamed material and supplier names reached their products' search text
        using var scope = factory.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<SearchProducts>().HandleAsync(new SearchProducts.Query("부틸"));
        Assert.Equal(["SF-2"], found.Page.Items.Select(i => i.ProductCode));
        var renamedSupplier = await scope.ServiceProvider.GetRequiredService<SearchProducts>().HandleAsync(new SearchProducts.Query("정밀여과"));
        Assert.Equal(["SF-1", "SF-2"], renamedSupplier.Page.Items.Select(i => i.ProductCode).Order());
        var third = await ImportAsync(factory, ("products.csv", Products));
        Assert.Equal((0, 2), (third.Files[0].Inserted, third.Files[0].Updated));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_ACategoryRenamedInEnglish_ReachesTheSearchTextOfAllItsMaterialsProducts(DatabaseProvider provider)
    {
        await using var factory = await EmptyDirectoryAsync(provider);
        var twoFilters = Materials + "FIL-DEP,필터,Filters,뎁스 필터,Depth filter,,\n";
        await ImportAsync(factory, ("materials.csv", twoFilters), ("organizations.csv", Organizations),
            ("products.csv", Products + "124-81-00998,SF-3,FIL-DEP,송도 뎁스 필터,Songdo depth filter,,,,\n"));

        // Only FIL-VIR is in the second file, but the category is FIL-DEP's as well.
        var renamed = await ImportAsync(factory, ("materials.csv", Materials.Replace("필터,Filters", "필터,Filtration media", StringComparison.Ordinal)));
        using var scope = factory.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<SearchProducts>().HandleAsync(new SearchProducts.Query("filtration"));

        Assert.True(renamed.Succeeded);
        Assert.Equal(["SF-1", "SF-3"], found.Page.Items.Select(i => i.ProductCode).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_AFileWithBadRows_ChangesNothingAndListsEveryRow(DatabaseProvider provider)
    {
        await using var factory = await EmptyDirectoryAsync(provider);
        await ImportAsync(factory, ("materials.csv", Materials), ("organizations.csv", Organizations));
        var badProducts = Products +
            "124-81-00999,SF-3,FIL-VIR,잘못된 번호,,,,,\n" +
            "124-81-00998,SF-4,NOPE,없는 품목,,,,,\n" +
            "124-81-00998,SF-1,FIL-VIR,중복,,,,,\n" +
            "124-81-00998,SF-5,FIL-VIR,,,,,size,ISO9001:2025-01-01:2024-01-01\n";

        var result = await ImportAsync(factory, ("products.csv", badProducts));

        var file = Assert.Single(result.Files);
        Assert.False(result.Succeeded);
        Assert.Equal(0, file.Inserted);
        Assert.Equal(4, file.Rejected);
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:4: ", StringComparison.Ordinal) && e.Contains("사업자등록번호", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:5: ", StringComparison.Ordinal) && e.Contains("material_code", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:6: ", StringComparison.Ordinal) && e.Contains("2행", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:7: 'name_ko'", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:7: specs", StringComparison.Ordinal));
        Assert.Contains(file.Errors, e => e.StartsWith("products.csv:7: certifications", StringComparison.Ordinal));
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Fact]
    public async Task ImportCommand_PrintsTheSummary_AndExitsNonZeroOnBadRows()
    {
        await using var factory = await EmptyDirectoryAsync(DatabaseProvider.Sqlite);
        var folder = System.IO.Directory.CreateTempSubdirectory("mirae-import-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "materials.csv"), Materials);
        await File.WriteAllTextAsync(Path.Combine(folder, "organizations.csv"), Organizations.Replace("supplier", "vendor", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = await ImportCommand.RunAsync(factory.Services, ["import", folder], output);

        Assert.Equal(1, exit);
        Assert.Contains("materials.csv                2         0         0", output.ToString());
        Assert.Contains("organizations.csv            0         0         1", output.ToString());
        Assert.Contains("organizations.csv:2: ", output.ToString());
        Assert.Equal(2, await ImportCommand.RunAsync(factory.Services, ["import", "/no/such/folder"], new StringWriter()));
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
