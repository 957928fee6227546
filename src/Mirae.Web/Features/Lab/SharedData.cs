using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>Agencies publish datasets for solution developers; signed-in company members (and agencies, staff) download them, each download logged.</summary>
public sealed class SharedData(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Input(int AgencyId, string Title, string Description, DatasetLicence Licence, string Contact, DateOnly? UpdatedOn);

    public async Task<int> PublishAsync(Guid agentId, bool staff, Input input, LabPhotos.Upload? file, CancellationToken cancellationToken)
    {
        if (!staff && !await db.AgencyMembers.AnyAsync(m => m.AgencyId == input.AgencyId && m.UserId == agentId, cancellationToken))
        {
            throw new DomainException("lab.not-your-agency", "Lab.NotYourAgency", ProblemKind.Forbidden, "Publish.AgencyId");
        }
        if (file is null)
        {
            throw new DomainException("lab.dataset-file", "Lab.DatasetFileRequired", ProblemKind.Invalid, "Publish.File");
        }
        PersonalDataCheck.Refuse(input.Description, "Publish.Description");
        var now = clock.GetUtcNow();
        var accepted = await FileTypes.ReadAsync(file.Content, file.Length, file.FileName, Dataset.FileTypes, Dataset.MaxBytes, cancellationToken);
        var dataset = Dataset.Publish(input.AgencyId, input.Title, input.Description, input.Licence, input.Contact,
            input.UpdatedOn ?? DateOnly.FromDateTime(now.ToKst().DateTime), StoredFile.Create(file.FileName, accepted, now), agentId, now);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.LabDatasetPublished, $"lab-dataset:{dataset.Id}", dataset.Title);
        await db.SaveChangesAsync(cancellationToken);
        return dataset.Id;
    }

    public sealed record Download(string FileName, FileType Type, byte[] Bytes);

    public async Task<Download?> DownloadAsync(int datasetId, Guid userId, CancellationToken cancellationToken)
    {
        var file = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId)
            .Select(d => new Download(d.File.FileName, d.File.Type, d.File.Content.Bytes)).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }
        db.DatasetDownloads.Add(DatasetDownload.By(datasetId, userId, clock.GetUtcNow()));
        audit.Add(AuditActions.LabDatasetDownloaded, $"lab-dataset:{datasetId}", file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }
}
