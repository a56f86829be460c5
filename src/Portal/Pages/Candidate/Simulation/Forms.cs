using Certification.ExamSimulator.Sandbox;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>The account form; the sandbox checks it (NIP, postal code, e-mail…) and names the fields it refuses.</summary>
public sealed class AccountForm
{
    public string? Name { get; set; }

    public AccountKind Kind { get; set; } = AccountKind.Company;

    public string? Industry { get; set; }

    public string? Nip { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Voivodeship { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public int? Employees { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.Prospect;

    public static AccountForm From(AccountData data) => new()
    {
        Name = data.Name, Kind = data.Kind, Industry = data.Industry, Nip = data.Nip, Street = data.Street, PostalCode = data.PostalCode,
        City = data.City, Voivodeship = data.Voivodeship, Phone = data.Phone, Email = data.Email, Website = data.Website,
        Employees = data.Employees, Status = data.Status,
    };

    public AccountData ToData() =>
        new(Name ?? "", Kind, Industry, Nip, Street, PostalCode, City, Voivodeship, Phone, Email, Website, Employees, Status);
}

public sealed class ContactForm
{
    public string? AccountId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public static ContactForm From(Contact contact) => new()
    {
        AccountId = contact.AccountId, FirstName = contact.Data.FirstName, LastName = contact.Data.LastName,
        Position = contact.Data.Position, Email = contact.Data.Email, Phone = contact.Data.Phone,
    };

    public ContactData ToData() => new(FirstName ?? "", LastName ?? "", Position, Email, Phone);
}

public sealed class OpportunityForm
{
    public string? Name { get; set; }

    public string? AccountId { get; set; }

    public string? ContactId { get; set; }

    /// <summary>As typed: "12 500,50" or "12500.50".</summary>
    public string? Value { get; set; }

    public DateOnly ExpectedClose { get; set; }

    public string? PipelineId { get; set; }

    public string? StageId { get; set; }

    public static OpportunityForm From(Opportunity opportunity) => new()
    {
        Name = opportunity.Details.Name, AccountId = opportunity.Details.AccountId, ContactId = opportunity.Details.ContactId,
        Value = opportunity.Details.Value.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("pl-PL")), ExpectedClose = opportunity.Details.ExpectedClose,
        PipelineId = opportunity.PipelineId, StageId = opportunity.StageId,
    };

    public OpportunityDetails ToDetails(decimal value) => new(Name ?? "", AccountId ?? "", string.IsNullOrEmpty(ContactId) ? null : ContactId, value, ExpectedClose);
}

public sealed class TaskForm
{
    public string? Title { get; set; }

    public DateOnly DueDate { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public string? AccountId { get; set; }

    public string? OpportunityId { get; set; }

    /// <summary>The stage as "pipeline/stage", one select for both.</summary>
    public string? Stage { get; set; }

    public string? Notes { get; set; }

    public static TaskForm From(CrmTask task) => new()
    {
        Title = task.Data.Title, DueDate = task.Data.DueDate, Priority = task.Data.Priority, AccountId = task.Data.AccountId,
        OpportunityId = task.Data.OpportunityId, Stage = task.Data.StageId is null ? null : $"{task.Data.PipelineId}/{task.Data.StageId}",
        Notes = task.Data.Notes,
    };

    public CrmTaskData ToData()
    {
        var stage = Stage?.Split('/', 2);
        return new CrmTaskData(
            Title ?? "", DueDate, Priority, Empty(AccountId), Empty(OpportunityId),
            stage is [var pipeline, _] ? pipeline : null, stage is [_, var stageId] ? stageId : null, Notes);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Up to a few filter conditions on fields of the catalogue, as rows of a form; empty rows are ignored.</summary>
public sealed class ConditionRow
{
    public string? Field { get; set; }

    public FilterOperator Operator { get; set; } = FilterOperator.Equals;

    public string? Value { get; set; }

    public static List<ConditionRow> Rows(IEnumerable<FilterCondition> conditions, int count) =>
        [.. conditions.Select(c => new ConditionRow { Field = c.Field, Operator = c.Operator, Value = c.Value })
            .Concat(Enumerable.Range(0, count).Select(_ => new ConditionRow())).Take(Math.Max(count, conditions.Count() + 1))];

    public static System.Collections.Immutable.ImmutableList<FilterCondition> Conditions(IEnumerable<ConditionRow> rows) =>
        [.. rows.Where(r => !string.IsNullOrEmpty(r.Field)).Select(r => new FilterCondition(r.Field!, r.Operator, r.Value))];
}

public static class Amounts
{
    /// <summary>An amount as a person types it, with a comma or a dot and spaces between thousands.</summary>
    public static bool TryParse(string? text, out decimal amount) =>
        decimal.TryParse(
            (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.'),
            System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture,
            out amount);
}
