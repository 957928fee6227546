using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Sourcing;

namespace Mirae.Web.Tests.Features.Sourcing;

public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private const int Material = 1;
    private const int Sibling = 2;

    private static Need Need(SpecRequirement[]? requirements = null, string[]? certificates = null) =>
        Mirae.Web.Features.Sourcing.Need.Post(10, new Need.Terms(Material, "필터", "", requirements ?? [], certificates ?? [], "", null, NeedVisibility.Public, []),
            Guid.Empty, DateTimeOffset.UnixEpoch);

    private static Candidate Product(int id, int material = Material, Dictionary<string, string>? specs = null,
        (string, DateOnly, DateOnly)[]? certificates = null, DocumentKind[]? documents = null, string region = "인천광역시 연수구") =>
        new(id, $"P-{id}", $"제품 {id}", "1248100998", "공급사", region, material, material == Material ? "FIL-VIR" : "FIL-STER",
            specs ?? [], certificates ?? [], (documents ?? []).ToHashSet());

    [Theory]
    [InlineData("15", null, 20, true)]
    [InlineData("35", null, 20, false)]
    [InlineData("20", 10, 20, true)]
    [InlineData("n/a", 10, 20, false)]
    public void Meets_ComparesNumbersWithinTheRange(string value, int? min, int? max, bool expected) =>
        Assert.Equal(expected, Matching.Meets(new SpecRequirement("pore", null, min, max, false), value));

    [Fact]
    public void Meets_ComparesTextIgnoringCase_AndIsUnknownWhenTheProductIsSilent()
    {
        Assert.True(Matching.Meets(new SpecRequirement("membrane", "PVDF", null, null, false), " pvdf "));
        Assert.False(Matching.Meets(new SpecRequirement("membrane", "PVDF", null, null, false), "PES"));
        Assert.Null(Matching.Meets(new SpecRequirement("membrane", "PVDF", null, null, false), null));
    }

    [Fact]
    public void Evaluate_LeavesOutProductsBreakingAHardRequirement_OrLackingAValidRequiredCertificate()
    {
        var need = Need([new("pore_size_nm", null, null, 20, Hard: true)], ["ISO13485"]);
        var valid = ("ISO13485", Today.AddYears(-1), Today.AddYears(2));

        Assert.NotNull(Matching.Evaluate(need, Product(1, specs: new() { ["pore_size_nm"] = "20" }, certificates: [valid]), Today));
        Assert.Null(Matching.Evaluate(need, Product(2, specs: new() { ["pore_size_nm"] = "35" }, certificates: [valid]), Today)); // too large
        Assert.Null(Matching.Evaluate(need, Product(3, certificates: [valid]), Today)); // silent on a hard requirement
        Assert.Null(Matching.Evaluate(need, Product(4, specs: new() { ["pore_size_nm"] = "15" }), Today)); // no certificate
        Assert.Null(Matching.Evaluate(need, Product(5, specs: new() { ["pore_size_nm"] = "15" },
            certificates: [("ISO13485", Today.AddYears(-3), Today.AddDays(-1))]), Today)); // expired yesterday
    }

    [Fact]
    public void Evaluate_ScoresAsDocumented_WithAReasonPerSpecificationCertificateDocumentAndRegion()
    {
        var need = Need([new("membrane", "PVDF", null, null, false), new("area_m2", null, 0.01m, 0.1m, false)], ["ISO13485", "USP665"]);
        var product = Product(1, specs: new() { ["membrane"] = "PVDF" },
            certificates: [("ISO13485", Today.AddYears(-1), Today.AddYears(1)), ("USP665", Today.AddYears(-1), Today.AddDays(30))],
            documents: [DocumentKind.CertificateOfAnalysis]);

        var match = Matching.Evaluate(need, product, Today)!;

        // material 30 + specifications 25 × (1 + ½)/2 + certificates 20 × (1 + ½)/2 + CoA 4 + Incheon 5 + no shared qualification 0
        Assert.Equal(Math.Round(30 + 18.75 + 15 + 4 + 5, MidpointRounding.AwayFromZero), match.Score);
        Assert.Equal([true, null], match.Reasons.Where(r => r.Kind == "specification").Select(r => r.Met));
        Assert.Contains(match.Reasons, r => r.Kind == "certificate" && r.Detail.StartsWith("USP665: expiring", StringComparison.Ordinal));
        Assert.Equal([true, false, false], match.Reasons.Where(r => r.Kind == "document").Select(r => r.Met));
        Assert.Contains(match.Reasons, r => r is { Kind: "region", Met: true });
        Assert.Contains(match.Reasons, r => r is { Kind: "qualification", Met: false });
        Assert.Equal(match.Score + 8, Matching.Evaluate(need, product with { SharedApprovals = 1 }, Today)!.Score);
        Assert.Equal(match.Score + 4, Matching.Evaluate(need, product with { SharedConditionals = 2 }, Today)!.Score);
    }

    [Fact]
    public void Rank_FollowsTheDocumentedScore_TiesByProduct_AndKeepsToTheCategory()
    {
        var need = Need([new("membrane", "PVDF", null, null, false)]);
        Candidate[] products =
        [
            Product(5, Sibling, new() { ["membrane"] = "PVDF" }),
            Product(4, Material, new() { ["membrane"] = "PES" }),
            Product(3, Material, new() { ["membrane"] = "PVDF" }, region: "경기도 수원시"),
            Product(2, Material, new() { ["membrane"] = "PVDF" }),
            Product(1, 99, new() { ["membrane"] = "PVDF" }),
        ];

        var ranked = Matching.Rank(need, new HashSet<int> { Material, Sibling }, products, Today, 10);

        // 2: 30+25+20+5 = 80; 3: the same outside Incheon = 75; 5: another material that meets the specification = 60;
        // 4: the material but not the specification = 55; 1 is outside the category.
        Assert.Equal([2, 3, 5, 4], ranked.Select(m => m.Product.ProductId));
        Assert.Equal([80, 75, 60, 55], ranked.Select(m => m.Score));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }
}
