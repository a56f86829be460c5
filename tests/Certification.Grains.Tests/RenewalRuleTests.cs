using Certification.Certificates.Renewal;

namespace Certification.Grains.Tests;

/// <summary>The renewal rule of QUALIFICATION.md (≥ 1 year of CRM work within the validity), the new validity and the reminders.</summary>
public sealed class RenewalRuleTests
{
    // A certificate issued 1 March 2026, valid until 1 March 2031; the holder asks in 2030.
    private static readonly DateOnly IssuedOn = new(2026, 3, 1);
    private static readonly DateOnly ValidUntil = new(2031, 3, 1);
    private static readonly DateOnly Today = new(2030, 11, 15);

    private static RenewalAssessment Assess(params (string From, string To)[] periods) =>
        RenewalRule.Assess(IssuedOn, ValidUntil, Today, [.. periods.Select(p => new WorkPeriod(DateOnly.Parse(p.From), DateOnly.Parse(p.To), "zaświadczenie pracodawcy.pdf"))]);

    [Fact]
    public void Three_hundred_sixty_four_days_are_not_a_year()
    {
        // 2 January – 31 December 2027: 364 days, both ends included.
        var assessment = Assess(("2027-01-02", "2027-12-31"));

        Assert.True(assessment.IsValid);
        Assert.Equal(364, assessment.CountedDays);
        Assert.False(assessment.Met);
        Assert.Equal(1, assessment.MissingDays);
    }

    [Fact]
    public void Three_hundred_sixty_five_days_are_a_year()
    {
        var assessment = Assess(("2027-01-01", "2027-12-31"));

        Assert.Equal(365, assessment.CountedDays);
        Assert.True(assessment.Met);
        Assert.Equal(0, assessment.MissingDays);
    }

    [Fact]
    public void Across_a_leap_day_365_days_are_enough_and_364_are_not()
    {
        // 1 March 2027 – 28 February 2028 ends the day before the leap day: 365 days, one short of the calendar year
        // from 1 March 2027 (which runs to 29 February 2028), and enough: a year is counted as 365 days (KC art. 114).
        Assert.Equal(365, Assess(("2027-03-01", "2028-02-28")).CountedDays);
        Assert.True(Assess(("2027-03-01", "2028-02-28")).Met);

        // 1 January – 30 December 2028, a leap year: 365 days including 29 February, a day short of the calendar year.
        Assert.True(Assess(("2028-01-01", "2028-12-30")).Met);

        // 1 February 2028 – 29 January 2029 includes the leap day and counts it: 364 days.
        var shortByOne = Assess(("2028-02-01", "2029-01-29"));
        Assert.Equal(364, shortByOne.CountedDays);
        Assert.False(shortByOne.Met);
    }

    [Fact]
    public void Work_outside_the_validity_is_not_counted()
    {
        // Before the certificate was issued: nothing counts.
        var before = Assess(("2023-01-01", "2026-02-28"));
        Assert.Equal(0, before.CountedDays);
        Assert.Empty(before.Counted);
        Assert.False(before.Met);
    }

    [Fact]
    public void A_period_starting_before_the_issue_counts_from_the_issue_date()
    {
        // Three years of work of which 1 March 2026 – 28 February 2027 (365 days) fall within the validity.
        var assessment = Assess(("2024-03-01", "2027-02-28"));

        Assert.Equal([(IssuedOn, new DateOnly(2027, 2, 28))], assessment.Counted);
        Assert.Equal(365, assessment.CountedDays);
        Assert.True(assessment.Met);

        // The same job ending a day earlier leaves 364 days within the validity.
        Assert.False(Assess(("2024-03-01", "2027-02-27")).Met);
    }

    [Fact]
    public void A_period_reaching_past_the_validity_counts_up_to_its_last_day()
    {
        // A certificate whose validity already ended is assessed up to its last day only.
        var assessment = RenewalRule.Assess(
            IssuedOn, new DateOnly(2027, 2, 27), new DateOnly(2027, 6, 1), [new WorkPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 5, 31), "umowa.pdf")]);

        Assert.Equal([(IssuedOn, new DateOnly(2027, 2, 27))], assessment.Counted);
        Assert.Equal(364, assessment.CountedDays);
        Assert.False(assessment.Met);
    }

    [Fact]
    public void Overlapping_periods_count_each_day_once()
    {
        // Two jobs at once for half a year: January–June and April–September 2027 cover 1 January – 30 September only.
        var assessment = Assess(("2027-01-01", "2027-06-30"), ("2027-04-01", "2027-09-30"), ("2027-02-01", "2027-02-28"));

        Assert.Equal([(new DateOnly(2027, 1, 1), new DateOnly(2027, 9, 30))], assessment.Counted);
        Assert.Equal(273, assessment.CountedDays);
        Assert.False(assessment.Met);
    }

    [Fact]
    public void Separate_periods_add_up_and_periods_in_a_row_join()
    {
        // Two jobs with a gap of a year between them: 200 + 165 days, given in any order.
        var apart = Assess(("2029-01-01", "2029-06-14"), ("2027-01-01", "2027-07-19"));
        Assert.Equal(2, apart.Counted.Count);
        Assert.Equal(200 + 165, apart.CountedDays);
        Assert.True(apart.Met);

        // A job ending on the 31st and the next starting on the 1st are one stretch.
        var inARow = Assess(("2027-01-01", "2027-05-31"), ("2027-06-01", "2027-12-31"));
        Assert.Single(inARow.Counted);
        Assert.Equal(365, inARow.CountedDays);
    }

    [Fact]
    public void Bad_periods_are_refused_with_their_reasons_and_count_nothing()
    {
        Assert.Equal([RenewalRule.NoPeriods], RenewalRule.Assess(IssuedOn, ValidUntil, Today, []).Errors);

        var reversed = Assess(("2027-12-31", "2027-01-01"));
        Assert.Equal([RenewalRule.PeriodOrder], reversed.Errors);
        Assert.False(reversed.Met);
        Assert.Equal(0, reversed.CountedDays);

        // Work stated until a day after the request is not yet evidence of anything.
        Assert.Equal([RenewalRule.PeriodInFuture], Assess(("2029-01-01", "2030-11-16")).Errors);
        Assert.True(Assess(("2029-01-01", "2030-11-15")).IsValid);

        var withoutEvidence = RenewalRule.Assess(IssuedOn, ValidUntil, Today, [new WorkPeriod(new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), " ")]);
        Assert.Equal([RenewalRule.EvidenceRequired], withoutEvidence.Errors);

        var tooMany = Enumerable.Range(0, RenewalRule.MaxPeriods + 1).Select(i => ("2027-01-01", "2027-01-02")).ToArray();
        Assert.Equal([RenewalRule.TooManyPeriods], Assess(tooMany).Errors);
    }

    [Fact]
    public void A_renewal_adds_the_validity_to_the_old_expiry_and_29_february_becomes_28_february()
    {
        Assert.Equal(new DateOnly(2036, 3, 1), RenewalRule.NewValidUntil(ValidUntil, 5));
        Assert.Equal(new DateOnly(2033, 2, 28), RenewalRule.NewValidUntil(new DateOnly(2028, 2, 29), 5));
        // 29 February to 29 February where the new year is a leap year too.
        Assert.Equal(new DateOnly(2032, 2, 29), RenewalRule.NewValidUntil(new DateOnly(2028, 2, 29), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => RenewalRule.NewValidUntil(ValidUntil, 0));
    }

    [Fact]
    public void Reminders_fall_180_90_and_30_days_before_the_last_day()
    {
        Assert.Equal(
            [new ExpiryReminder(180, new DateOnly(2030, 9, 2)), new ExpiryReminder(90, new DateOnly(2030, 12, 1)), new ExpiryReminder(30, new DateOnly(2031, 1, 30))],
            ExpiryReminders.Schedule(ValidUntil));
    }

    [Fact]
    public void Only_reminders_after_today_are_still_ahead()
    {
        Assert.Equal([180, 90, 30], ExpiryReminders.Ahead(ValidUntil, new DateOnly(2030, 9, 1)).Select(r => r.DaysBefore));
        Assert.Equal([90, 30], ExpiryReminders.Ahead(ValidUntil, new DateOnly(2030, 9, 2)).Select(r => r.DaysBefore));
        Assert.Equal([30], ExpiryReminders.Ahead(ValidUntil, new DateOnly(2030, 12, 1)).Select(r => r.DaysBefore));
        Assert.Empty(ExpiryReminders.Ahead(ValidUntil, new DateOnly(2031, 1, 30)));
    }

    [Fact]
    public void The_reminder_due_is_the_latest_not_yet_sent_and_none_after_expiry()
    {
        Assert.Null(ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 9, 1), []));
        Assert.Equal(180, ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 9, 2), [])?.DaysBefore);
        Assert.Null(ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 9, 3), [180]));

        // Missed the 180-day one (issued late, or the silo was down): 95 days before, the holder gets that one late…
        Assert.Equal(180, ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 11, 26), [])?.DaysBefore);
        // …but at 60 days before, only the 90-day one, never both.
        Assert.Equal(90, ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 12, 31), [])?.DaysBefore);
        Assert.Null(ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 12, 31), [90]));
        Assert.Null(ExpiryReminders.DueOn(ValidUntil, new DateOnly(2030, 12, 31), [30]));

        Assert.Equal(30, ExpiryReminders.DueOn(ValidUntil, ValidUntil, [180, 90])?.DaysBefore);
        Assert.Null(ExpiryReminders.DueOn(ValidUntil, ValidUntil.AddDays(1), []));
    }
}
