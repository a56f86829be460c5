using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Serialization;
using Certification.Exams;
using Certification.Items;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Benchmarks;

public sealed record RunReport(
    double StartP50, double StartP99, int StartFailures,
    long Acknowledged, long AlreadySaved, long Rejected, long Errors, double AnswerSeconds,
    double P50, double P95, double P99,
    IReadOnlyList<CandidateLog> Candidates);

/// <summary>What one candidate saw acknowledged: (seq, question) of every Saved or AlreadySaved change.</summary>
public sealed record CandidateLog(string Attempt, List<(int Seq, int Question)> Acknowledged);

/// <summary>The measured part: a synchronised start, then answers with (or without) think time.</summary>
internal static class TheoryRun
{
    private static readonly TimeSpan StartWindow = TimeSpan.FromSeconds(5);

    public static async Task<RunReport> RunAsync(BenchOptions options, SetupResult setup, IReadOnlyList<CookieContainer> cookies)
    {
        var hubUrl = new Uri(options.Portal, "/hubs/theory-test");
        var candidates = setup.People.Select((person, i) => new Candidate(
            TheoryTestKey.For(setup.SessionId, person), cookies[i], i)).ToList();

        // Phase 1: everyone connects and opens within the same five seconds.
        Console.WriteLine($"start: {candidates.Count} candidates connect and open within {StartWindow.TotalSeconds:F0} s...");
        var startLatencies = new ConcurrentBag<double>();
        var startFailures = 0;
        await Task.WhenAll(candidates.Select(async c =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * StartWindow.TotalMilliseconds));
            var watch = Stopwatch.StartNew();
            try
            {
                c.Connection = Build(hubUrl, c.Cookies);
                await c.Connection.StartAsync();
                var opened = await c.Connection.InvokeAsync<OpenResult>("Open", setup.SessionId);
                if (opened.View is null)
                {
                    throw new InvalidOperationException($"Open refused: {opened.Code}");
                }

                c.Questions = opened.View.Questions;
                c.NextSeq = opened.View.HighestSeq + 1;
                startLatencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                if (Interlocked.Increment(ref startFailures) <= 5)
                {
                    await Console.Error.WriteLineAsync($"start of candidate {c.Index} failed: {error.GetType().Name}: {error.Message}");
                }
            }
        }));
        var sortedStart = startLatencies.Order().ToList();
        Console.WriteLine($"start: {sortedStart.Count} opened, {startFailures} failed; p50 {Stats.Percentile(sortedStart, 50):F1} ms, p99 {Stats.Percentile(sortedStart, 99):F1} ms");

        // Phase 2: answers for S seconds.
        Console.WriteLine($"answers: {options.Seconds} s, {(options.Fast ? "no think time" : "think time 0-2 s")}...");
        var latencies = new ConcurrentBag<List<double>>();
        long acknowledged = 0, alreadySaved = 0, rejected = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(candidates.Where(c => c.Questions.Count > 0).Select(async c =>
        {
            var mine = new List<double>();
            latencies.Add(mine);
            var random = new Random(c.Index);
            while (clock.Elapsed < end)
            {
                var question = c.Questions[random.Next(c.Questions.Count)];
                var change = new AnswerChange(c.NextSeq++, question.Number, Choose(random, question), false);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var ack = await c.Connection!.InvokeAsync<SaveAck>("SaveAnswer", setup.SessionId, change);
                    var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    switch (ack.Outcome)
                    {
                        case SaveOutcome.Saved or SaveOutcome.AlreadySaved:
                            mine.Add(elapsed);
                            c.Acknowledged.Add((change.Seq, change.Question));
                            Interlocked.Increment(ref acknowledged);
                            if (ack.Outcome == SaveOutcome.AlreadySaved)
                            {
                                Interlocked.Increment(ref alreadySaved);
                            }

                            break;
                        default:
                            if (Interlocked.Increment(ref rejected) <= 5)
                            {
                                await Console.Error.WriteLineAsync($"rejected: {ack.Code}");
                            }

                            break;
                    }
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) <= 5)
                    {
                        await Console.Error.WriteLineAsync($"SaveAnswer of candidate {c.Index} failed: {error.GetType().Name}: {error.Message}");
                    }

                    await Task.Delay(500);
                }

                if (!options.Fast)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * 2000));
                }
            }
        }));
        var answerSeconds = clock.Elapsed.TotalSeconds;

        await Task.WhenAll(candidates.Where(c => c.Connection is not null).Select(c => c.Connection!.DisposeAsync().AsTask()));
        var sorted = latencies.SelectMany(l => l).Order().ToList();
        return new RunReport(
            Stats.Percentile(sortedStart, 50), Stats.Percentile(sortedStart, 99), startFailures,
            acknowledged, alreadySaved, rejected, errors, answerSeconds,
            Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95), Stats.Percentile(sorted, 99),
            [.. candidates.Select(c => new CandidateLog(c.Attempt, c.Acknowledged))]);
    }

    private static List<string> Choose(Random random, QuestionView question)
    {
        var options = question.Options;
        if (question.Kind != ItemKind.MultipleChoice)
        {
            return [options[random.Next(options.Count)].Id];
        }

        // Any non-empty subset: a random bit mask other than zero.
        var mask = random.Next(1, 1 << options.Count);
        return [.. options.Where((_, i) => (mask & (1 << i)) != 0).Select(o => o.Id)];
    }

    private static HubConnection Build(Uri hubUrl, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = cookies;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    private sealed class Candidate(string attempt, CookieContainer cookies, int index)
    {
        public string Attempt { get; } = attempt;

        public CookieContainer Cookies { get; } = cookies;

        public int Index { get; } = index;

        public HubConnection? Connection { get; set; }

        public IReadOnlyList<QuestionView> Questions { get; set; } = [];

        public int NextSeq { get; set; } = 1;

        public List<(int Seq, int Question)> Acknowledged { get; } = [];
    }
}
