namespace Certification.Certificates.Renewal;

/// <summary>
/// A period of CRM work the holder states in a renewal request, both days included, with the evidence
/// they attach for it (an employer's statement, a contract: the name of the uploaded document).
/// </summary>
public sealed record WorkPeriod(DateOnly From, DateOnly To, string Evidence);

/// <summary>What the rule made of the stated periods: the days counted and whether they reach a year.</summary>
/// <param name="Counted">The stated periods clipped to the validity and merged where they overlap or touch, in order.</param>
/// <param name="CountedDays">Days of work within the validity, each day once however many periods cover it.</param>
/// <param name="Errors">Codes of the rules the stated periods broke; when any, nothing was counted.</param>
public sealed record RenewalAssessment(
    IReadOnlyList<(DateOnly From, DateOnly To)> Counted, int CountedDays, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The evidence shows at least one year of CRM work within the validity period.</summary>
    public bool Met => IsValid && CountedDays >= RenewalRule.DaysInAYear;

    /// <summary>Days still missing to a year (0 once met), for the message to the holder and the reviewer.</summary>
    public int MissingDays => IsValid ? Math.Max(0, RenewalRule.DaysInAYear - CountedDays) : RenewalRule.DaysInAYear;
}

/// <summary>
/// Renewal (QUALIFICATION.md, rule 9): the certificate is valid 5 years; the holder renews it with evidence of at
/// least one year of work using a CRM system within the validity period, otherwise passes validation again.
/// </summary>
public static class RenewalRule
{
    /// <summary>
    /// "One year" of work is 365 days counted, each calendar day of the validity covered by at least one stated
    /// period counting once. The periods need not be continuous (two jobs, a gap between them), and for a period
    /// given in years whose continuity is not required Polish civil law counts a year as 365 days (Kodeks cywilny,
    /// art. 114). So a leap day inside the periods is one more day worked, never a day more required: 1 March 2027 –
    /// 28 February 2028 (365 days, across 29 February 2028 not included) is enough, 364 days are not.
    /// </summary>
    public const int DaysInAYear = 365;

    public const int MaxPeriods = 20;

    public const string NoPeriods = "renewal.no_periods";
    public const string TooManyPeriods = "renewal.too_many_periods";
    public const string PeriodOrder = "renewal.period_order";
    public const string PeriodInFuture = "renewal.period_in_future";
    public const string EvidenceRequired = "renewal.evidence_required";

    /// <summary>
    /// Checks the stated periods of a certificate valid from <paramref name="issuedOn"/> to <paramref name="validUntil"/>
    /// (both days included) in a request made on <paramref name="today"/> (the Polish date). Work outside the
    /// validity is not counted, and neither is a period ending after today: work not yet done is no evidence.
    /// </summary>
    public static RenewalAssessment Assess(DateOnly issuedOn, DateOnly validUntil, DateOnly today, IReadOnlyList<WorkPeriod> periods)
    {
        var errors = new List<string>();
        if (periods.Count == 0)
        {
            errors.Add(NoPeriods);
        }
        else if (periods.Count > MaxPeriods)
        {
            errors.Add(TooManyPeriods);
        }

        if (periods.Any(p => p.To < p.From))
        {
            errors.Add(PeriodOrder);
        }

        if (periods.Any(p => p.To > today))
        {
            errors.Add(PeriodInFuture);
        }

        if (periods.Any(p => string.IsNullOrWhiteSpace(p.Evidence)))
        {
            errors.Add(EvidenceRequired);
        }

        if (errors.Count > 0)
        {
            return new RenewalAssessment([], 0, errors);
        }

        var counted = Merge(periods
            .Select(p => (From: Max(p.From, issuedOn), To: Min(p.To, validUntil)))
            .Where(p => p.From <= p.To));
        return new RenewalAssessment(counted, counted.Sum(p => p.To.DayNumber - p.From.DayNumber + 1), []);
    }

    /// <summary>
    /// The validity after an accepted renewal: the qualification's validity (5 years for CRM-PRK4) counted from the
    /// old expiry, so renewing early costs the holder nothing. A certificate valid until 29 February is renewed until
    /// 28 February (<see cref="DateOnly.AddYears"/> keeps to the last day of February in a common year).
    /// </summary>
    public static DateOnly NewValidUntil(DateOnly oldValidUntil, int validityYears) =>
        validityYears > 0
            ? oldValidUntil.AddYears(validityYears)
            : throw new ArgumentOutOfRangeException(nameof(validityYears), validityYears, "A qualification's validity is a positive number of years.");

    // Periods that overlap or follow each other without a free day become one, so no day counts twice.
    private static List<(DateOnly From, DateOnly To)> Merge(IEnumerable<(DateOnly From, DateOnly To)> periods)
    {
        var merged = new List<(DateOnly From, DateOnly To)>();
        foreach (var period in periods.OrderBy(p => p.From))
        {
            if (merged.Count > 0 && period.From.DayNumber <= merged[^1].To.DayNumber + 1)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, period.To));
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
