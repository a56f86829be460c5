using Certification.Common;
using Certification.Consents;
using Certification.Crm;
using Certification.Training;
using Dapper;
using Npgsql;

namespace Certification.Portal.Training;

/// <summary>What a visitor types to enrol themselves on a public training.</summary>
public sealed record RegistrationForm(string? FirstName, string? LastName, string? Email, string? Phone, bool AcceptsTerms, bool WantsNews);

/// <summary>
/// Self-registration on the public page of a training: the visitor is found in the CRM by e-mail (or
/// added), enrolled as "self", and their consents are recorded with where they gave them. Acceptance
/// of the rules and the information on personal data is required; the news consent is optional.
/// </summary>
public sealed class SelfRegistration(IGrainFactory grains, NpgsqlDataSource dataSource)
{
    public const string TermsRequired = "registration.terms_required";
    public const string EmailRequired = "registration.email_required";

    public async Task<(EnrolmentStatus? Status, IReadOnlyList<FieldError> Errors)> RegisterAsync(Guid orderId, string title, RegistrationForm form)
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
            return (null, errors);
        }

        // The same address is the same person: no duplicate in the CRM, and their history continues.
        var person = await FindByEmailAsync(normalized.Email!);
        if (person is null)
        {
            person = Guid.NewGuid();
            var created = await grains.GetGrain<IPersonGrain>(person.Value).CreateAsync(normalized);
            if (!created.Succeeded)
            {
                return (null, created.Errors);
            }
        }

        var enrolled = await grains.GetGrain<ITrainingOrderGrain>(orderId).EnrolAsync(person.Value, EnrolmentSource.Self, null, "self");
        if (!enrolled.Result.Succeeded)
        {
            return (null, enrolled.Result.Errors);
        }

        var consents = grains.GetGrain<IPersonConsentsGrain>(person.Value);
        var where = $"formularz zapisu na szkolenie „{title}”";
        await consents.RecordAsync(ConsentPurpose.RegistrationTerms, true, where, "self");
        if (form.WantsNews)
        {
            await consents.RecordAsync(ConsentPurpose.Marketing, true, where, "self");
        }

        return (enrolled.Status, []);
    }

    private async Task<Guid?> FindByEmailAsync(string email)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<Guid?>(
            "SELECT id FROM person_projection WHERE lower(email) = lower(@email) ORDER BY created_at LIMIT 1", new { email });
    }
}
