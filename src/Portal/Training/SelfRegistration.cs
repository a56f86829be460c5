using System.Security.Cryptography;
using System.Text;
using Certification.Common;
using Certification.Consents;
using Certification.Crm;
using Certification.Mail;
using Certification.Training;
using Dapper;
using Npgsql;

namespace Certification.Portal.Training;

/// <summary>What a visitor types to enrol themselves on a public training.</summary>
public sealed record RegistrationForm(string? FirstName, string? LastName, string? Email, string? Phone, bool AcceptsTerms, bool WantsNews);

/// <summary>What became of a confirmation link.</summary>
public enum ConfirmationOutcome
{
    Enrolled,
    WaitListed,
    AlreadyEnrolled,
    AlreadyConfirmed,
    Expired,
    EnrolmentClosed,
}

/// <summary>A registration waiting for its confirmation, as the confirmation page shows it.</summary>
public sealed record PendingRegistration(Guid OrderId, string? FirstName, string? LastName, DateTime ExpiresAt, DateTime? ConfirmedAt);

/// <summary>
/// Self-registration on the public page of a training, with the address confirmed first (double opt-in):
/// the form stores a request and mails a link; only when the visitor confirms is the person found in the CRM
/// by e-mail (or added), enrolled as "self", and their consents recorded with where they gave them. So nobody
/// can enrol, or put into the CRM, an address that is not theirs. Acceptance of the rules and the information
/// on personal data is required; the news consent is optional.
/// </summary>
public sealed class SelfRegistration(IGrainFactory grains, NpgsqlDataSource dataSource, IMailOutbox outbox, Institution institution, TimeProvider clock)
{
    public const string TermsRequired = "registration.terms_required";
    public const string EmailRequired = "registration.email_required";

    /// <summary>Long enough for a weekend away from the mailbox, short enough not to keep typed data for long.</summary>
    public static readonly TimeSpan LinkValidity = TimeSpan.FromHours(48);

    /// <summary>A repeated submission within this time sends no second mail: the form is not a way to flood someone's mailbox.</summary>
    public static readonly TimeSpan ResendPause = TimeSpan.FromMinutes(10);

    /// <summary>Checks the form and mails the confirmation link; nothing enters the CRM yet.</summary>
    public async Task<IReadOnlyList<FieldError>> RequestAsync(Guid orderId, OrderDetails order, RegistrationForm form)
    {
        var details = new PersonDetails(form.FirstName ?? string.Empty, form.LastName ?? string.Empty, form.Email, form.Phone, null, null, null, null);
        var (normalized, errors) = PersonRules.Check(details);
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(new FieldError("Email", EmailRequired));
        }

        if (!form.AcceptsTerms)
        {
            errors.Add(new FieldError("AcceptsTerms", TermsRequired));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // What visitors typed and never confirmed is not kept past its link's life (RODO: storage limitation).
        await connection.ExecuteAsync("DELETE FROM registration_request WHERE confirmed_at IS NULL AND expires_at < @now", new { now }, transaction);
        var recent = await connection.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM registration_request
                           WHERE order_id = @orderId AND lower(email) = lower(@email) AND confirmed_at IS NULL AND requested_at > @since)
            """,
            new { orderId, email = normalized.Email, since = now - ResendPause }, transaction);
        if (recent)
        {
            return [];
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var expiresAt = now + LinkValidity;
        await connection.ExecuteAsync(
            """
            INSERT INTO registration_request (id, token_hash, order_id, person_id, first_name, last_name, email, phone, wants_news, requested_at, expires_at)
            VALUES (@id, @hash, @orderId, @personId, @firstName, @lastName, @email, @phone, @wantsNews, @now, @expiresAt)
            """,
            new
            {
                id = Guid.NewGuid(), hash = Hash(token), orderId, personId = Guid.NewGuid(), firstName = normalized.FirstName, lastName = normalized.LastName,
                email = normalized.Email, phone = normalized.Phone, wantsNews = form.WantsNews, now, expiresAt,
            },
            transaction);
        await outbox.EnqueueAsync(
            TrainingMails.RegistrationConfirmation(orderId, order, normalized.FirstName, normalized.LastName, normalized.Email!,
                institution.Link($"Trainings/Confirm/{token}"), expiresAt, institution),
            transaction);
        await transaction.CommitAsync();
        return [];
    }

    /// <summary>The request a link names, or null when there is none (never was, or expired and cleared away).</summary>
    public async Task<PendingRegistration?> FindAsync(string token)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<PendingRegistration>(
            """
            SELECT order_id AS OrderId, first_name AS FirstName, last_name AS LastName, expires_at AS ExpiresAt,
                   confirmed_at AS ConfirmedAt
            FROM registration_request WHERE token_hash = @hash
            """,
            new { hash = Hash(token) });
    }

    /// <summary>
    /// Enrols the visitor a link names. Safe to repeat: a confirmation that failed half-way finishes on the next
    /// try with the same person (its id was fixed with the request) and no second enrolment.
    /// </summary>
    public async Task<(ConfirmationOutcome? Outcome, IReadOnlyList<FieldError> Errors)> ConfirmAsync(string token)
    {
        var hash = Hash(token);
        await using var connection = await dataSource.OpenConnectionAsync();
        var request = await connection.QuerySingleOrDefaultAsync<Request>(
            """
            SELECT order_id AS OrderId, person_id AS PersonId, first_name AS FirstName, last_name AS LastName, email AS Email,
                   phone AS Phone, wants_news AS WantsNews, expires_at AS ExpiresAt, confirmed_at AS ConfirmedAt
            FROM registration_request WHERE token_hash = @hash
            """,
            new { hash });
        if (request is null)
        {
            return (null, []);
        }

        if (request.ConfirmedAt is not null)
        {
            return (ConfirmationOutcome.AlreadyConfirmed, []);
        }

        if (request.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return (ConfirmationOutcome.Expired, []);
        }

        var order = grains.GetGrain<ITrainingOrderGrain>(request.OrderId);
        if (await order.GetAsync() is not { } snapshot || snapshot.Details.Visibility != OrderVisibility.Public || !snapshot.Phase.Enrolment)
        {
            return (ConfirmationOutcome.EnrolmentClosed, []);
        }

        // The same address is the same person: no duplicate in the CRM, and their history continues.
        var person = await FindByEmailAsync(connection, request.Email!) ?? request.PersonId;
        if (person == request.PersonId)
        {
            var created = await grains.GetGrain<IPersonGrain>(person).CreateAsync(
                new PersonDetails(request.FirstName!, request.LastName!, request.Email, request.Phone, null, null, null, null));
            if (!created.Succeeded && created.Errors.All(e => e.Code != ErrorCodes.AlreadyExists))
            {
                return (null, created.Errors);
            }
        }

        var enrolled = await order.EnrolAsync(person, EnrolmentSource.Self, null, "self");
        // Already on the list — registered twice, or by a try that failed before it could mark the request:
        // either way the enrolment stands and the consents below are still what the visitor gave.
        var already = enrolled.Result.Errors.Any(e => e.Code == TrainingOrderRules.AlreadyEnrolled);
        if (!enrolled.Result.Succeeded && !already)
        {
            return (null, enrolled.Result.Errors);
        }

        var consents = grains.GetGrain<IPersonConsentsGrain>(person);
        var where = $"formularz zapisu na szkolenie „{snapshot.Details.Title}”, adres potwierdzony linkiem";
        await consents.RecordAsync(ConsentPurpose.RegistrationTerms, true, where, "self");
        if (request.WantsNews)
        {
            await consents.RecordAsync(ConsentPurpose.Marketing, true, where, "self");
        }

        // The typed data now lives in the CRM record; the request keeps only that it was confirmed and how it ended.
        await connection.ExecuteAsync(
            """
            UPDATE registration_request
            SET confirmed_at = @now, status = @status, first_name = NULL, last_name = NULL, email = NULL, phone = NULL
            WHERE token_hash = @hash
            """,
            new { now = clock.GetUtcNow().UtcDateTime, status = (int?)enrolled.Status, hash });
        return (already ? ConfirmationOutcome.AlreadyEnrolled
            : enrolled.Status == EnrolmentStatus.Waiting ? ConfirmationOutcome.WaitListed
            : ConfirmationOutcome.Enrolled, []);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static Task<Guid?> FindByEmailAsync(NpgsqlConnection connection, string email) =>
        connection.QueryFirstOrDefaultAsync<Guid?>(
            "SELECT id FROM person_projection WHERE lower(email) = lower(@email) ORDER BY created_at LIMIT 1", new { email });

    private sealed record Request(
        Guid OrderId, Guid PersonId, string? FirstName, string? LastName, string? Email, string? Phone, bool WantsNews, DateTime ExpiresAt, DateTime? ConfirmedAt);
}
