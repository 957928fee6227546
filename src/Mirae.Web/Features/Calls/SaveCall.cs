using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>Program staff create a program, or draft a call of one and change it until it is published.</summary>
public sealed class SaveCall(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record ProgramCommand(ProgramKind Kind, string NameKo, string NameEn, string DescriptionKo, string DescriptionEn);

    public async Task<int> CreateProgramAsync(ProgramCommand command, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(command.NameKo) || string.IsNullOrWhiteSpace(command.NameEn) || command.NameKo.Trim().Length > 200
            || command.NameEn.Trim().Length > 200 || command.DescriptionKo.Length > 4000 || command.DescriptionEn.Length > 4000)
        {
            throw new DomainException("program.invalid", "Program.Invalid", ProblemKind.Invalid);
        }
        var program = SupportProgram.Create(command.Kind, command.NameKo, command.NameEn, command.DescriptionKo, command.DescriptionEn, clock.GetUtcNow());
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.ProgramCreated, $"program:{program.Id}", program.NameKo);
        await db.SaveChangesAsync(cancellationToken);
        return program.Id;
    }

    /// <summary>Drafts a new call (<paramref name="callId"/> null) or changes a draft; returns the call's id.</summary>
    public async Task<int> HandleAsync(int? callId, int programId, Call.Terms terms, CancellationToken cancellationToken = default)
    {
        var program = await db.Programs.SingleOrDefaultAsync(p => p.Id == programId, cancellationToken) ?? throw new NotFoundException("program");
        Call call;
        if (callId is int id)
        {
            call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("call");
            if (call.ProgramId != programId)
            {
                throw new DomainException("call.program-fixed", "Call.ProgramFixed", ProblemKind.Invalid);
            }
            call.Change(terms);
        }
        else
        {
            call = Call.Draft(program, terms, clock.GetUtcNow());
            db.Calls.Add(call);
            await db.SaveChangesAsync(cancellationToken);
        }
        audit.Add(AuditActions.CallChanged, $"call:{call.Id}", $"{call.Status}: {call.TitleKo}");
        await db.SaveChangesAsync(cancellationToken);
        return call.Id;
    }
}

/// <summary>Staff attach the template file of a required document (checked by content); a new one replaces the old.</summary>
public sealed class SetCallTemplate(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task HandleAsync(int callId, int documentIndex, string fileName, long length, Stream content, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.Include(c => c.Templates).ThenInclude(t => t.File).SingleOrDefaultAsync(c => c.Id == callId, cancellationToken)
            ?? throw new NotFoundException("call");
        var accepted = await FileTypes.ReadAsync(content, length, fileName, CallTemplate.AllowedTypes, CallTemplate.MaxBytes, cancellationToken);
        var now = clock.GetUtcNow();
        var file = StoredFile.Create(fileName, accepted, now);
        db.StoredFiles.Add(file);
        if (call.SetTemplate(documentIndex, file, now) is { } replaced)
        {
            db.StoredFiles.Remove(replaced.File);
        }
        audit.Add(AuditActions.CallChanged, $"call:{call.Id}", $"template {documentIndex + 1}: {file.FileName} sha256:{file.Sha256}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Publish, extend (with a reason) or close a call; each step is audited and the extension history kept.</summary>
public sealed class ChangeCallStatus(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task PublishAsync(int callId, CancellationToken cancellationToken = default)
    {
        var call = await LoadAsync(callId, cancellationToken);
        call.Publish(clock.GetUtcNow());
        audit.Add(AuditActions.CallPublished, $"call:{call.Id}", $"{Kst.DateTime(call.OpensAt)} – {Kst.DateTime(call.ClosesAt)}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ExtendAsync(int callId, DateTimeOffset newClosesAt, string reason, Guid staffId, CancellationToken cancellationToken = default)
    {
        var call = await LoadAsync(callId, cancellationToken);
        var extension = call.Extend(newClosesAt, reason, staffId, clock.GetUtcNow());
        audit.Add(AuditActions.CallExtended, $"call:{call.Id}",
            $"{Kst.DateTime(extension.PreviousClosesAt)} → {Kst.DateTime(extension.NewClosesAt)}: {extension.Reason}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CloseAsync(int callId, CancellationToken cancellationToken = default)
    {
        var call = await LoadAsync(callId, cancellationToken);
        call.Close(clock.GetUtcNow());
        audit.Add(AuditActions.CallClosed, $"call:{call.Id}", call.TitleKo);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Call> LoadAsync(int callId, CancellationToken cancellationToken) =>
        await db.Calls.Include(c => c.Extensions).SingleOrDefaultAsync(c => c.Id == callId, cancellationToken) ?? throw new NotFoundException("call");
}
