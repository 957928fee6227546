namespace Mirae.Web.Features.Directory;

public sealed record FacetModel(string Name, string Title, IReadOnlyList<SearchProducts.FacetValue> Values, string? Selected, SearchModel Page,
    Func<SearchProducts.FacetValue, string> Label);

public sealed record CertificateBadgesModel(IReadOnlyList<SearchProducts.CertificateRow> Certificates, DateOnly Today);
