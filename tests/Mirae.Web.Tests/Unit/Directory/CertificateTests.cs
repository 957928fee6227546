using Mirae.Web.Features.Directory;

namespace Mirae.Web.Tests.Unit.Directory;

public sealed class CertificateTests
{
    private static readonly ProductCertificate Certificate = new("ISO13485", new DateOnly(2024, 3, 1), new DateOnly(2027, 2, 28));

    [Theory]
    [InlineData("2024-02-29", CertificateStatus.NotYetValid)]
    [InlineData("2024-03-01", CertificateStatus.Valid)]
    [InlineData("2026-11-29", CertificateStatus.Valid)]
    [InlineData("2026-11-30", CertificateStatus.ExpiringSoon)]
    [InlineData("2027-02-28", CertificateStatus.ExpiringSoon)]
    [InlineData("2027-03-01", CertificateStatus.Expired)]
    public void StatusOn_FollowsTheDates(string day, CertificateStatus expected)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Certificate.StatusOn(date));
        Assert.Equal(expected is CertificateStatus.Valid or CertificateStatus.ExpiringSoon, Certificate.IsValidOn(date));
    }
}
