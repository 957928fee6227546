using Mirae.Web.Features.Sourcing;

namespace Mirae.Web.Tests.Unit.Sourcing;

public sealed class RequirementLinesTests
{
    [Theory]
    [InlineData("purity | 99.5-")]
    [InlineData("endotoxin | -0.25 | hard")]
    [InlineData("grade | USP")]
    public void AReadableLine_IsARequirement(string line) => Assert.True(NewNeedModel.ParseRequirements(line).Succeeded);

    [Theory]
    [InlineData("purity | 1e309-")]
    [InlineData("purity | 0-99999999999999999999")]
    [InlineData("purity | 10-5")]
    public void ABoundThatReadsAsANumber_MustBeAUsableOne(string line)
    {
        var result = NewNeedModel.ParseRequirements(line);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.BadLine);
    }
}
