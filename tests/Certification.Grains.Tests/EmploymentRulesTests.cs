using Certification.Common;
using Certification.Crm;

namespace Certification.Grains.Tests;

/// <summary>The rules of the employment history on their own, without a cluster.</summary>
public sealed class EmploymentRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Gmina = Guid.NewGuid();
    private static readonly Guid Powiat = Guid.NewGuid();
    private static readonly IReadOnlyList<Employment> Inspector = [new Employment(1, Gmina, "Urząd", "Inspektor", new DateOnly(2020, 3, 1), null)];

    [Fact]
    public void A_promotion_closes_the_record_the_day_before_and_is_a_change_at_the_same_client()
    {
        var outcome = EmploymentRules.ChangeJob(Inspector, Gmina, "Urząd", " Kierownik ", new DateOnly(2025, 1, 1), Today);

        Assert.Equal(
            [
                new Employment(1, Gmina, "Urząd", "Inspektor", new DateOnly(2020, 3, 1), new DateOnly(2024, 12, 31)),
                new Employment(2, Gmina, "Urząd", "Kierownik", new DateOnly(2025, 1, 1), null),
            ],
            outcome.Records);
        Assert.Equal([new EmploymentStep(EmploymentEventKind.Changed, Gmina, "Urząd", "Kierownik", new DateOnly(2025, 1, 1))], outcome.Steps);
    }

    [Fact]
    public void A_move_to_another_client_ends_one_job_and_starts_another()
    {
        var outcome = EmploymentRules.ChangeJob(Inspector, Powiat, null, "Naczelnik", new DateOnly(2025, 1, 1), Today);

        Assert.Equal([EmploymentEventKind.Ended, EmploymentEventKind.Started], outcome.Steps.Select(s => s.Kind));
        Assert.Equal((Gmina, new DateOnly(2024, 12, 31)), (outcome.Steps[0].ClientId, outcome.Steps[0].Date));
    }

    [Fact]
    public void The_same_job_again_is_not_a_change()
    {
        var outcome = EmploymentRules.ChangeJob(Inspector, Gmina, "Urząd", "Inspektor", new DateOnly(2025, 1, 1), Today);

        Assert.Equal([new FieldError("Position", EmploymentRules.Unchanged)], outcome.Errors);
        Assert.Same(Inspector, outcome.Records);
    }

    [Fact]
    public void A_correction_rewrites_the_current_record_and_keeps_its_start()
    {
        var outcome = EmploymentRules.Correct(Inspector, Powiat, "Starostwo", "Inspektor", Today);

        Assert.Equal([new Employment(1, Powiat, "Starostwo", "Inspektor", new DateOnly(2020, 3, 1), null)], outcome.Records);
        Assert.Equal(EmploymentEventKind.Corrected, Assert.Single(outcome.Steps).Kind);
        Assert.Empty(EmploymentRules.Correct(Inspector, Gmina, "Urząd", "Inspektor", Today).Steps);
    }

    [Fact]
    public void Without_a_current_job_a_client_in_the_details_starts_one_today_unless_the_last_ended_today()
    {
        IReadOnlyList<Employment> leftToday = [Inspector[0] with { Until = Today }];
        IReadOnlyList<Employment> leftBefore = [Inspector[0] with { Until = Today.AddDays(-1) }];

        Assert.Equal([new FieldError("ClientId", EmploymentRules.Overlap)], EmploymentRules.Correct(leftToday, Powiat, null, null, Today).Errors);
        Assert.Equal(new Employment(2, Powiat, null, null, Today, null), EmploymentRules.Correct(leftBefore, Powiat, null, null, Today).Records[^1]);
        Assert.Empty(EmploymentRules.Correct(leftBefore, null, null, null, Today).Steps);
    }
}
