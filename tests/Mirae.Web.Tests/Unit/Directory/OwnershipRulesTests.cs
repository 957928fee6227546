using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Tests.Unit.Directory;

public sealed class OwnershipRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, Kst.Offset);

    private static OrganizationMembership Pending()
    {
        Assert.True(BusinessNumber.TryParse("124-81-00998", out var number));
        return OrganizationMembership.Request(Organization.Create(number.Value), Guid.NewGuid(), Now);
    }

    [Fact]
    public void Membership_ApprovedThenRevoked_FollowsTheTransitions()
    {
        var membership = Pending();

        membership.Approve(Guid.NewGuid(), null, Now);
        var again = Assert.Throws<DomainException>(() => membership.Approve(Guid.NewGuid(), null, Now));
        var request = Assert.Throws<DomainException>(() => membership.RequestAgain(Now));
        membership.Revoke(Guid.NewGuid(), "퇴사", Now);
        membership.RequestAgain(Now.AddDays(1));

        Assert.Equal("membership.wrong-status", again.Code);
        Assert.Equal("membership.exists", request.Code);
        Assert.Equal(MembershipStatus.Pending, membership.Status);
        Assert.Null(membership.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Membership_RejectedWithoutAReason_IsRefused(string? reason)
    {
        var membership = Pending();

        var error = Assert.Throws<DomainException>(() => membership.Reject(Guid.NewGuid(), reason!, Now));

        Assert.Equal("membership.reason-required", error.Code);
        Assert.Equal(MembershipStatus.Pending, membership.Status);
    }

    [Theory]
    [InlineData("pore_size_nm=20\n\n  area_m2 = 0.1  \r\n", 2)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void ParseSpecifications_ReadsOneKeyValuePerLine(string? text, int count)
    {
        var specs = SaveProduct.ParseSpecifications(text);

        Assert.Equal(count, specs.Count);
        if (count == 2)
        {
            Assert.Equal(new KeyValuePair<string, string>("area_m2", "0.1"), specs[1]);
        }
    }

    [Theory]
    [InlineData("no equals sign")]
    [InlineData("=value without key")]
    public void ParseSpecifications_WhenALineIsNotKeyValue_Refuses(string text) =>
        Assert.Equal("product.specifications-invalid", Assert.Throws<DomainException>(() => SaveProduct.ParseSpecifications(text)).Code);
}
