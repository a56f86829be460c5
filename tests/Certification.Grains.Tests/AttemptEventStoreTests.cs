using Certification.Exams;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>The group-committing store: what it acknowledges is in the table, once, and a taken number is refused.</summary>
public sealed class AttemptEventStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Many_attempts_appending_at_once_are_all_stored_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = new AttemptEventStore(database.DataSource);

        // 200 attempts × 20 answers, each attempt appending its next answer only after the previous
        // one was acknowledged, as a grain does: the writers see many attempts at once.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async a =>
        {
            for (var seq = 1; seq <= 20; seq++)
            {
                Assert.True(await store.AppendAsync($"attempt-{a}", seq, Answer(seq)));
            }
        }));

        Assert.Equal(4000L, await database.ScalarAsync<long>("SELECT count(*) FROM attempt_event"));
        var events = await store.ReadAsync("attempt-7");
        Assert.Equal(Enumerable.Range(1, 20), events.Cast<AnswerSaved>().Select(e => e.ClientSeq));
        Assert.Equal("answered", await database.ScalarAsync<string>("SELECT kind FROM attempt_event WHERE attempt = 'attempt-7' AND seq = 3"));
    }

    [Fact]
    public async Task A_number_already_taken_is_refused_and_the_stored_event_is_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = new AttemptEventStore(database.DataSource);
        Assert.True(await store.AppendAsync("attempt-a", 1, Answer(1, "a")));

        // The same number twice in flight together and once more afterwards: exactly one row, the first.
        var results = await Task.WhenAll(
            store.AppendAsync("attempt-a", 1, Answer(1, "b")),
            store.AppendAsync("attempt-b", 1, Answer(1, "c")),
            store.AppendAsync("attempt-b", 1, Answer(1, "d")));

        Assert.False(results[0]);
        Assert.Equal(1, results.Skip(1).Count(stored => stored));
        var first = Assert.IsType<AnswerSaved>(Assert.Single(await store.ReadAsync("attempt-a")));
        Assert.Equal(["a"], first.Selected);
        Assert.Single(await store.ReadAsync("attempt-b"));
    }

    [Fact]
    public async Task Reasons_and_actors_are_stored_with_the_event()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = new AttemptEventStore(database.DataSource);

        Assert.True(await store.AppendAsync("attempt-p", 1, new TestPaused { Actor = "operator-1", At = At, Reason = "Awaria prądu" }));

        Assert.Equal("operator-1|Awaria prądu|paused", await database.ScalarAsync<string>(
            "SELECT actor || '|' || reason || '|' || kind FROM attempt_event WHERE attempt = 'attempt-p'"));
        Assert.Equal(At, (await store.ReadAsync("attempt-p"))[0].At);
    }

    private static AnswerSaved Answer(int seq, string option = "a") =>
        new(seq, seq % 30 + 1, [option], false) { Actor = "candidate", At = At };
}
