namespace Certification.Items;

/// <summary>
/// Classical test theory item analysis over submitted attempts, as Questionmark and Moodle report it.
/// Each candidate draws a different subset of the bank, so every item statistic uses only the attempts that
/// drew that item, ranked by their total score; an item version is a separate item, because a new version may
/// change the options or the key.
/// </summary>
public static class ItemStatistics
{
    /// <summary>Below this many responses an item's numbers are noise: it is shown as such, not flagged.</summary>
    public const int MinimumResponses = 30;

    public const double MinimumItemRest = 0.20;
    public const double HardestFacility = 0.20;
    public const double EasiestFacility = 0.90;

    /// <summary>The upper and lower groups are the top and bottom 27 % (Kelley): the usual compromise of size and contrast.</summary>
    public const double GroupShare = 0.27;

    // Scores are sums of small fractions in floating point: a spread this close to nothing is rounding, not variation.
    private const double Nil = 1e-12;

    public static ItemAnalysis Analyse(IReadOnlyList<ScoredAttempt> attempts)
    {
        var scored = attempts.Select(a => (a.Responses, Total: a.Responses.Sum(r => (double)r.Score))).ToList();
        var byItem = scored
            .SelectMany(a => a.Responses.Select(r => new Scored(r, a.Total)))
            .GroupBy(s => (s.Response.ItemId, s.Response.Version))
            .ToDictionary(g => g.Key, g => g.ToList());
        var items = byItem.Values
            .Select(Item)
            .OrderBy(i => i.ItemId, StringComparer.Ordinal)
            .ThenBy(i => i.Version)
            .ToList();
        var itemVariances = byItem.ToDictionary(i => i.Key, i => SampleVariance([.. i.Value.Select(s => s.Score)]));
        return new ItemAnalysis(Summary(scored, itemVariances), items);
    }

    /// <summary>
    /// KR-20 (alpha) needs one set of items taken by everyone, but each attempt is its own random draw from the
    /// blueprint. We treat the draws as random parallel forms: the item-variance term is, per attempt, the sum of
    /// the variances of the items it drew (each estimated from every attempt that drew it), averaged over attempts,
    /// and k is the mean test length. Variances divide by n − 1 because items are seen by different numbers of
    /// candidates; with a fixed form the factor cancels and this is exactly KR-20. With random forms, differences
    /// in form difficulty count as true score, so the estimate leans slightly high.
    /// </summary>
    private static TestSummary Summary(
        List<(IReadOnlyList<ItemResponse> Responses, double Total)> attempts,
        Dictionary<(string ItemId, int Version), double> itemVariances)
    {
        if (attempts.Count == 0)
        {
            return new TestSummary(0, 0, null, null, null, null);
        }

        var totals = attempts.Select(a => a.Total).ToArray();
        var length = attempts.Average(a => a.Responses.Count);
        var mean = totals.Average();
        if (totals.Length < 2)
        {
            return new TestSummary(attempts.Count, length, mean, null, null, null);
        }

        var totalVariance = SampleVariance(totals);
        var itemVariance = attempts.Average(a => a.Responses.Sum(r => itemVariances[(r.ItemId, r.Version)]));
        double? reliability = length > 1 && totalVariance > Nil ? length / (length - 1) * (1 - (itemVariance / totalVariance)) : null;

        // Few attempts over random forms can push the estimate above 1; the error of measurement is then nil, not imaginary.
        var deviation = Math.Sqrt(totalVariance);
        double? error = reliability is { } r ? deviation * Math.Sqrt(Math.Max(0, 1 - r)) : null;
        return new TestSummary(attempts.Count, length, mean, deviation, reliability, error);
    }

    private static ItemStats Item(IReadOnlyList<Scored> responses)
    {
        var item = responses[0].Response;
        var scores = responses.Select(s => s.Score).ToArray();
        var facility = responses.Count(s => s.Response.Score == 1m) / (double)responses.Count;

        // Highest totals first; the sort is stable, so ties at a group's edge fall in the order attempts were read.
        var ranked = responses.OrderByDescending(s => s.Total).ToList();
        var groupSize = (int)Math.Round(responses.Count * GroupShare, MidpointRounding.AwayFromZero);
        var upper = ranked.Take(groupSize).ToList();
        var lower = ranked.TakeLast(groupSize).ToList();
        double? upperLower = groupSize == 0 ? null : upper.Average(s => s.Score) - lower.Average(s => s.Score);

        List<OptionStats> options = [.. item.Options
            .Select(id => new OptionStats(
                id, item.Keys.Contains(id), responses.Count(s => s.Response.Selected.Contains(id)), Share(upper, id), Share(lower, id)))];
        var itemRest = Correlation(scores, [.. responses.Select(s => s.Total - s.Score)]);
        return new ItemStats(
            item.ItemId, item.Version, item.Outcome, item.Criterion, item.Kind, responses.Count, responses.Count(s => s.Response.Omitted),
            facility, scores.Average(), itemRest, upperLower, options, Concerns(responses.Count, facility, itemRest, options));
    }

    private static List<ItemConcern> Concerns(int responses, double facility, double? itemRest, List<OptionStats> options)
    {
        if (responses < MinimumResponses)
        {
            return [];
        }

        var concerns = new List<ItemConcern>();
        if (itemRest < MinimumItemRest)
        {
            concerns.Add(ItemConcern.LowDiscrimination);
        }

        if (facility < HardestFacility)
        {
            concerns.Add(ItemConcern.TooDifficult);
        }

        if (facility > EasiestFacility)
        {
            concerns.Add(ItemConcern.TooEasy);
        }

        var distractors = options.Where(o => !o.Key).ToList();
        var keys = options.Where(o => o.Key).ToList();
        if (distractors.Any(d => d.Chosen == 0))
        {
            concerns.Add(ItemConcern.UnusedDistractor);
        }

        if (distractors.Count > 0 && keys.Count > 0 && distractors.Max(d => d.UpperShare) > keys.Min(k => k.UpperShare))
        {
            concerns.Add(ItemConcern.DistractorBeatsKey);
        }

        return concerns;
    }

    private static double? Share(IReadOnlyList<Scored> group, string option) =>
        group.Count == 0 ? null : group.Count(s => s.Response.Selected.Contains(option)) / (double)group.Count;

    /// <summary>Pearson's r (the point-biserial when one side is right/wrong); null when either side does not vary.</summary>
    private static double? Correlation(double[] x, double[] y)
    {
        if (x.Length < 2)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Select((value, i) => (value - meanX) * (y[i] - meanY)).Sum();
        var spread = Math.Sqrt(x.Sum(v => (v - meanX) * (v - meanX)) * y.Sum(v => (v - meanY) * (v - meanY)));
        return spread < Nil ? null : covariance / spread;
    }

    // An item seen once says nothing about its spread: it adds nothing to the error term until it is seen again.
    private static double SampleVariance(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private sealed record Scored(ItemResponse Response, double Total)
    {
        public double Score { get; } = (double)Response.Score;
    }
}
