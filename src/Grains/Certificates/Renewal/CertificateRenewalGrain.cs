using Certification.Common;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Mail;
using Certification.Qualifications;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Certification.Certificates.Renewal;

/// <summary>
/// The renewal requests of one certificate (decision 0014's shape): no snapshot, the state is the replay of the stream
/// <c>certificate-renewal:{number}</c>, each event committed with its projection rows, the holder's contact-history
/// entry and the mail to them in one transaction. Being one grain per certificate keeps one request open at a time;
/// the partial unique index on <c>certificate_renewal</c> is a second guard.
/// </summary>
public sealed class CertificateRenewalGrain(
    AuditLog<RenewalEvent> log, IMailOutbox outbox, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : Grain, ICertificateRenewalGrain
{
    public const string NotHolder = "renewal.not_holder";
    public const string ExpiredTooLong = "renewal.expired_too_long";
    public const string OpenRequest = "renewal.open_request";
    public const string NotEnoughWork = "renewal.not_enough_work";
    public const string NotOpen = "renewal.not_open";
    public const string UnknownRequest = "renewal.unknown_request";

    /// <summary>
    /// How long after expiry the holder may still ask: the rule looks at work within the validity, and a holder who
    /// missed the last day by weeks (a holiday, a slow employer) should not have to sit the validation again.
    /// </summary>
    public const int GraceDays = 90;

    private readonly List<RenewalRequest> _requests = [];
    private string _number = string.Empty;
    private string _stream = string.Empty;
    private int _version;

    public static string Stream(string number) => $"certificate-renewal:{number}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _number = this.GetPrimaryKeyString();
        _stream = Stream(_number);
        await ReloadAsync();
    }

    public async Task<CommandResult> SubmitAsync(RenewalSubmission submission, string actor)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (_requests.Any(r => r.Id == submission.RequestId))
        {
            return CommandResult.Ok(_version);
        }

        var certificate = await GrainFactory.GetGrain<ICertificateGrain>(_number).GetAsync();
        var now = clock.GetUtcNow();
        var today = PolishDate.Of(now);
        if (certificate is null)
        {
            return CommandResult.Rejected("Number", CertificateGrain.NotIssued);
        }

        if (certificate.HolderId != submission.HolderId)
        {
            return CommandResult.Rejected("Number", NotHolder);
        }

        if (certificate.Revocation is not null)
        {
            return CommandResult.Rejected("Number", CertificateGrain.Revoked);
        }

        if (today.DayNumber > certificate.ValidUntil.DayNumber + GraceDays)
        {
            return CommandResult.Rejected("Number", ExpiredTooLong);
        }

        if (_requests.Any(r => r.Status == RenewalStatus.Submitted))
        {
            return CommandResult.Rejected("Number", OpenRequest);
        }

        var errors = EvidenceErrors(submission.Periods);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var assessment = RenewalRule.Assess(certificate.IssuedOn, certificate.ValidUntil, today, Stated(submission.Periods));
        if (!assessment.IsValid)
        {
            return CommandResult.Rejected(assessment.Errors.Select(e => new FieldError("Periods", e)));
        }

        if (!assessment.Met)
        {
            return CommandResult.Rejected("Periods", NotEnoughWork);
        }

        var files = submission.Periods
            .SelectMany((p, i) => p.Evidence.Select(f => (Period: i, Id: Guid.NewGuid(), File: f, Type: RenewalEvidence.ContentTypeOf(f.Content)!)))
            .ToList();
        var periods = submission.Periods.Select((p, i) => new RequestPeriod(
            p.From, p.To, p.Description.Trim(),
            [.. files.Where(f => f.Period == i).Select(f => new EvidenceInfo(f.Id, CleanName(f.File.FileName), f.Type, f.File.Content.Length))])).ToList();
        var submitted = new RenewalSubmitted(submission.HolderId, today, periods, assessment.CountedDays)
        {
            RequestId = submission.RequestId, Actor = actor, At = now,
        };
        return await Saved(submitted, certificate, async (connection, transaction) =>
        {
            foreach (var file in files)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO certificate_renewal_evidence (id, renewal_id, period, file_name, content_type, size, content)
                    VALUES (@Id, @RequestId, @Period, @FileName, @ContentType, @Size, @Content)
                    """,
                    new
                    {
                        file.Id, submission.RequestId, file.Period, FileName = CleanName(file.File.FileName), ContentType = file.Type,
                        Size = file.File.Content.Length, file.File.Content,
                    },
                    transaction);
            }
        });
    }

    public async Task<CommandResult> AcceptAsync(Guid requestId, string actor)
    {
        if (_requests.FirstOrDefault(r => r.Id == requestId) is not { } request)
        {
            return CommandResult.Rejected("Request", UnknownRequest);
        }

        if (request.Status == RenewalStatus.Accepted)
        {
            return CommandResult.Ok(_version);
        }

        if (request.Status != RenewalStatus.Submitted)
        {
            return CommandResult.Rejected("Request", NotOpen);
        }

        var grain = GrainFactory.GetGrain<ICertificateGrain>(_number);
        var certificate = (await grain.GetAsync())!;
        var qualification = await GrainFactory.GetGrain<IQualificationGrain>(certificate.QualificationCode).GetAsync()
            ?? throw new InvalidOperationException($"The qualification {certificate.QualificationCode} of certificate {_number} is not defined.");

        // The certificate's renewal id is the request's: if accepting failed after the renewal, a retry renews nothing
        // more, and the accepted event records the last day the certificate really has.
        var validUntil = RenewalRule.NewValidUntil(certificate.ValidUntil, qualification.ValidityYears);
        var renewed = await grain.RenewAsync(
            new CertificateRenewal(requestId, validUntil, $"Przedłużenie na podstawie udokumentowanej pracy z systemem CRM ({request.Periods.Count} okres(y), wniosek z {request.SubmittedOn:dd.MM.yyyy})."),
            actor);
        if (!renewed.Succeeded)
        {
            return renewed;
        }

        var after = (await grain.GetAsync())!;
        return await Saved(new RenewalAccepted(after.ValidUntil) { RequestId = requestId, Actor = actor, At = clock.GetUtcNow() }, after, null);
    }

    public async Task<CommandResult> RefuseAsync(Guid requestId, string reasons, string actor)
    {
        if (_requests.FirstOrDefault(r => r.Id == requestId) is not { } request)
        {
            return CommandResult.Rejected("Request", UnknownRequest);
        }

        if (request.Status != RenewalStatus.Submitted)
        {
            return CommandResult.Rejected("Request", NotOpen);
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return CommandResult.Rejected("Reasons", CertificateGrain.ReasonRequired);
        }

        if (reasons.Trim().Length > CertificateGrain.MaxReasonLength)
        {
            return CommandResult.Rejected("Reasons", ErrorCodes.TooLong);
        }

        var certificate = (await GrainFactory.GetGrain<ICertificateGrain>(_number).GetAsync())!;
        return await Saved(new RenewalRefused { RequestId = requestId, Actor = actor, At = clock.GetUtcNow(), Reason = reasons.Trim() }, certificate, null);
    }

    public Task<IReadOnlyList<RenewalRequest>> ListAsync() => Task.FromResult<IReadOnlyList<RenewalRequest>>([.. _requests]);

    private static List<FieldError> EvidenceErrors(IReadOnlyList<StatedPeriod> periods)
    {
        var errors = new List<FieldError>();
        var files = periods.SelectMany(p => p.Evidence).ToList();
        if (files.Count > RenewalEvidence.MaxFiles)
        {
            errors.Add(new FieldError("Evidence", RenewalEvidence.TooManyFiles));
        }

        if (files.Any(f => f.Content.Length > RenewalEvidence.MaxFileBytes))
        {
            errors.Add(new FieldError("Evidence", RenewalEvidence.FileTooLarge));
        }

        if (files.Any(f => f.Content.Length == 0 || RenewalEvidence.ContentTypeOf(f.Content) is null))
        {
            errors.Add(new FieldError("Evidence", RenewalEvidence.FileType));
        }

        if (periods.Any(p => string.IsNullOrWhiteSpace(p.Description)))
        {
            errors.Add(new FieldError("Description", ErrorCodes.Required));
        }
        else if (periods.Any(p => p.Description.Trim().Length > RenewalEvidence.MaxDescriptionLength))
        {
            errors.Add(new FieldError("Description", ErrorCodes.TooLong));
        }

        return errors;
    }

    /// <summary>The periods as the rule reads them: a period's evidence is its uploaded documents, named.</summary>
    public static IReadOnlyList<WorkPeriod> Stated(IReadOnlyList<StatedPeriod> periods) =>
        [.. periods.Select(p => new WorkPeriod(p.From, p.To, string.Join(", ", p.Evidence.Select(e => e.FileName))))];

    // A browser may send a path; the name is shown and offered back as the download's name.
    private static string CleanName(string name)
    {
        var clean = Path.GetFileName(name.Replace('\\', '/')).Trim();
        clean = new string([.. clean.Where(c => !char.IsControl(c))]);
        return clean.Length == 0 ? "dokument" : clean.Length > 200 ? clean[..200] : clean;
    }

    private async Task<CommandResult> Saved(RenewalEvent @event, CertificateRecord certificate, Func<NpgsqlConnection, NpgsqlTransaction, Task>? alsoWrite)
    {
        var seq = _version + 1;
        Apply(@event);
        var request = _requests.First(r => r.Id == @event.RequestId);
        var written = false;
        try
        {
            written = await log.AppendAsync(_stream, seq, @event, async (connection, transaction) =>
            {
                await ProjectAsync(request, certificate, connection, transaction);
                if (alsoWrite is not null)
                {
                    await alsoWrite(connection, transaction);
                }

                await RecordContactAsync(@event, seq, certificate, connection, transaction);
            });
        }
        finally
        {
            if (!written)
            {
                await ReloadAsync();
            }
        }

        return written ? CommandResult.Ok(_version) : CommandResult.Rejected("Version", CertificateGrain.Concurrent);
    }

    private static Task<int> ProjectAsync(RenewalRequest request, CertificateRecord certificate, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync(
            """
            INSERT INTO certificate_renewal (id, number, person_id, holder_name, status, submitted_at, counted_days, decided_at, decided_by, reasons, valid_until)
            VALUES (@Id, @Number, @HolderId, @HolderName, @Status, @SubmittedAt, @CountedDays, @DecidedAt, @DecidedBy, @Reasons, @ValidUntil)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by,
                reasons = excluded.reasons, valid_until = excluded.valid_until
            """,
            new
            {
                request.Id, request.Number, request.HolderId, certificate.HolderName, Status = (int)request.Status, SubmittedAt = request.SubmittedAt.UtcDateTime,
                request.CountedDays,
                DecidedAt = request.DecidedAt?.UtcDateTime, request.DecidedBy, request.Reasons, request.ValidUntil,
            },
            transaction);

    // The holder's contact history lists every step, and a decision is mailed to them (in Polish) when the CRM has their address.
    private async Task RecordContactAsync(RenewalEvent @event, int seq, CertificateRecord certificate, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var (kind, detail) = @event switch
        {
            RenewalSubmitted s => ("renewal.submitted", $"Wniosek o przedłużenie certyfikatu {_number}: {s.CountedDays} dni pracy z CRM."),
            RenewalAccepted a => ("renewal.accepted", $"Przedłużono certyfikat {_number} do {a.ValidUntil:dd.MM.yyyy}."),
            _ => ("renewal.refused", $"Odmowa przedłużenia certyfikatu {_number}: {@event.Reason}"),
        };
        await connection.ExecuteAsync(
            """
            INSERT INTO contact_event (source_id, source_seq, at, person_id, kind, subject_type, subject_id, subject_title, detail, actor)
            VALUES (@RequestId, @Seq, @At, @HolderId, @Kind, 'certificate_renewal', @RequestId, @Title, @Detail, @Actor)
            ON CONFLICT (source_id, source_seq) DO NOTHING
            """,
            new { @event.RequestId, Seq = seq, At = @event.At.UtcDateTime, certificate.HolderId, Kind = kind, Title = $"Certyfikat {_number}", Detail = detail, @event.Actor },
            transaction);

        if (@event is RenewalSubmitted)
        {
            return;
        }

        var email = await connection.QuerySingleOrDefaultAsync<string?>("SELECT email FROM person_projection WHERE id = @HolderId", new { certificate.HolderId }, transaction);
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var (subject, body) = @event is RenewalAccepted accepted
            ? ($"Certyfikat {_number} przedłużony",
               $"Dzień dobry,\n\nwniosek o przedłużenie certyfikatu {_number} został przyjęty. Certyfikat jest ważny do {accepted.ValidUntil:dd.MM.yyyy}. " +
               "Nowa wersja dokumentu jest do pobrania na stronie „Moje certyfikaty”.\n")
            : ($"Certyfikat {_number} – odmowa przedłużenia",
               $"Dzień dobry,\n\nwniosek o przedłużenie certyfikatu {_number} nie został przyjęty.\n\nUzasadnienie: {@event.Reason}\n\n" +
               "Aby ponownie uzyskać certyfikat, należy ponownie przystąpić do walidacji.\n");
        await outbox.EnqueueAsync(
            new OutgoingMail(kind, new MailRecipient(email, certificate.HolderName), subject, body)
            {
                PersonId = certificate.HolderId, About = new RelatedObject("certificate_renewal", @event.RequestId.ToString()),
            },
            transaction);
    }

    private void Apply(RenewalEvent @event)
    {
        _version++;
        var index = _requests.FindIndex(r => r.Id == @event.RequestId);
        switch (@event)
        {
            case RenewalSubmitted s:
                _requests.Add(new RenewalRequest(s.RequestId, _number, s.HolderId, RenewalStatus.Submitted, s.At, s.On, s.Periods, s.CountedDays, null, null, null, null));
                break;
            case RenewalAccepted a:
                _requests[index] = _requests[index] with { Status = RenewalStatus.Accepted, DecidedAt = a.At, DecidedBy = a.Actor, ValidUntil = a.ValidUntil };
                break;
            case RenewalRefused r:
                _requests[index] = _requests[index] with { Status = RenewalStatus.Refused, DecidedAt = r.At, DecidedBy = r.Actor, Reasons = r.Reason };
                break;
        }
    }

    private async Task ReloadAsync()
    {
        _requests.Clear();
        _version = 0;
        foreach (var @event in await log.ReadAsync(_stream))
        {
            Apply(@event);
        }
    }
}
