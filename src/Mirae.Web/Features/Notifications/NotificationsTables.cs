using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Notifications;

namespace Mirae.Web.Data;

/// <summary>The tables of the notifications feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
}
