using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Faq;

namespace Mirae.Web.Data;

/// <summary>The tables of the FAQ feature.</summary>
public sealed partial class AppDbContext
{
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
}
