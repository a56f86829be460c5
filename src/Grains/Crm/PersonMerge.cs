using Certification.Common;

namespace Certification.Crm;

/// <summary>The person fields a merge can take from the absorbed record. Stored with merges: never rename.</summary>
public static class MergeFields
{
    public const string FirstName = nameof(FirstName);
    public const string LastName = nameof(LastName);
    public const string Email = nameof(Email);
    public const string Phone = nameof(Phone);
    public const string Pesel = nameof(Pesel);

    /// <summary>The current job: organisation, unit and position go together, since they describe one job.</summary>
    public const string Job = nameof(Job);

    public static IReadOnlyList<string> All { get; } = [FirstName, LastName, Email, Phone, Pesel, Job];
}

/// <summary>
/// What a training administrator confirmed: which record is absorbed (as it was when they compared it), which of
/// its values the survivor takes, and an id chosen when the comparison was shown, so a repeated post is the same merge.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.crm.PersonMergeRequest")]
public sealed record PersonMergeRequest(
    [property: Id(0)] Guid MergeId,
    [property: Id(1)] Guid AbsorbedId,
    [property: Id(2)] int AbsorbedVersion,
    [property: Id(3)] IReadOnlyList<string> FromAbsorbed,
    [property: Id(4)] IReadOnlyList<Guid> CustomFieldsFromAbsorbed);

/// <summary>A merge the survivor has started and not finished: its steps are repeated until they are all done.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.PendingMerge")]
public sealed record PendingMerge(
    [property: Id(0)] PersonMergeRequest Request,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset StartedAt);

/// <summary>A merge the person survived: who absorbed which record, when, and which of its values were kept.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.PersonMergeRecord")]
public sealed record PersonMergeRecord(
    [property: Id(0)] Guid MergeId,
    [property: Id(1)] Guid AbsorbedId,
    [property: Id(2)] string AbsorbedName,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor,
    [property: Id(5)] IReadOnlyList<string> FromAbsorbed,
    [property: Id(6)] IReadOnlyList<string> CustomFieldsFromAbsorbed);

/// <summary>What is left of a record merged into another: where its person is now.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.PersonTombstone")]
public sealed record PersonTombstone(
    [property: Id(0)] Guid SurvivorId,
    [property: Id(1)] Guid MergeId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor);

/// <summary>The absorbed record as the survivor takes it over: its details and its whole employment history.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.MergeSource")]
public sealed record MergeSource(
    [property: Id(0)] Guid Id,
    [property: Id(1)] PersonDetails Details,
    [property: Id(2)] IReadOnlyList<Employment> Employments,
    [property: Id(3)] IReadOnlyList<Employment> MergedEmployments)
{
    /// <summary>Every record it holds, each marked with the record it was entered on.</summary>
    public IReadOnlyList<Employment> Records() => [.. Employments.Select(e => e with { Origin = Id }), .. MergedEmployments];
}

[GenerateSerializer, Immutable, Alias("cert.crm.MergeSourceResult")]
public sealed record MergeSourceResult([property: Id(0)] CommandResult Result, [property: Id(1)] MergeSource? Source);

/// <summary>The survivor after a merge, or why the choices cannot be applied (then nothing changes).</summary>
public sealed record MergeOutcome(PersonDetails Details, EmploymentOutcome Employment, IReadOnlyList<Employment> MergedEmployments, IReadOnlyList<FieldError> Errors);

/// <summary>
/// How two records of one person become one. The survivor keeps its own values except those the office chose
/// from the absorbed record. Employment records are facts entered on either record, so all of them stay: the
/// survivor's own history keeps its rules (no overlaps, one current job), and the absorbed record's periods are
/// kept beside it marked with their origin, overlaps included. Taking the absorbed record's current job is a job
/// change on the day that job began: the survivor's current job ends the day before.
/// </summary>
public static class PersonMergeRules
{
    /// <summary>The record was merged into another; it only points there now.</summary>
    public const string Merged = "person.merged";

    public const string InProgress = "merge.in_progress";
    public const string SamePerson = "merge.same_person";
    public const string AlreadyMerged = "merge.already_merged";
    public const string OtherBusy = "merge.other_busy";
    public const string ExamRecords = "merge.exam_records";
    public const string UnknownField = "merge.unknown_field";
    public const string NoJobToTake = "merge.no_job";
    public const string JobBeforeCurrent = "merge.job_before_current";

    public static MergeOutcome Plan(
        PersonDetails survivor, IReadOnlyList<Employment> own, IReadOnlyList<Employment> merged, MergeSource absorbed, IReadOnlyCollection<string> fromAbsorbed, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (fromAbsorbed.Any(f => !MergeFields.All.Contains(f)))
        {
            errors.Add(new FieldError("FromAbsorbed", UnknownField));
        }

        var theirs = absorbed.Details;
        bool Take(string field) => fromAbsorbed.Contains(field);
        var (details, detailErrors) = PersonRules.Check(survivor with
        {
            FirstName = Take(MergeFields.FirstName) ? theirs.FirstName : survivor.FirstName,
            LastName = Take(MergeFields.LastName) ? theirs.LastName : survivor.LastName,
            Email = Take(MergeFields.Email) ? theirs.Email : survivor.Email,
            Phone = Take(MergeFields.Phone) ? theirs.Phone : survivor.Phone,
            Pesel = Take(MergeFields.Pesel) ? theirs.Pesel : survivor.Pesel,
        });
        errors.AddRange(detailErrors);

        var records = absorbed.Records();
        var employment = new EmploymentOutcome(own, [], []);
        if (Take(MergeFields.Job))
        {
            var job = EmploymentRules.Current(absorbed.Employments);
            var mine = EmploymentRules.Current(own);
            if (job is null)
            {
                errors.Add(new FieldError("Job", NoJobToTake));
            }
            else if (mine is null || mine.ClientId != job.ClientId || mine.Unit != job.Unit || mine.Position != job.Position)
            {
                employment = EmploymentRules.ChangeJob(own, job.ClientId, job.Unit, job.Position, job.From, today);
                errors.AddRange(employment.Errors.Select(e =>
                    e.Code is EmploymentRules.DatesOrder or EmploymentRules.Overlap ? new FieldError("Job", JobBeforeCurrent) : e with { Field = "Job" }));

                // The job became the survivor's own record; a copy among the merged ones would only repeat it.
                records = [.. records.Where(r => !(r.Origin == absorbed.Id && r.Seq == job.Seq))];
            }
        }

        var all = merged.Concat(records).OrderBy(r => r.From).ThenBy(r => r.Origin).ThenBy(r => r.Seq).ToList();
        return new MergeOutcome(details, employment, all, errors);
    }
}
