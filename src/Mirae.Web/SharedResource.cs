namespace Mirae.Web;

/// <summary>Marker for the shared UI texts in Resources/SharedResource(.en).resx (Korean is the neutral culture).</summary>
public sealed class SharedResource;
