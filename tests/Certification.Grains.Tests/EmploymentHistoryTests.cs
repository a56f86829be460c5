using Certification.Common;
using Certification.Crm;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>A person's employment history over job changes, a promotion and leaving, as the grain keeps it and the projection shows it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EmploymentHistoryTests(ClusterFixture fixture)
{
    private DateOnly Today => PolishDate.Of(fixture.Clock.GetUtcNow());

    [Fact]
    public async Task A_promotion_a_move_to_another_client_and_leaving_keep_a_true_history()
    {
        var (gmina, powiat) = (await ClientAsync(), await ClientAsync());
        var id = await PersonAsync(gmina, daysAgo: 400);
        var grain = fixture.Grains.GetGrain<IPersonGrain>(id);

        var promoted = await grain.ChangeJobAsync(1, gmina, "Urząd Miejski", "Kierownik referatu", Today.AddDays(-200), ClientScope.All, "office");
        var moved = await grain.ChangeJobAsync(promoted.Version, powiat, "Starostwo", "Naczelnik", Today.AddDays(-30), ClientScope.All, "office");
        var left = await grain.LeaveAsync(moved.Version, Today.AddDays(-1), ClientScope.All, "office");

        Assert.True(left.Succeeded, string.Join(", ", left.Errors));
        var person = (await grain.GetAsync())!;
        Assert.Equal(
            [
                (gmina, "Inspektor", Today.AddDays(-400), (DateOnly?)Today.AddDays(-201)),
                (gmina, "Kierownik referatu", Today.AddDays(-200), Today.AddDays(-31)),
                (powiat, "Naczelnik", Today.AddDays(-30), Today.AddDays(-1)),
            ],
            person.Employments.Select(e => (e.ClientId, e.Position!, e.From, e.Until)));
        Assert.Null(person.Details.ClientId);
        Assert.Null(person.Details.Position);
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{id}'"));
        Assert.Equal(
            "employment.started,employment.changed,employment.ended,employment.started,employment.ended",
            await fixture.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE source_id = '{id}'"));
        Assert.Null(await fixture.Database.ScalarAsync<Guid?>($"SELECT client_id FROM person_projection WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Who_worked_at_a_client_in_a_year_is_answered_by_the_projection()
    {
        var (gmina, other) = (await ClientAsync(), await ClientAsync());
        var stayed = await PersonAsync(gmina, daysAgo: 700);
        var leftEarly = await PersonAsync(gmina, daysAgo: 700);
        var joinedLater = await PersonAsync(other, daysAgo: 700);
        await fixture.Grains.GetGrain<IPersonGrain>(leftEarly).LeaveAsync(1, Today.AddDays(-500), ClientScope.All, "office");
        await fixture.Grains.GetGrain<IPersonGrain>(joinedLater).ChangeJobAsync(1, gmina, null, "Referent", Today.AddDays(-100), ClientScope.All, "office");

        var window = (From: Today.AddDays(-300), Until: Today.AddDays(-200));
        var ids = await fixture.Database.ScalarAsync<Guid[]>(
            $"""
            SELECT array_agg(DISTINCT person_id) FROM employment_projection
            WHERE client_id = '{gmina}' AND from_date <= '{window.Until:yyyy-MM-dd}' AND coalesce(until_date, 'infinity') >= '{window.From:yyyy-MM-dd}'
            """);

        Assert.Equal([stayed], ids!);
    }

    [Theory]
    [InlineData(0, "employment.dates_order")]
    [InlineData(2, "employment.future")]
    public async Task A_job_change_must_start_after_the_current_job_and_not_in_the_future(int offset, string code)
    {
        var id = await PersonAsync(await ClientAsync());
        var grain = fixture.Grains.GetGrain<IPersonGrain>(id);
        var from = offset == 0 ? Today : Today.AddDays(offset);

        var result = await grain.ChangeJobAsync(1, (await grain.GetAsync())!.Details.ClientId!.Value, null, "Kierownik", from, ClientScope.All, "office");

        Assert.Equal([new FieldError("From", code)], result.Errors.AsEnumerable());
        Assert.Single((await grain.GetAsync())!.Employments);
    }

    [Fact]
    public async Task A_new_job_after_leaving_cannot_overlap_the_last_one_nor_go_to_an_unknown_client()
    {
        var gmina = await ClientAsync();
        var id = await PersonAsync(gmina, daysAgo: 100);
        var grain = fixture.Grains.GetGrain<IPersonGrain>(id);
        var left = await grain.LeaveAsync(1, Today.AddDays(-10), ClientScope.All, "office");

        var overlapping = await grain.ChangeJobAsync(left.Version, gmina, null, null, Today.AddDays(-10), ClientScope.All, "office");
        var unknown = await grain.ChangeJobAsync(left.Version, Guid.NewGuid(), null, null, Today, ClientScope.All, "office");
        var back = await grain.ChangeJobAsync(left.Version, gmina, null, "Sekretarz", Today.AddDays(-9), ClientScope.All, "office");

        Assert.Equal([new FieldError("From", EmploymentRules.Overlap)], overlapping.Errors.AsEnumerable());
        Assert.Equal([new FieldError("ClientId", ErrorCodes.UnknownClient)], unknown.Errors.AsEnumerable());
        Assert.True(back.Succeeded);
        Assert.Equal(gmina, (await grain.GetAsync())!.Details.ClientId);
    }

    [Fact]
    public async Task Leaving_needs_a_current_job_and_a_last_day_not_before_its_first()
    {
        var id = await PersonAsync(await ClientAsync());
        var grain = fixture.Grains.GetGrain<IPersonGrain>(id);

        var tooEarly = await grain.LeaveAsync(1, Today.AddDays(-1), ClientScope.All, "office");
        var left = await grain.LeaveAsync(1, Today, ClientScope.All, "office");
        var again = await grain.LeaveAsync(left.Version, Today, ClientScope.All, "office");

        Assert.Equal([new FieldError("Until", EmploymentRules.UntilBeforeStart)], tooEarly.Errors.AsEnumerable());
        Assert.True(left.Succeeded);
        Assert.Equal([new FieldError("Until", EmploymentRules.NoCurrentJob)], again.Errors.AsEnumerable());
    }

    [Fact]
    public async Task An_update_corrects_the_current_record_instead_of_starting_a_new_one()
    {
        var (right, wrong) = (await ClientAsync(), await ClientAsync());
        var id = await PersonAsync(wrong);
        var grain = fixture.Grains.GetGrain<IPersonGrain>(id);

        var corrected = await grain.UpdateAsync(1, Samples.Person(right) with { Position = "Inspektorka" }, ClientScope.All, "office");
        var emptied = await grain.UpdateAsync(corrected.Version, Samples.Person(null), ClientScope.All, "office");

        var person = (await grain.GetAsync())!;
        Assert.Equal((right, "Inspektorka", Today, (DateOnly?)null), person.Employments.Single() is var e ? (e.ClientId, e.Position!, e.From, e.Until) : default);
        Assert.Equal([new FieldError("ClientId", EmploymentRules.UseLeave)], emptied.Errors.AsEnumerable());
        Assert.Equal("employment.corrected", await fixture.Database.ScalarAsync<string>($"SELECT kind FROM contact_event WHERE source_id = '{id}' AND source_seq = 2"));
    }

    [Fact]
    public async Task For_a_partner_the_person_must_work_at_their_client_now_and_stay_there()
    {
        var (ours, theirs) = (await ClientAsync(), await ClientAsync());
        var mine = await PersonAsync(ours);
        var foreign = await PersonAsync(theirs);
        var partner = ClientScope.Of([ours]);

        var createdElsewhere = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(theirs), partner, "partner");
        var changedForeign = await fixture.Grains.GetGrain<IPersonGrain>(foreign).ChangeJobAsync(1, ours, null, "Referent", Today, partner, "partner");
        var leftForeign = await fixture.Grains.GetGrain<IPersonGrain>(foreign).LeaveAsync(1, Today, partner, "partner");
        var updatedForeign = await fixture.Grains.GetGrain<IPersonGrain>(foreign).UpdateAsync(1, Samples.Person(theirs), partner, "partner");
        var sentAway = await fixture.Grains.GetGrain<IPersonGrain>(mine).ChangeJobAsync(1, theirs, null, "Referent", Today, partner, "partner");
        var movedByEdit = await fixture.Grains.GetGrain<IPersonGrain>(mine).UpdateAsync(1, Samples.Person(theirs), partner, "partner");
        var promoted = await fixture.Grains.GetGrain<IPersonGrain>(mine).UpdateAsync(1, Samples.Person(ours) with { Position = "Kierownik" }, partner, "partner");

        foreach (var refused in new[] { createdElsewhere, changedForeign, leftForeign, updatedForeign, sentAway, movedByEdit })
        {
            Assert.Equal(PersonGrain.OutOfScope, Assert.Single(refused.Errors).Code);
        }

        Assert.True(promoted.Succeeded);
        Assert.Equal(theirs, (await fixture.Grains.GetGrain<IPersonGrain>(foreign).GetAsync())!.Details.ClientId);
    }

    [Fact]
    public async Task A_person_stored_before_employment_history_has_their_job_taken_from_when_they_were_entered()
    {
        var client = await ClientAsync();
        var id = await PersonAsync(client);
        var key = id.ToByteArray();
        await fixture.Database.ExecuteAsync(
            $"""
            UPDATE orleansstorage
            SET payloadbinary = convert_to(regexp_replace(convert_from(payloadbinary, 'UTF8'), ',"Employments":\[.*\]', ''), 'UTF8')
            WHERE graintypestring = 'person' AND grainidn0 = {BitConverter.ToInt64(key, 0)} AND grainidn1 = {BitConverter.ToInt64(key, 8)}
            """);
        await fixture.Database.ExecuteAsync($"DELETE FROM employment_projection WHERE person_id = '{id}'");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var person = (await fixture.Grains.GetGrain<IPersonGrain>(id).GetAsync())!;

        Assert.Equal((client, Today, (DateOnly?)null), person.Employments.Single() is var e ? (e.ClientId, e.From, e.Until) : default);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{id}'"));
    }

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client($"Gmina {id:N}"))).Succeeded);
        return id;
    }

    private async Task<Guid> PersonAsync(Guid clientId, int daysAgo = 0) =>
        await PastEmployment.CreateAsync(fixture.Grains, fixture.Database, Samples.Person(clientId), daysAgo);
}
