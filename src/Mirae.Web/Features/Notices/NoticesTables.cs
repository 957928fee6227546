using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Notices;

namespace Mirae.Web.Data;

/// <summary>The tables of the notices feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeAttachment> NoticeAttachments => Set<NoticeAttachment>();
}
