using Certification.Crm;
using Certification.Exams;
using Certification.ExamSimulator;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Certification.Simulation;
using Certification.Testing;
using Orleans.Runtime;

namespace Certification.Grains.Tests;

/// <summary>A candidate's simulation through its grain: durable before acknowledged, idempotent, gated by the session and its roster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SimulationGrainTests(ClusterFixture fixture)
{
    private static readonly AccountData NewAccount = new(
        "Hurtownia Testowa sp. z o.o.", AccountKind.Company, "handel", null, null, null, "Poznań", null, null, null, null, 12, AccountStatus.Prospect);

    [Fact]
    public async Task An_acknowledged_command_survives_a_new_cluster_and_the_log_replays_to_the_same_state()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await TestSilos.StartAsync(database);
        Guid session, candidate;
        string stateBefore;
        try
        {
            (session, candidate) = await OpenSessionAsync(first.Client);
            var grain = first.Client.Simulation(session, candidate);
            Assert.NotNull((await grain.OpenAsync("candidate")).Workspace);
            var ack = await grain.ExecuteAsync("cmd-1", new CreateAccount(NewAccount), "candidate");
            Assert.True(ack.Action!.Accepted);

            // Acknowledged means on record: the event is in the audit trail before the answer came back.
            Assert.Equal("simulation-started,simulation-action", await database.ScalarAsync<string>(
                $"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = '{SimulationKey.Stream(session, candidate)}'"));
            stateBefore = SimulatorJson.Serialize((await grain.GetStateAsync())!);
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await TestSilos.StartAsync(database);
        try
        {
            var grain = second.Client.Simulation(session, candidate);
            var workspace = (await grain.OpenAsync("candidate")).Workspace!;
            Assert.Contains(workspace.State.Accounts, a => a.Data.Name == NewAccount.Name);
            Assert.Equal(stateBefore, SimulatorJson.Serialize(workspace.State));
            Assert.Equal([1], workspace.Actions.Select(a => a.Sequence));

            // What an appeal gets: seed and log replay to the very same sandbox.
            var exported = (await grain.ExportAsync())!;
            var (replayed, divergences) = ExamSimulator.Simulation.Replay(exported.Seed, exported.Entries);
            Assert.Empty(divergences);
            Assert.Equal(stateBefore, SimulatorJson.Serialize(replayed.State));
            Assert.Equal(exported.Seed, (await grain.GetAsync())!.Seed);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_seed_is_drawn_once_and_a_new_activation_resumes_the_work()
    {
        var (session, candidate) = await OpenSessionAsync(fixture.Grains);
        var grain = fixture.Grains.Simulation(session, candidate);
        Assert.Null(await grain.GetAsync());
        var opened = (await grain.OpenAsync("candidate")).Workspace!;
        var seed = (await grain.GetAsync())!.Seed;
        Assert.True((await grain.ExecuteAsync("a", new CreateAccount(NewAccount), "candidate")).Action!.Accepted);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = (await grain.OpenAsync("candidate")).Workspace!;
        Assert.Equal(seed, (await grain.GetAsync())!.Seed);
        Assert.Equal(SimulatorJson.Serialize(opened.Sheet), SimulatorJson.Serialize(again.Sheet));
        Assert.Equal(opened.State.Accounts.Count + 1, again.State.Accounts.Count);
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
            $"SELECT count(*)::int FROM audit_event WHERE stream = '{SimulationKey.Stream(session, candidate)}' AND kind = 'simulation-started'"));
    }

    [Fact]
    public async Task A_retried_command_is_applied_once_and_answered_as_the_first_time()
    {
        var (session, candidate) = await OpenSessionAsync(fixture.Grains);
        var grain = fixture.Grains.Simulation(session, candidate);
        await grain.OpenAsync("candidate");

        var first = await grain.ExecuteAsync("create-hurtownia", new CreateAccount(NewAccount), "candidate");
        var retry = await grain.ExecuteAsync("create-hurtownia", new CreateAccount(NewAccount), "candidate");
        Assert.False(first.Repeated);
        Assert.True(retry.Repeated);
        Assert.Equal(first.Action, retry.Action);
        Assert.Single((await grain.GetStateAsync())!.Accounts, a => a.Data.Name == NewAccount.Name);
        Assert.Single(await grain.GetActionsAsync(0));

        // A different id is a different command: the sandbox refuses a second account of the same name.
        var other = await grain.ExecuteAsync("create-again", new CreateAccount(NewAccount), "candidate");
        Assert.False(other.Action!.Accepted);
        Assert.Equal(SimulationCodes.CommandIdRequired, (await grain.ExecuteAsync(" ", new CreateAccount(NewAccount), "candidate")).Refusal);
    }

    [Fact]
    public async Task A_refused_command_is_logged_and_leaves_the_sandbox_as_it_was()
    {
        var (session, candidate) = await OpenSessionAsync(fixture.Grains);
        var grain = fixture.Grains.Simulation(session, candidate);
        await grain.OpenAsync("candidate");
        var before = SimulatorJson.Serialize((await grain.GetStateAsync())!);

        var ack = await grain.ExecuteAsync("bad-nip", new CreateAccount(NewAccount with { Nip = "1234567890" }), "candidate");
        Assert.Null(ack.Refusal);
        Assert.False(ack.Action!.Accepted);
        Assert.Equal("account.create", ack.Action.Command);
        Assert.Contains(ack.Action.Errors, e => e.Field == "nip");
        Assert.Equal(before, SimulatorJson.Serialize((await grain.GetStateAsync())!));
        Assert.False(Assert.Single(await grain.GetActionsAsync(0)).Accepted);
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
            $"SELECT count(*)::int FROM audit_event WHERE stream = '{SimulationKey.Stream(session, candidate)}' AND kind = 'simulation-action' AND data->'outcome'->>'accepted' = 'false'"));
    }

    [Fact]
    public async Task After_the_session_closes_the_sandbox_is_read_only()
    {
        var (session, candidate) = await OpenSessionAsync(fixture.Grains);
        var grain = fixture.Grains.Simulation(session, candidate);
        await grain.OpenAsync("candidate");
        Assert.True((await grain.ExecuteAsync("a", new CreateAccount(NewAccount), "candidate")).Action!.Accepted);
        Assert.True((await fixture.Grains.GetGrain<IExamSessionGrain>(session).CloseAsync("operator")).Succeeded);

        Assert.Equal(SimulationCodes.ReadOnly, (await grain.ExecuteAsync("b", new CreateAccount(NewAccount with { Name = "Inna" }), "candidate")).Refusal);
        var workspace = (await grain.OpenAsync("candidate")).Workspace!;
        Assert.True(workspace.ReadOnly);
        Assert.DoesNotContain(workspace.State.Accounts, a => a.Data.Name == "Inna");
        Assert.Single(await grain.GetActionsAsync(0));
        Assert.True((await grain.GetAsync())!.ReadOnly);

        // A retry of what was acknowledged before the close still gets its answer.
        Assert.True((await grain.ExecuteAsync("a", new CreateAccount(NewAccount), "candidate")).Repeated);
    }

    [Fact]
    public async Task Nobody_off_the_roster_or_outside_an_open_session_starts_a_simulation()
    {
        var (session, _) = await OpenSessionAsync(fixture.Grains);
        var stranger = await PersonAsync(fixture.Grains);
        var off = fixture.Grains.Simulation(session, stranger);
        Assert.Equal(SimulationCodes.NotOnRoster, (await off.OpenAsync("stranger")).Refusal);
        Assert.Equal(SimulationCodes.NotStarted, (await off.ExecuteAsync("x", new CreateAccount(NewAccount), "stranger")).Refusal);

        var scheduled = Guid.NewGuid();
        var candidate = await PersonAsync(fixture.Grains);
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(scheduled);
        var result = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Walidacja", DateTimeOffset.UtcNow, "Sala 1", Guid.NewGuid(), false));
        Assert.True((await grain.SetRosterAsync(result.Version, [candidate])).Succeeded);
        Assert.Equal(SimulationCodes.SessionNotOpen, (await fixture.Grains.Simulation(scheduled, candidate).OpenAsync("candidate")).Refusal);
        Assert.Null(await fixture.Grains.Simulation(scheduled, candidate).GetAsync());

        // A session that closed before the candidate ever started: nothing starts, and they are told it is over.
        var (closed, absent) = await OpenSessionAsync(fixture.Grains);
        Assert.True((await fixture.Grains.GetGrain<IExamSessionGrain>(closed).CloseAsync("operator")).Succeeded);
        Assert.Equal(SimulationCodes.SessionClosed, (await fixture.Grains.Simulation(closed, absent).OpenAsync("candidate")).Refusal);
        Assert.Null(await fixture.Grains.Simulation(closed, absent).GetAsync());
        Assert.Equal(0, await fixture.Database.ScalarAsync<int>(
            $"SELECT count(*)::int FROM audit_event WHERE stream IN ('{SimulationKey.Stream(session, stranger)}', '{SimulationKey.Stream(scheduled, candidate)}', '{SimulationKey.Stream(closed, absent)}')"));
    }

    [Fact]
    public async Task An_observer_gets_each_new_action_with_the_verdicts_after_it()
    {
        var (session, candidate) = await OpenSessionAsync(fixture.Grains);
        var grain = fixture.Grains.Simulation(session, candidate);
        await grain.OpenAsync("candidate");
        var observer = new Observer();
        var reference = fixture.Cluster.Client.CreateObjectReference<ISimulationObserver>(observer);
        await grain.SubscribeAsync(reference);

        await grain.ExecuteAsync("a", new CreateAccount(NewAccount), "candidate");
        var (action, verdicts) = await observer.Next.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, "account.create", true), (action.Sequence, action.Command, action.Accepted));
        Assert.Equal(CriterionCheckers.All.Select(c => c.CriterionId), verdicts.Select(v => v.CriterionId));
        Assert.Equal(verdicts.Select(v => v.Verdict), (await grain.CheckAsync()).Select(v => v.Verdict));
        await grain.UnsubscribeAsync(reference);
    }

    private sealed class Observer : ISimulationObserver
    {
        public TaskCompletionSource<(SimulationAction, IReadOnlyList<CriterionVerdict>)> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ActionRecorded(Guid sessionId, Guid candidateId, SimulationAction action, IReadOnlyList<CriterionVerdict> verdicts)
        {
            Next.TrySetResult((action, verdicts));
            return Task.CompletedTask;
        }
    }

    private static async Task<Guid> PersonAsync(IGrainFactory grains)
    {
        var person = Guid.NewGuid();
        Assert.True((await grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(null))).Succeeded);
        return person;
    }

    private static async Task<(Guid Session, Guid Candidate)> OpenSessionAsync(IGrainFactory grains)
    {
        var candidate = await PersonAsync(grains);
        var session = Guid.NewGuid();
        var grain = grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Walidacja", DateTimeOffset.UtcNow, "Sala 1", Guid.NewGuid(), false));
        Assert.True((await grain.SetRosterAsync(scheduled.Version, [candidate])).Succeeded);
        Assert.True((await grain.OpenAsync("admin")).Succeeded);
        return (session, candidate);
    }
}
