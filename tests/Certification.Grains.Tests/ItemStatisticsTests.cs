using Certification.Exams;
using Certification.Items;

namespace Certification.Grains.Tests;

/// <summary>Item analysis checked against small matrices computed by hand.</summary>
public sealed class ItemStatisticsTests
{
    private const int Precision = 4;

    // Five candidates, four right/wrong items, everyone taking all four:
    //        I1 I2 I3 I4  total
    //   A     1  1  1  1    4
    //   B     1  1  1  0    3
    //   C     1  1  0  0    2
    //   D     1  0  1  0    2
    //   E     0  0  0  0    0
    private static readonly int[][] FixedForm = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]];

    [Fact]
    public void A_fixed_form_gives_the_hand_computed_facility_and_item_rest_correlation()
    {
        var analysis = ItemStatistics.Analyse(Matrix(FixedForm));

        Assert.Equal(["I1", "I2", "I3", "I4"], analysis.Items.Select(i => i.ItemId));
        Assert.Equal([0.8, 0.6, 0.6, 0.2], analysis.Items.Select(i => Math.Round(i.Facility, Precision)));

        // I1 against the rest (3, 2, 1, 1, 0): cov = 0.28, var(I1) = 0.16, var(rest) = 1.04, r = 0.28 / √0.1664.
        var first = analysis.Items[0];
        Assert.Equal(0.28 / Math.Sqrt(0.1664), first.ItemRest!.Value, Precision);
        Assert.Equal(5, first.Responses);

        // 27 % of five is one candidate a side: A, who got everything, above E, who got nothing.
        Assert.All(analysis.Items, i => Assert.Equal(1.0, i.UpperLower));
    }

    [Fact]
    public void A_fixed_form_gives_the_hand_computed_kr20_and_standard_error()
    {
        var summary = ItemStatistics.Analyse(Matrix(FixedForm)).Summary;

        // Σpq = 0.16 + 0.24 + 0.24 + 0.16 = 0.8; totals 4, 3, 2, 2, 0 have mean 2.2 and variance 8.8 / 5 = 1.76.
        // KR-20 = 4/3 · (1 − 0.8 / 1.76) = 8/11 (the same with n − 1 on both sides). SD (n − 1) = √2.2,
        // so SEM = √2.2 · √(3/11) = √0.6.
        Assert.Equal(5, summary.Attempts);
        Assert.Equal(4, summary.QuestionsPerAttempt);
        Assert.Equal(2.2, summary.Mean!.Value, Precision);
        Assert.Equal(Math.Sqrt(2.2), summary.StandardDeviation!.Value, Precision);
        Assert.Equal(8.0 / 11.0, summary.Reliability!.Value, Precision);
        Assert.Equal(Math.Sqrt(0.6), summary.StandardError!.Value, Precision);
    }

    [Fact]
    public void Partial_credit_gives_cronbach_alpha_and_facility_counts_only_full_credit()
    {
        // Multiple choice with keys a and b: both ticked 1, one ticked 0.5, a wrong one 0.
        //        M1   M2   total
        //   A    1    0.5  1.5
        //   B    0.5  0.5  1
        //   C    0    0    0
        // Variances (÷ n): M1 1/6, M2 1/18, total 7/18; alpha = 2 · (1 − (4/18) / (7/18)) = 6/7.
        var attempts = new[]
        {
            Attempt(Multiple("M1", "a", "b"), Multiple("M2", "a")),
            Attempt(Multiple("M1", "b"), Multiple("M2", "b")),
            Attempt(Multiple("M1", "c"), Multiple("M2")),
        };

        var analysis = ItemStatistics.Analyse(attempts);

        var first = analysis.Items[0];
        Assert.Equal(1.0 / 3.0, first.Facility, Precision);
        Assert.Equal(0.5, first.MeanScore, Precision);
        Assert.Equal(0, first.Omitted);
        Assert.Equal(1, analysis.Items[1].Omitted);
        Assert.Equal(6.0 / 7.0, analysis.Summary.Reliability!.Value, Precision);
    }

    [Fact]
    public void Each_item_counts_only_the_attempts_that_drew_it_and_reliability_pools_the_drawn_forms()
    {
        // Four attempts of two questions each, drawn from three items:
        //   A: X=1 Y=1 (2)   B: X=1 Z=0 (1)   C: Y=0 Z=1 (1)   D: X=0 Y=0 (0)
        // Variances (÷ n − 1, as each item has its own n): X and Y 1/3, Z 1/2. The item variances of the forms drawn
        // average (2/3 + 5/6 + 5/6 + 2/3) / 4 = 3/4; var(total) = 2/3; alpha = 2 · (1 − (3/4) / (2/3)) = −1/4.
        // Four attempts make a poor test: alpha comes out negative, and that is what is shown.
        var attempts = new[]
        {
            Attempt(Single("X", 1), Single("Y", 1)),
            Attempt(Single("X", 1), Single("Z", 0)),
            Attempt(Single("Y", 0), Single("Z", 1)),
            Attempt(Single("X", 0), Single("Y", 0)),
        };

        var analysis = ItemStatistics.Analyse(attempts);

        Assert.Equal([3, 3, 2], analysis.Items.Select(i => i.Responses));
        Assert.Equal(2.0 / 3.0, analysis.Items[0].Facility, Precision);
        Assert.Equal(-0.25, analysis.Summary.Reliability!.Value, Precision);
    }

    [Fact]
    public void When_everyone_scores_the_same_the_correlation_and_reliability_are_undefined()
    {
        var analysis = ItemStatistics.Analyse(Matrix([[1, 1], [1, 1], [1, 1]]));

        Assert.All(analysis.Items, i => Assert.Null(i.ItemRest));
        Assert.All(analysis.Items, i => Assert.Equal(1.0, i.Facility));
        Assert.Equal(0.0, analysis.Summary.StandardDeviation);
        Assert.Null(analysis.Summary.Reliability);
        Assert.Null(analysis.Summary.StandardError);
    }

    [Fact]
    public void No_attempts_give_an_empty_analysis()
    {
        var analysis = ItemStatistics.Analyse([]);

        Assert.Empty(analysis.Items);
        Assert.Equal(new TestSummary(0, 0, null, null, null, null), analysis.Summary);
    }

    [Fact]
    public void A_single_attempt_has_no_spread_and_no_groups_to_compare()
    {
        var analysis = ItemStatistics.Analyse(Matrix([[1, 0]]));

        Assert.Null(analysis.Summary.StandardDeviation);
        Assert.Null(analysis.Summary.Reliability);
        Assert.Null(analysis.Items[0].ItemRest);
        Assert.Null(analysis.Items[0].UpperLower);
        Assert.All(analysis.Items[0].Options, o => Assert.Null(o.UpperShare));
    }

    [Fact]
    public void Concerns_follow_the_thresholds_once_an_item_has_enough_responses()
    {
        var analysis = ItemStatistics.Analyse(FortyCandidates());
        ItemStats Item(string id) => analysis.Items.Single(i => i.ItemId == id);

        // Anchor 5: 19 of 40 right, the stronger ones; every wrong option picked by someone.
        Assert.Empty(Item("ANCHOR-5").Concerns);
        Assert.Equal(
            [ItemConcern.LowDiscrimination, ItemConcern.UnusedDistractor, ItemConcern.DistractorBeatsKey],
            Item("REVERSED").Concerns);
        Assert.Equal([ItemConcern.TooEasy, ItemConcern.UnusedDistractor], Item("EASY").Concerns);
        Assert.Equal([ItemConcern.TooDifficult, ItemConcern.DistractorBeatsKey], Item("HARD").Concerns);
        Assert.Null(Item("EASY").ItemRest);
    }

    [Fact]
    public void The_distractor_analysis_shows_what_the_upper_and_lower_groups_chose()
    {
        var reversed = ItemStatistics.Analyse(FortyCandidates()).Items.Single(i => i.ItemId == "REVERSED");

        // 27 % of 40 is 11 a side: the strongest 11 all ticked b, the weakest 11 the key a.
        Assert.Equal(0.5, reversed.Facility);
        Assert.Equal(-1.0, reversed.UpperLower);
        Assert.True(reversed.ItemRest < 0);
        Assert.Equal(
            [new OptionStats("a", true, 20, 0, 1), new OptionStats("b", false, 20, 1, 0), new OptionStats("c", false, 0, 0, 0), new OptionStats("d", false, 0, 0, 0)],
            reversed.Options);
    }

    [Fact]
    public void An_item_with_fewer_than_the_minimum_responses_keeps_its_numbers_but_raises_no_concern()
    {
        var analysis = ItemStatistics.Analyse(Matrix([.. Enumerable.Repeat(new[] { 1 }, ItemStatistics.MinimumResponses - 1)]));

        var item = Assert.Single(analysis.Items);
        Assert.True(item.TooFewResponses);
        Assert.Equal(1.0, item.Facility);
        Assert.Empty(item.Concerns);
    }

    [Fact]
    public void Item_analysis_reads_the_answers_against_the_key_of_the_version_drawn_and_counts_only_real_sittings()
    {
        var at = DateTimeOffset.UnixEpoch;
        DrawnQuestion Question(int number, string item, ItemKind kind, params string[] keys) =>
            new(number, item, 2, "1.1", "1.1.1", kind, "?", [new("d", "D"), new("a", "A"), new("c", "C"), new("b", "B")], keys);
        var state = new AttemptState();
        state.Apply(new TestDrawn(Guid.NewGuid(), Guid.NewGuid(), "Q", 1, 45, 70, true,
            [Question(1, "S", ItemKind.SingleChoice, "a"), Question(2, "M", ItemKind.MultipleChoice, "a", "b"), Question(3, "O", ItemKind.SingleChoice, "c")])
        { Actor = "system", At = at });
        var started = state.CountsForItemAnalysis;
        state.Apply(new TestStarted { Actor = "candidate", At = at });
        state.Apply(new AnswerSaved(1, 1, ["a"], false) { Actor = "candidate", At = at });
        state.Apply(new AnswerSaved(2, 2, ["b"], false) { Actor = "candidate", At = at });
        state.Apply(new TestSubmitted(SubmissionCause.Candidate, state.Score()) { Actor = "candidate", At = at });

        var responses = state.Responses();

        Assert.False(started);
        Assert.True(state.CountsForItemAnalysis);
        Assert.Equal([1m, 0.5m, 0m], responses.Select(r => r.Score));
        Assert.Equal([false, false, true], responses.Select(r => r.Omitted));
        Assert.Equal(["a", "b", "c", "d"], responses[0].Options);
        Assert.Equal(2, responses[0].Version);
    }

    [Theory]
    [InlineData(SubmissionCause.Terminated, true, false)]
    [InlineData(SubmissionCause.SessionClosed, false, false)]
    [InlineData(SubmissionCause.SessionClosed, true, true)]
    [InlineData(SubmissionCause.TimeUp, true, true)]
    public void Terminated_and_never_started_attempts_are_left_out_of_item_analysis(SubmissionCause cause, bool started, bool counts)
    {
        var at = DateTimeOffset.UnixEpoch;
        var state = new AttemptState();
        state.Apply(new TestDrawn(Guid.NewGuid(), Guid.NewGuid(), "Q", 1, 45, 70, true, []) { Actor = "system", At = at });
        if (started)
        {
            state.Apply(new TestStarted { Actor = "candidate", At = at });
        }

        state.Apply(new TestSubmitted(cause, state.Score()) { Actor = "operator", At = at });

        Assert.Equal(counts, state.CountsForItemAnalysis);
    }

    /// <summary>
    /// Forty candidates, j = 0 … 39, ten anchor items (anchor m right when j &gt; 4m, wrong options taken in turn)
    /// and three odd items: REVERSED (the weaker half right, the stronger half tick b), EASY (everyone right),
    /// HARD (everyone wrong, b, c and d in turn).
    /// </summary>
    private static ScoredAttempt[] FortyCandidates() =>
    [
        .. Enumerable.Range(0, 40).Select(j => Attempt(
        [
            .. Enumerable.Range(0, 10).Select(m => Single($"ANCHOR-{m}", j > 4 * m ? 1 : 0, Wrong(j))),
            Answer("REVERSED", ItemKind.SingleChoice, ["a"], j < 20 ? ["a"] : ["b"]),
            Answer("EASY", ItemKind.SingleChoice, ["a"], ["a"]),
            Answer("HARD", ItemKind.SingleChoice, ["a"], [Wrong(j)]),
        ])),
    ];

    private static string Wrong(int candidate) => ((char)('b' + (candidate % 3))).ToString();

    private static ScoredAttempt[] Matrix(int[][] scores) =>
        [.. scores.Select(row => Attempt([.. row.Select((score, i) => Single($"I{i + 1}", score))]))];

    private static ScoredAttempt Attempt(params ItemResponse[] responses) => new(responses);

    private static ItemResponse Single(string item, int score, string wrong = "b") =>
        Answer(item, ItemKind.SingleChoice, ["a"], score == 1 ? ["a"] : [wrong]);

    private static ItemResponse Multiple(string item, params string[] selected) => Answer(item, ItemKind.MultipleChoice, ["a", "b"], selected);

    private static ItemResponse Answer(string item, ItemKind kind, string[] keys, string[] selected) =>
        new(item, 1, "1.1", "1.1.1", kind, ["a", "b", "c", "d"], keys, selected, Scoring.Score(kind, keys, selected));
}
