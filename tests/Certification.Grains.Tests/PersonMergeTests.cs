using System.Text.Json;
using Certification.Common;
using Certification.Consents;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Testing;
using Certification.Training;

namespace Certification.Grains.Tests;

/// <summary>Two records of one person merged into one: what the survivor keeps, what the tombstone refuses, and a merge cut short.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersonMergeTests(ClusterFixture fixture)
{
    private static DateOnly Today => PastEmployment.Today;

    [Fact]
    public async Task The_survivor_keeps_both_employment_histories_and_the_chosen_values_and_the_absorbed_record_refuses_every_command()
    {
        var (gmina, powiat) = (await ClientAsync(), await ClientAsync());
        var survivor = await PersonAsync(Samples.Person(gmina) with { FirstName = "Anna", LastName = "Nowak", Email = "anna.nowak@gmina.pl", Phone = null, Pesel = null, Position = "Referentka" }, 400);
        var absorbed = await PersonAsync(Samples.Person(gmina) with { FirstName = "Anna", LastName = "Nowak", Email = null, Phone = "+48 600 100 200", Unit = "OPS", Position = "Asystentka" }, 700);
        var other = fixture.Grains.GetGrain<IPersonGrain>(absorbed);
        Assert.True((await other.ChangeJobAsync(1, powiat, "Starostwo", "Inspektorka", Today.AddDays(-100), ClientScope.All, "office")).Succeeded);

        var merged = await MergeAsync(survivor, absorbed, [MergeFields.Phone, MergeFields.Pesel, MergeFields.Job]);

        Assert.True(merged.Succeeded, string.Join(", ", merged.Errors));
        var person = (await fixture.Grains.GetGrain<IPersonGrain>(survivor).GetAsync())!;
        Assert.Equal(("anna.nowak@gmina.pl", "+48 600 100 200", "44051401359"), (person.Details.Email, person.Details.Phone, person.Details.Pesel));
        Assert.Equal((powiat, "Inspektorka"), (person.Details.ClientId, person.Details.Position));
        Assert.Equal(
            [(gmina, "Referentka", Today.AddDays(-400), (DateOnly?)Today.AddDays(-101)), (powiat, "Inspektorka", Today.AddDays(-100), null)],
            person.Employments.Select(e => (e.ClientId, e.Position!, e.From, e.Until)));
        var kept = Assert.Single(person.MergedEmployments);
        Assert.Equal((absorbed, gmina, "Asystentka", Today.AddDays(-700), (DateOnly?)Today.AddDays(-101)), (kept.Origin!.Value, kept.ClientId, kept.Position!, kept.From, kept.Until));
        Assert.Equal(["Asystentka", "Referentka", "Inspektorka"], person.AllEmployments().Select(e => e.Position!));
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{survivor}'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{survivor}' AND origin_id = '{absorbed}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{absorbed}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE id = '{absorbed}'"));
        Assert.Equal(survivor, await fixture.Database.ScalarAsync<Guid>($"SELECT survivor_id FROM person_merge WHERE absorbed_id = '{absorbed}'"));
        Assert.Equal($"{absorbed}|Anna Nowak|Phone,Pesel,Job", await fixture.Database.ScalarAsync<string>(
            $"SELECT subject_id || '|' || subject_title || '|' || detail FROM contact_event WHERE person_id = '{survivor}' AND kind = 'person.merged'"));
        Assert.Equal("employment.ended,employment.started", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE source_id = '{survivor}' AND source_seq > 1"));

        Assert.Null(await other.GetAsync());
        Assert.Equal(survivor, (await other.GetTombstoneAsync())!.SurvivorId);
        var refused = new[]
        {
            await other.UpdateAsync(3, Samples.Person(powiat), ClientScope.All, "office"),
            await other.ChangeJobAsync(3, gmina, null, "Kierowniczka", Today, ClientScope.All, "office"),
            await other.LeaveAsync(3, Today, ClientScope.All, "office"),
            await other.MergeAsync(3, new PersonMergeRequest(Guid.NewGuid(), survivor, person.Version, [], []), "office"),
            await fixture.Grains.GetGrain<IPersonConsentsGrain>(absorbed).RecordAsync(ConsentPurpose.Marketing, true, "telefon", "office"),
        };
        Assert.All(refused, r => Assert.Equal(PersonMergeRules.Merged, Assert.Single(r.Errors).Code));
        var again = await fixture.Grains.GetGrain<IPersonGrain>(survivor).MergeAsync(person.Version, new PersonMergeRequest(Guid.NewGuid(), absorbed, 3, [], []), "office");
        Assert.Equal(PersonMergeRules.AlreadyMerged, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task Both_consent_histories_are_kept_the_latest_decision_holds_and_an_old_unsubscribe_link_still_works()
    {
        var (survivor, absorbed) = (await PersonAsync(Samples.Person(null)), await PersonAsync(Samples.Person(null)));
        var ours = fixture.Grains.GetGrain<IPersonConsentsGrain>(survivor);
        var theirs = fixture.Grains.GetGrain<IPersonConsentsGrain>(absorbed);
        await ours.RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy", "office");
        await theirs.RecordAsync(ConsentPurpose.Marketing, true, "telefon", "office");
        await theirs.UnsubscribeAsync("link w wiadomości e-mail", "self");

        Assert.True((await MergeAsync(survivor, absorbed, [])).Succeeded);

        var consents = await ours.GetAsync();
        Assert.Equal([(true, (Guid?)null), (true, absorbed), (false, absorbed)], consents.History.Select(r => (r.Given, r.MergedFrom)));
        Assert.True(consents.Unsubscribed);
        Assert.False(consents.MayReceiveMarketing());
        Assert.Equal("false|true|3", await fixture.Database.ScalarAsync<string>(
            $"SELECT marketing || '|' || unsubscribed || '|' || decisions FROM person_consent WHERE person_id = '{survivor}'"));
        Assert.Equal(2, (await theirs.GetAsync()).History.Count);

        Assert.True((await ours.RecordAsync(ConsentPurpose.Marketing, true, "telefon 2026-11-30", "office")).Succeeded);
        Assert.True((await ours.GetAsync()).MayReceiveMarketing());
        await theirs.UnsubscribeAsync("link w wiadomości e-mail", "self");
        Assert.False((await ours.GetAsync()).MayReceiveMarketing());
        Assert.Equal(2, (await theirs.GetAsync()).History.Count);
    }

    [Fact]
    public async Task Training_orders_follow_the_survivor_and_an_order_with_both_keeps_the_better_enrolment()
    {
        var client = await ClientAsync();
        var (survivor, absorbed, waiting) = (await PersonAsync(Samples.Person(client)), await PersonAsync(Samples.Person(client)), await PersonAsync(Samples.Person(client)));
        var both = await OrderAsync(capacity: 2);
        await both.EnrolAsync(survivor, EnrolmentSource.Office, null, "office");
        await both.EnrolAsync(absorbed, EnrolmentSource.Office, null, "office");
        await both.EnrolAsync(waiting, EnrolmentSource.Office, null, "office");
        var theirsBetter = await OrderAsync(capacity: 1, trainer: absorbed);
        await theirsBetter.EnrolAsync(absorbed, EnrolmentSource.Office, null, "office");
        await theirsBetter.EnrolAsync(survivor, EnrolmentSource.Office, null, "office");
        await theirsBetter.InviteAsync([absorbed, survivor], "office");
        var account = Guid.NewGuid();
        await fixture.Database.ExecuteAsync(
            $"""
            INSERT INTO user_account (id, email, normalized_email, display_name, password_hash, roles, person_id, security_stamp, created_at, updated_at)
            VALUES ('{account}', '{account:N}@example.pl', '{account:N}@EXAMPLE.PL', 'Kandydatka', 'x', ARRAY['Candidate'], '{absorbed}', '{Guid.Empty}', now(), now())
            """);

        Assert.True((await MergeAsync(survivor, absorbed, [])).Succeeded);

        var first = (await both.GetAsync())!;
        Assert.Equal([(survivor, EnrolmentStatus.Enrolled), (waiting, EnrolmentStatus.Enrolled)], first.Enrolments.Select(e => (e.PersonId, e.Status)).OrderBy(e => e.PersonId == waiting));
        Assert.EndsWith(";kept=survivor:Enrolled;dropped=Enrolled", first.Events.Single(e => e.Kind == OrderEventKind.PersonMerged).Detail, StringComparison.Ordinal);
        var second = (await theirsBetter.GetAsync())!;
        var enrolment = Assert.Single(second.Enrolments);
        Assert.Equal((survivor, EnrolmentStatus.Enrolled, EnrolmentSource.Office), (enrolment.PersonId, enrolment.Status, enrolment.Source));
        Assert.EndsWith(";kept=absorbed:Enrolled;dropped=Waiting", second.Events.Single(e => e.Kind == OrderEventKind.PersonMerged).Detail, StringComparison.Ordinal);
        Assert.Equal([survivor], second.Invited);
        Assert.Equal(survivor, second.Details.TrainerId);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM training_enrolment_projection WHERE person_id = '{absorbed}'"));
        Assert.Equal("order.personmerged,order.personmerged", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',') FROM contact_event WHERE person_id = '{survivor}' AND kind = 'order.personmerged'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM contact_event WHERE person_id = '{waiting}' AND kind = 'order.promoted'"));
        Assert.Equal($"{survivor}|false", await fixture.Database.ScalarAsync<string>(
            $"SELECT person_id || '|' || (security_stamp = '{Guid.Empty}') FROM user_account WHERE id = '{account}'"));
    }

    [Fact]
    public async Task A_merge_cut_short_finishes_when_the_survivor_wakes_and_a_repeat_doubles_nothing()
    {
        var client = await ClientAsync();
        var survivor = await PersonAsync(Samples.Person(client), 300);
        var absorbed = await PersonAsync(Samples.Person(client) with { Position = "Sekretarz" }, 50);
        await fixture.Grains.GetGrain<IPersonConsentsGrain>(absorbed).RecordAsync(ConsentPurpose.Marketing, true, "telefon", "office");
        var order = await OrderAsync(capacity: 5);
        await order.EnrolAsync(absorbed, EnrolmentSource.Office, null, "office");
        var request = new PersonMergeRequest(Guid.NewGuid(), absorbed, 1, [MergeFields.Job], []);

        // What the survivor had done before its silo died: the plan stored, the other record, its consents and its order moved.
        await StorePendingMergeAsync(survivor, request);
        Assert.NotNull((await fixture.Grains.GetGrain<IPersonGrain>(absorbed).MergeIntoAsync(survivor, request.MergeId, 1, "office")).Source);
        await fixture.Grains.GetGrain<IPersonConsentsGrain>(survivor).AbsorbAsync(await fixture.Grains.GetGrain<IPersonConsentsGrain>(absorbed).MergeIntoAsync(survivor));
        await order.ReplacePersonAsync(absorbed, survivor, "office");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var grain = fixture.Grains.GetGrain<IPersonGrain>(survivor);
        var person = (await grain.GetAsync())!;
        for (var wait = 0; person.PendingMerge is not null && wait < 100; wait++)
        {
            await Task.Delay(100);
            person = (await grain.GetAsync())!;
        }

        Assert.Null(person.PendingMerge);
        Assert.True((await grain.MergeAsync(person.Version, request, "office")).Succeeded);
        Assert.True((await order.ReplacePersonAsync(absorbed, survivor, "office")).Succeeded);

        person = (await grain.GetAsync())!;
        Assert.Single(person.Merges);
        Assert.Equal(["Inspektor", "Sekretarz"], person.Employments.Select(e => e.Position!));
        Assert.Equal("Sekretarz", person.Details.Position);
        Assert.Single((await fixture.Grains.GetGrain<IPersonConsentsGrain>(survivor).GetAsync()).History);
        Assert.Single((await order.GetAsync())!.Events, e => e.Kind == OrderEventKind.PersonMerged);
        Assert.Equal(survivor, Assert.Single((await order.GetAsync())!.Enrolments).PersonId);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM contact_event WHERE person_id = '{survivor}' AND kind = 'person.merged'"));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM employment_projection WHERE person_id = '{survivor}'"));
        Assert.Equal("employment.started,employment.changed", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE source_id = '{survivor}'"));
    }

    [Fact]
    public async Task Someone_with_exam_records_is_never_the_absorbed_record_and_a_refused_merge_changes_nothing()
    {
        var (examined, other) = (await PersonAsync(Samples.Person(null)), await PersonAsync(Samples.Person(null)));
        var session = fixture.Grains.GetGrain<IExamSessionGrain>(Guid.NewGuid());
        var scheduled = await session.ScheduleAsync(new SessionDetails("CRM-PRK4", "Sesja", DateTimeOffset.UtcNow, "Sala 1", Guid.NewGuid(), true));
        Assert.True((await session.SetRosterAsync(scheduled.Version, [examined])).Succeeded);

        var refused = await MergeAsync(other, examined, [MergeFields.Email]);
        var self = await fixture.Grains.GetGrain<IPersonGrain>(other).MergeAsync(1, new PersonMergeRequest(Guid.NewGuid(), other, 1, [], []), "office");
        var stale = await fixture.Grains.GetGrain<IPersonGrain>(examined).MergeAsync(1, new PersonMergeRequest(Guid.NewGuid(), other, 7, [], []), "office");
        var unknown = await fixture.Grains.GetGrain<IPersonGrain>(examined).MergeAsync(1, new PersonMergeRequest(Guid.NewGuid(), Guid.NewGuid(), 1, [], []), "office");

        Assert.Equal(PersonMergeRules.ExamRecords, Assert.Single(refused.Errors).Code);
        Assert.Equal(PersonMergeRules.SamePerson, Assert.Single(self.Errors).Code);
        Assert.Equal(ErrorCodes.VersionConflict, Assert.Single(stale.Errors).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(unknown.Errors).Code);
        Assert.Equal(1, (await fixture.Grains.GetGrain<IPersonGrain>(examined).GetAsync())!.Version);
        Assert.Equal(1, (await fixture.Grains.GetGrain<IPersonGrain>(other).GetAsync())!.Version);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM person_merge WHERE absorbed_id IN ('{examined}', '{other}')"));

        Assert.True((await MergeAsync(examined, other, [])).Succeeded);
        Assert.Equal([examined], (await session.GetAsync())!.Roster);
    }

    [Fact]
    public async Task Custom_values_of_the_survivor_win_unless_the_office_chose_the_absorbed_ones_and_empty_ones_are_filled()
    {
        var setup = fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);
        var (rank, school, hobby) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var field in new[] { rank, school, hobby })
        {
            Assert.True((await setup.SaveAsync(new CustomFieldDefinition(field, CustomFieldEntity.Person, $"Pole {field:N}", CustomFieldType.Text, [], false, false))).Succeeded);
        }

        var (survivor, absorbed) = (await PersonAsync(Samples.Person(null)), await PersonAsync(Samples.Person(null)));
        await fixture.Grains.GetGrain<ICustomValuesGrain>(survivor).SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [rank] = "nasz", [school] = "nasza" }, ClientScope.All);
        await fixture.Grains.GetGrain<ICustomValuesGrain>(absorbed).SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [rank] = "ich", [school] = "ich", [hobby] = "żeglarstwo" }, ClientScope.All);

        Assert.True((await MergeAsync(survivor, absorbed, [], [school])).Succeeded);

        var values = await fixture.Grains.GetGrain<ICustomValuesGrain>(survivor).GetAsync();
        Assert.Equal(("nasz", "ich", "żeglarstwo"), (values[rank], values[school], values[hobby]));
        Assert.Contains($"custom:Pole {school:N}", await fixture.Database.ScalarAsync<string>(
            $"SELECT detail FROM contact_event WHERE person_id = '{survivor}' AND kind = 'person.merged'"), StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_a_current_job_that_began_before_the_survivors_own_is_refused_as_a_contradiction()
    {
        var (gmina, powiat) = (Guid.NewGuid(), Guid.NewGuid());
        var today = new DateOnly(2026, 11, 30);
        List<Employment> ours = [new(1, gmina, null, "Referentka", today.AddDays(-100), null)];
        var theirs = new MergeSource(Guid.NewGuid(), Samples.Person(powiat), [new(1, powiat, null, "Inspektorka", today.AddDays(-200), null)], []);

        var plan = PersonMergeRules.Plan(Samples.Person(gmina), ours, [], theirs, [MergeFields.Job], today);
        var unknown = PersonMergeRules.Plan(Samples.Person(gmina), ours, [], theirs, ["Shoe size"], today);

        Assert.Equal([new FieldError("Job", PersonMergeRules.JobBeforeCurrent)], plan.Errors);
        Assert.Equal([new FieldError("FromAbsorbed", PersonMergeRules.UnknownField)], unknown.Errors);
    }

    private async Task<CommandResult> MergeAsync(Guid survivor, Guid absorbed, IReadOnlyList<string> fields, IReadOnlyList<Guid>? customFields = null)
    {
        var ours = (await fixture.Grains.GetGrain<IPersonGrain>(survivor).GetAsync())!;
        var theirs = (await fixture.Grains.GetGrain<IPersonGrain>(absorbed).GetAsync())!;
        return await fixture.Grains.GetGrain<IPersonGrain>(survivor).MergeAsync(
            ours.Version, new PersonMergeRequest(Guid.NewGuid(), absorbed, theirs.Version, fields, customFields ?? []), "office");
    }

    /// <summary>Stores a merge as begun in the survivor's state, as its grain writes it before taking the first step.</summary>
    private async Task StorePendingMergeAsync(Guid survivor, PersonMergeRequest request)
    {
        var key = survivor.ToByteArray();
        var where = $"graintypestring = 'person' AND grainidn0 = {BitConverter.ToInt64(key, 0)} AND grainidn1 = {BitConverter.ToInt64(key, 8)}";
        var stored = JsonSerializer.Deserialize<PersonState>(
            (await fixture.Database.ScalarAsync<byte[]>($"SELECT payloadbinary FROM orleansstorage WHERE {where}"))!, JsonStateSerializer.Options)!;
        var pending = stored with { Version = stored.Version + 1, PendingMerge = new PendingMerge(request, "office", DateTimeOffset.UtcNow) };
        var json = Convert.ToHexString(JsonSerializer.SerializeToUtf8Bytes(pending, JsonStateSerializer.Options));
        await fixture.Database.ExecuteAsync($"UPDATE orleansstorage SET payloadbinary = '\\x{json}'::bytea WHERE {where}");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    private async Task<ITrainingOrderGrain> OrderAsync(int capacity, Guid? trainer = null)
    {
        var location = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key)
            .SaveLocationAsync(new TrainingLocation(location, "Sala szkoleniowa, Poznań", "ul. Wronia 1", "Poznań", "poznański"))).Succeeded);
        var order = fixture.Grains.GetGrain<ITrainingOrderGrain>(Guid.NewGuid());
        var details = new OrderDetails(
            "Obsługa CRM w urzędzie", null, [new(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))],
            location, trainer, 350m, capacity, OrderVisibility.Public, []);
        Assert.True((await order.CreateAsync(OrderTypes.DefaultId, details, "office")).Succeeded);
        return order;
    }

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client($"Gmina {id:N}"))).Succeeded);
        return id;
    }

    private Task<Guid> PersonAsync(PersonDetails details, int daysAgo = 0) =>
        PastEmployment.CreateAsync(fixture.Grains, fixture.Database, details, daysAgo);
}
