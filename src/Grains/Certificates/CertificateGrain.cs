using Certification.Certificates.Renewal;
using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Mail;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Certification.Certificates;

public sealed class CertificateGrain(
    AuditLog<CertificateEvent> log,
    CertificateNumbers numbers,
    [FromKeyedServices(ExamClock.Key)] TimeProvider clock,
    IMailOutbox outbox,
    Institution institution,
    ILogger<CertificateGrain> logger)
    : Grain, ICertificateGrain, IRemindable
{
    public const string NotIssued = "certificate.not_issued";
    public const string OtherValidation = "certificate.other_validation";
    public const string Revoked = "certificate.revoked";
    public const string ReasonRequired = "certificate.reason_required";
    public const string RenewalNotLater = "certificate.renewal_not_later";
    public const string BadNumber = "certificate.bad_number";
    public const string Concurrent = "certificate.concurrent";

    /// <summary>Reasons are read by people (the register, the holder): a paragraph, not a file.</summary>
    public const int MaxReasonLength = 2000;

    private const string ExpiryReminder = "expiry-reminders";

    /// <summary>
    /// The longest wait booked at once: Orleans caps a reminder's period (about 49 days), so a reminder months ahead is
    /// reached in hops, each tick checking what is due and booking the next.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private static readonly TimeSpan RetryWait = TimeSpan.FromDays(1);

    private CertificateState _state = new();
    private string _number = string.Empty;
    private string _stream = string.Empty;

    /// <summary>The certificate's stream in <c>audit_event</c>: its audit trail.</summary>
    public static string Stream(string number) => $"certificate:{number}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _number = this.GetPrimaryKeyString();
        _stream = Stream(_number);
        await ReloadAsync();
        await BookExpiryReminderAsync();
    }

    public async Task<CommandResult> IssueAsync(CertificateIssue issue, string actor)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (_state.Issued is { } issued)
        {
            // The issuer retried, or two issuers of one validation met here: the first issue stands.
            return issued.SessionId == issue.SessionId && issued.HolderId == issue.HolderId
                ? CommandResult.Ok(_state.Version)
                : CommandResult.Rejected("Number", OtherValidation);
        }

        // Only numbers the institution gave: the canonical form, the year of issue, a check character its secret signs.
        if (!CertificateNumber.TryParse(_number, out var number) || number.ToString() != _number || number.Year != issue.IssuedOn.Year ||
            !number.HasValidCheck(await numbers.SecretAsync()))
        {
            return CommandResult.Rejected("Number", BadNumber);
        }

        return await Booked(new CertificateIssued(
            issue.SessionId, issue.HolderId, issue.HolderName.Trim(), issue.HolderBirthDate, issue.QualificationCode, issue.QualificationName, issue.PrkLevel,
            issue.OutcomeSets, issue.IssuedOn, CertificateValidity.Until(issue.IssuedOn, issue.ValidityYears), issue.Institution, issue.DecisionDate)
        {
            Actor = actor, At = clock.GetUtcNow(),
        });
    }

    public async Task<CommandResult> RenewAsync(CertificateRenewal renewal, string actor)
    {
        ArgumentNullException.ThrowIfNull(renewal);
        if (_state.HasRenewal(renewal.RenewalId))
        {
            return CommandResult.Ok(_state.Version);
        }

        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (renewal.ValidUntil <= _state.ValidUntil)
        {
            return CommandResult.Rejected("ValidUntil", RenewalNotLater);
        }

        if (ReasonProblem(renewal.Reason) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        return await Booked(new CertificateRenewed(renewal.RenewalId, renewal.ValidUntil, PolishDate.Of(now)) { Actor = actor, At = now, Reason = renewal.Reason.Trim() });
    }

    public async Task<CommandResult> RevokeAsync(string reason, string actor)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (ReasonProblem(reason) is { } problem)
        {
            return problem;
        }

        return await Booked(new CertificateRevoked { Actor = actor, At = clock.GetUtcNow(), Reason = reason.Trim() });
    }

    public Task<CertificateRecord?> GetAsync() => Task.FromResult(_state.Record(_number));

    /// <summary>
    /// A tick of the expiry reminder: e-mails the holder the reminder due today, unless it was sent (the event in the
    /// stream is the proof, written in the mail's transaction), then books the next check.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await RemindAsync();

        // A reminder still due here found no address: it is tried again the next day, not in a loop.
        await BookExpiryReminderAsync(RetryWait);
    }

    private async Task RemindAsync()
    {
        var today = PolishDate.Of(clock.GetUtcNow());
        if (_state.Revocation is not null || _state.Record(_number) is not { } certificate ||
            ExpiryReminders.DueOn(certificate.ValidUntil, today, _state.RemindedDaysBefore) is not { } due)
        {
            return;
        }

        // Without a usable address nothing is recorded: the reminder stays due and goes once the CRM has one.
        var holder = await GrainFactory.GetGrain<IPersonGrain>(certificate.HolderId).GetAsync();
        var mail = string.IsNullOrWhiteSpace(holder?.Details.Email) ? null
            : ExpiryReminderMail.For(certificate, due, today, new MailRecipient(holder.Details.Email, certificate.HolderName), institution);
        if (mail is null || MailRules.Problems(mail).Count > 0)
        {
            logger.LogWarning("Certificate {Number}: the {Days}-day expiry reminder is due but the holder {Person} has no usable e-mail", _number, due.DaysBefore, certificate.HolderId);
            return;
        }

        var result = await Saved(
            new CertificateExpiryReminded(due.DaysBefore, certificate.ValidUntil) { Actor = "system", At = clock.GetUtcNow() },
            (_, transaction) => outbox.EnqueueAsync(mail, transaction));
        if (result.Succeeded)
        {
            logger.LogInformation("Certificate {Number}: the {Days}-day expiry reminder was queued for {Person}", _number, due.DaysBefore, certificate.HolderId);
        }
    }

    /// <summary>
    /// Keeps one reminder booked while a reminder of the current validity is still to go: at the next one's day, at most
    /// <see cref="LongestWait"/> ahead, or after <paramref name="dueWait"/> when one is due already; none once revoked or
    /// all are sent.
    /// </summary>
    private async Task BookExpiryReminderAsync(TimeSpan? dueWait = null)
    {
        var now = clock.GetUtcNow();
        var today = PolishDate.Of(now);
        TimeSpan? wait = _state.Issued is null || _state.Revocation is not null ? null
            : ExpiryReminders.DueOn(_state.ValidUntil, today, _state.RemindedDaysBefore) is not null ? dueWait ?? TimeSpan.Zero
            : ExpiryReminders.Ahead(_state.ValidUntil, today).FirstOrDefault(r => !_state.RemindedDaysBefore.Any(sent => sent <= r.DaysBefore)) is { } ahead
                ? PolishDate.Start(ahead.DueOn) - now
                : null;
        if (wait is { } due)
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due > LongestWait ? LongestWait : due, LongestWait);
        }
        else if (await this.GetReminder(ExpiryReminder) is { } booked)
        {
            await this.UnregisterReminder(booked);
        }
    }

    private async Task<CommandResult> Booked(CertificateEvent @event)
    {
        var result = await Saved(@event);
        await BookExpiryReminderAsync();
        return result;
    }

    // Renewing or revoking needs a certificate that stands.
    private CommandResult? Refusal() =>
        _state.Issued is null ? CommandResult.Rejected("Number", NotIssued)
        : _state.Revocation is not null ? CommandResult.Rejected("Number", Revoked)
        : null;

    private static CommandResult? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? CommandResult.Rejected("Reason", ReasonRequired)
        : reason.Trim().Length > MaxReasonLength ? CommandResult.Rejected("Reason", ErrorCodes.TooLong)
        : null;

    private async Task<CommandResult> Saved(CertificateEvent @event, Func<NpgsqlConnection, NpgsqlTransaction, Task>? alsoWrite = null)
    {
        // Applied first so the projection row is written from the state after the event, in the event's
        // transaction; if the write does not happen, the state is read back from the log.
        var seq = _state.Version + 1;
        _state.Apply(@event);
        var written = false;
        try
        {
            written = await log.AppendAsync(_stream, seq, @event, async (connection, transaction) =>
            {
                await ProjectAsync(connection, transaction);
                if (alsoWrite is not null)
                {
                    await alsoWrite(connection, transaction);
                }
            });
        }
        finally
        {
            if (!written)
            {
                await ReloadAsync();
            }
        }

        return written ? CommandResult.Ok(_state.Version) : CommandResult.Rejected("Version", Concurrent);
    }

    private async Task ReloadAsync()
    {
        _state = new CertificateState();
        foreach (var @event in await log.ReadAsync(_stream))
        {
            _state.Apply(@event);
        }
    }

    private Task<int> ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var record = _state.Record(_number)!;
        return connection.ExecuteAsync(
            """
            INSERT INTO certificate (number, version, person_id, session_id, holder_name, birth_date, qualification, qualification_name,
                qualification_name_en, prk_level, institution, decision_date, issued_on, valid_until, document_version, renewed_on,
                revoked_at, revoked_by, revocation_reason, updated_at)
            VALUES (@Number, @Version, @HolderId, @SessionId, @HolderName, @HolderBirthDate, @QualificationCode, @NamePl,
                @NameEn, @PrkLevel, @Institution, @DecisionDate, @IssuedOn, @ValidUntil, @DocumentVersion, @RenewedOn,
                @RevokedAt, @RevokedBy, @RevocationReason, @Now)
            ON CONFLICT (number) DO UPDATE SET
                version = excluded.version, valid_until = excluded.valid_until, document_version = excluded.document_version,
                renewed_on = excluded.renewed_on, revoked_at = excluded.revoked_at, revoked_by = excluded.revoked_by,
                revocation_reason = excluded.revocation_reason, updated_at = excluded.updated_at
            WHERE certificate.version < excluded.version
            """,
            new
            {
                record.Number, record.Version, record.HolderId, record.SessionId, record.HolderName, record.HolderBirthDate, record.QualificationCode,
                NamePl = record.QualificationName.Pl, NameEn = record.QualificationName.En, record.PrkLevel, record.Institution, record.DecisionDate,
                record.IssuedOn, record.ValidUntil, record.DocumentVersion,
                RenewedOn = record.DocumentVersion > 1 ? record.DocumentDate : (DateOnly?)null,
                RevokedAt = record.Revocation?.At.UtcDateTime, RevokedBy = record.Revocation?.Actor, RevocationReason = record.Revocation?.Reason,
                Now = clock.GetUtcNow().UtcDateTime,
            },
            transaction);
    }
}
