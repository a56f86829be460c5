using Certification.Common;

namespace Certification.Crm;

/// <summary>One thing that happened to a person's employment, before the grain stamps it with who and when.</summary>
public sealed record EmploymentStep(EmploymentEventKind Kind, Guid ClientId, string? Unit, string? Position, DateOnly Date);

/// <summary>The history after a command, what happened in it, or why it was refused (then nothing changed).</summary>
public sealed record EmploymentOutcome(IReadOnlyList<Employment> Records, IReadOnlyList<EmploymentStep> Steps, IReadOnlyList<FieldError> Errors)
{
    public static EmploymentOutcome Refused(IReadOnlyList<Employment> records, IReadOnlyList<FieldError> errors) => new(records, [], errors);
}

/// <summary>
/// How a person's employment history changes. A job change closes the current record the day before
/// the new one starts; leaving closes it; a correction rewrites the current record in place, because it
/// fixes what was entered wrongly rather than recording something that happened. Dates are never in the
/// future: the history records facts, so the current job is always today's.
/// </summary>
public static class EmploymentRules
{
    public const string DatesOrder = "employment.dates_order";
    public const string UntilBeforeStart = "employment.until_before_start";
    public const string Overlap = "employment.overlap";
    public const string Future = "employment.future";
    public const string NoCurrentJob = "employment.no_current";
    public const string Unchanged = "employment.unchanged";
    public const string UseLeave = "employment.use_leave";

    public static Employment? Current(IReadOnlyList<Employment> records) =>
        records.Count > 0 && records[^1].Until is null ? records[^1] : null;

    public static EmploymentOutcome ChangeJob(
        IReadOnlyList<Employment> records, Guid clientId, string? unit, string? position, DateOnly from, DateOnly today)
    {
        var errors = new List<FieldError>();
        unit = FieldRules.Text(errors, "Unit", unit, 200, required: false);
        position = FieldRules.Text(errors, "Position", position, 200, required: false);
        if (from > today)
        {
            errors.Add(new FieldError("From", Future));
        }

        var current = Current(records);
        if (current is null)
        {
            if (records.Count > 0 && records[^1].Until >= from)
            {
                errors.Add(new FieldError("From", Overlap));
            }
        }
        else
        {
            // The current record keeps at least its first day.
            if (from <= current.From)
            {
                errors.Add(new FieldError("From", DatesOrder));
            }

            if (current.ClientId == clientId && current.Unit == unit && current.Position == position)
            {
                errors.Add(new FieldError("Position", Unchanged));
            }
        }

        if (errors.Count > 0)
        {
            return EmploymentOutcome.Refused(records, errors);
        }

        var list = records.ToList();
        var steps = new List<EmploymentStep>();
        if (current is not null)
        {
            list[^1] = current with { Until = from.AddDays(-1) };
            if (current.ClientId != clientId)
            {
                steps.Add(new EmploymentStep(EmploymentEventKind.Ended, current.ClientId, current.Unit, current.Position, from.AddDays(-1)));
            }
        }

        list.Add(new Employment(NextSeq(records), clientId, unit, position, from, null));
        var kind = current?.ClientId == clientId ? EmploymentEventKind.Changed : EmploymentEventKind.Started;
        steps.Add(new EmploymentStep(kind, clientId, unit, position, from));
        return new EmploymentOutcome(list, steps, []);
    }

    public static EmploymentOutcome Leave(IReadOnlyList<Employment> records, DateOnly until, DateOnly today)
    {
        if (Current(records) is not { } current)
        {
            return EmploymentOutcome.Refused(records, [new FieldError("Until", NoCurrentJob)]);
        }

        var errors = new List<FieldError>();
        if (until > today)
        {
            errors.Add(new FieldError("Until", Future));
        }

        if (until < current.From)
        {
            errors.Add(new FieldError("Until", UntilBeforeStart));
        }

        if (errors.Count > 0)
        {
            return EmploymentOutcome.Refused(records, errors);
        }

        var list = records.ToList();
        list[^1] = current with { Until = until };
        return new EmploymentOutcome(list, [new EmploymentStep(EmploymentEventKind.Ended, current.ClientId, current.Unit, current.Position, until)], []);
    }

    /// <summary>
    /// Makes the current record say what a person's details say (their client, unit and position are the
    /// current job). Without a current job, giving a client starts one today; with one, a different client,
    /// unit or position corrects it in place. Ending a job this way would lose its last day: that is leaving.
    /// </summary>
    public static EmploymentOutcome Correct(IReadOnlyList<Employment> records, Guid? clientId, string? unit, string? position, DateOnly today)
    {
        var current = Current(records);
        if (current is null)
        {
            if (clientId is not { } client)
            {
                return new EmploymentOutcome(records, [], []);
            }

            if (records.Count > 0 && records[^1].Until >= today)
            {
                return EmploymentOutcome.Refused(records, [new FieldError("ClientId", Overlap)]);
            }

            return new EmploymentOutcome(
                [.. records, new Employment(NextSeq(records), client, unit, position, today, null)],
                [new EmploymentStep(EmploymentEventKind.Started, client, unit, position, today)],
                []);
        }

        if (clientId is not { } newClient)
        {
            return EmploymentOutcome.Refused(records, [new FieldError("ClientId", UseLeave)]);
        }

        if (current.ClientId == newClient && current.Unit == unit && current.Position == position)
        {
            return new EmploymentOutcome(records, [], []);
        }

        var list = records.ToList();
        list[^1] = current with { ClientId = newClient, Unit = unit, Position = position };
        return new EmploymentOutcome(list, [new EmploymentStep(EmploymentEventKind.Corrected, newClient, unit, position, current.From)], []);
    }

    private static int NextSeq(IReadOnlyList<Employment> records) => records.Count == 0 ? 1 : records.Max(r => r.Seq) + 1;
}
