using Certification.Common;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>
/// Account managers: who looks after a client is kept by the client grain and projected with its history, and
/// commands given a scope of some clients touch nothing outside them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CaretakerTests(ClusterFixture fixture)
{
    private DateOnly Today => PolishDate.Of(fixture.Clock.GetUtcNow());

    [Fact]
    public async Task Caretakers_are_assigned_and_removed_with_the_changes_in_the_clients_contact_history()
    {
        var client = await ClientAsync();
        var grain = fixture.Grains.GetGrain<IClientGrain>(client);
        var (marta, jan) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await grain.AssignCaretakerAsync(marta, " Marta Opiekuńska ", "office");
        var second = await grain.AssignCaretakerAsync(jan, "Jan Opiekun", "office");
        var again = await grain.AssignCaretakerAsync(marta, "Marta Opiekuńska", "office");
        var removed = await grain.RemoveCaretakerAsync(marta, "Marta Opiekuńska", "office");
        var notThere = await grain.RemoveCaretakerAsync(marta, "Marta Opiekuńska", "office");

        Assert.Equal((2, 3, 4), (first.Version, second.Version, removed.Version));
        Assert.Equal([new FieldError("AccountId", CaretakerCodes.AlreadyAssigned)], again.Errors.AsEnumerable());
        Assert.Equal([new FieldError("AccountId", CaretakerCodes.NotAssigned)], notThere.Errors.AsEnumerable());
        Assert.Equal([jan], (await fixture.Database.ScalarAsync<Guid[]>($"SELECT array_agg(account_id) FROM client_caretaker WHERE client_id = '{client}'"))!);
        Assert.Equal(
            "caretaker.assigned:Marta Opiekuńska,caretaker.assigned:Jan Opiekun,caretaker.removed:Marta Opiekuńska",
            await fixture.Database.ScalarAsync<string>(
                $"SELECT string_agg(kind || ':' || subject_title, ',' ORDER BY source_seq) FROM contact_event WHERE source_id = '{client}' AND client_id = '{client}'"));
    }

    [Fact]
    public async Task A_client_that_does_not_exist_gets_no_caretaker()
    {
        var id = Guid.NewGuid();

        var result = await fixture.Grains.GetGrain<IClientGrain>(id).AssignCaretakerAsync(Guid.NewGuid(), "Marta", "office");

        Assert.Equal([new FieldError("Id", ErrorCodes.NotFound)], result.Errors.AsEnumerable());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM client_caretaker WHERE client_id = '{id}'"));
    }

    [Fact]
    public async Task A_rebuild_writes_the_caretakers_again_from_the_grain()
    {
        var client = await ClientAsync();
        var marta = Guid.NewGuid();
        await fixture.Grains.GetGrain<IClientGrain>(client).AssignCaretakerAsync(marta, "Marta", "office");
        await fixture.Database.ExecuteAsync($"DELETE FROM client_caretaker WHERE client_id = '{client}'; UPDATE client_projection SET version = 0 WHERE id = '{client}'");

        await fixture.Grains.GetGrain<IClientGrain>(client).RefreshProjectionAsync();

        Assert.Equal([marta], (await fixture.Database.ScalarAsync<Guid[]>($"SELECT array_agg(account_id) FROM client_caretaker WHERE client_id = '{client}'"))!);
    }

    [Fact]
    public async Task A_client_is_edited_only_within_the_callers_scope()
    {
        var (mine, theirs) = (await ClientAsync(), await ClientAsync());
        var scope = ClientScope.Of([mine]);

        var foreign = await fixture.Grains.GetGrain<IClientGrain>(theirs).UpdateAsync(1, Samples.Client("Przejęta"), scope);
        var own = await fixture.Grains.GetGrain<IClientGrain>(mine).UpdateAsync(1, Samples.Client("Gmina po zmianie"), scope);

        Assert.Equal([new FieldError("Id", ClientGrain.OutOfScope)], foreign.Errors.AsEnumerable());
        Assert.True(own.Succeeded, string.Join(", ", own.Errors));
        Assert.Equal($"Gmina {theirs:N}", (await fixture.Grains.GetGrain<IClientGrain>(theirs).GetAsync())!.Details.Name);
    }

    [Fact]
    public async Task An_account_manager_moves_people_between_their_own_clients_but_not_to_or_from_others()
    {
        var (first, second, other) = (await ClientAsync(), await ClientAsync(), await ClientAsync());
        var scope = ClientScope.Of([first, second]);
        var ours = await PastEmployment.CreateAsync(fixture.Grains, fixture.Database, Samples.Person(first), 30);
        var foreign = await PastEmployment.CreateAsync(fixture.Grains, fixture.Database, Samples.Person(other), 30);

        var createdElsewhere = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(other), scope, "manager");
        var createdWithoutClient = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(null), scope, "manager");
        var takenOver = await fixture.Grains.GetGrain<IPersonGrain>(foreign).ChangeJobAsync(1, first, null, "Referent", Today, scope, "manager");
        var sentAway = await fixture.Grains.GetGrain<IPersonGrain>(ours).ChangeJobAsync(1, other, null, "Referent", Today, scope, "manager");
        var moved = await fixture.Grains.GetGrain<IPersonGrain>(ours).ChangeJobAsync(1, second, null, "Referent", Today, scope, "manager");
        var created = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(second), scope, "manager");

        Assert.Equal(["ClientId", "ClientId", "Id", "ClientId"], new[] { createdElsewhere, createdWithoutClient, takenOver, sentAway }.Select(r => Assert.Single(r.Errors).Field));
        Assert.All(new[] { createdElsewhere, createdWithoutClient, takenOver, sentAway }, r => Assert.Equal(PersonGrain.OutOfScope, r.Errors[0].Code));
        Assert.True(moved.Succeeded && created.Succeeded);
        Assert.Equal(second, (await fixture.Grains.GetGrain<IPersonGrain>(ours).GetAsync())!.Details.ClientId);
        Assert.Equal(other, (await fixture.Grains.GetGrain<IPersonGrain>(foreign).GetAsync())!.Details.ClientId);
    }

    [Fact]
    public async Task Custom_values_are_set_only_on_clients_and_current_people_within_the_scope()
    {
        var field = new CustomFieldDefinition(Guid.NewGuid(), CustomFieldEntity.Person, $"Rozmiar koszulki {Guid.NewGuid():N}", CustomFieldType.Text, [], false, false);
        Assert.True((await fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).SaveAsync(field)).Succeeded);
        var (mine, theirs) = (await ClientAsync(), await ClientAsync());
        var scope = ClientScope.Of([mine]);
        var ours = await PastEmployment.CreateAsync(fixture.Grains, fixture.Database, Samples.Person(mine), 0);
        var foreign = await PastEmployment.CreateAsync(fixture.Grains, fixture.Database, Samples.Person(theirs), 0);
        var values = new Dictionary<Guid, string?> { [field.Id] = "L" };

        var onForeign = await fixture.Grains.GetGrain<ICustomValuesGrain>(foreign).SetAsync(CustomFieldEntity.Person, values, scope);
        var onForeignClient = await fixture.Grains.GetGrain<ICustomValuesGrain>(theirs).SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?>(), scope);
        var personAsClient = await fixture.Grains.GetGrain<ICustomValuesGrain>(ours).SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?>(), scope);
        var onOurs = await fixture.Grains.GetGrain<ICustomValuesGrain>(ours).SetAsync(CustomFieldEntity.Person, values, scope);

        Assert.All(new[] { onForeign, onForeignClient, personAsClient }, r => Assert.Equal(CustomValuesGrain.OutOfScope, Assert.Single(r.Errors).Code));
        Assert.True(onOurs.Succeeded, string.Join(", ", onOurs.Errors));
        Assert.Empty(await fixture.Grains.GetGrain<ICustomValuesGrain>(foreign).GetAsync());
        Assert.Equal("L", (await fixture.Grains.GetGrain<ICustomValuesGrain>(ours).GetAsync())[field.Id]);
    }

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client($"Gmina {id:N}"))).Succeeded);
        return id;
    }
}
