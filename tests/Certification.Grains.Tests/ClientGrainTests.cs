using Certification.Common;
using Certification.Crm;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClientGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Created_client_is_stored_normalised_and_projected()
    {
        var id = Guid.NewGuid();
        var nip = Samples.UniqueNip();
        var hyphenated = $"{nip[..3]}-{nip[3..6]}-{nip[6..8]}-{nip[8..]}";

        var result = await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client(nip: hyphenated) with { Name = "  Gmina Kórnik  " });

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Version);
        var client = await fixture.Grains.GetGrain<IClientGrain>(id).GetAsync();
        Assert.Equal("Gmina Kórnik", client!.Details.Name);
        Assert.Equal(nip, client.Details.Nip);
        Assert.Equal(["Urząd Miejski", "OPS"], client.Details.Units);
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>($"SELECT version FROM client_projection WHERE id = '{id}'"));
        Assert.Equal(nip, await fixture.Database.ScalarAsync<string>($"SELECT nip FROM client_projection WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Client_with_a_wrong_nip_is_rejected_and_nothing_is_stored()
    {
        var id = Guid.NewGuid();

        var result = await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client(nip: "856-734-62-16"));

        Assert.False(result.Succeeded);
        Assert.Contains(new FieldError("Nip", "nip.checksum"), result.Errors);
        Assert.Null(await fixture.Grains.GetGrain<IClientGrain>(id).GetAsync());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM client_projection WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_at_once()
    {
        var details = new ClientDetails(" ", ClientKind.Company, "123", "12345", new Address(null, "62035", null), ["A", "a"]);

        var result = await fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid()).CreateAsync(details);

        Assert.Equal(
            new[] { "City:required", "Name:required", "Nip:nip.format", "PostalCode:postal_code.format", "Regon:regon.format", "Street:required", "Units:unit.duplicate" },
            result.Errors.Select(e => $"{e.Field}:{e.Code}").Order());
    }

    [Fact]
    public async Task A_nip_belongs_to_one_client_only()
    {
        var nip = Samples.UniqueNip();
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid()).CreateAsync(Samples.Client(nip: nip))).Succeeded);

        var second = await fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid()).CreateAsync(Samples.Client("Inna gmina", nip));

        Assert.Equal([new FieldError("Nip", ErrorCodes.NipTaken)], second.Errors.AsEnumerable());
    }

    [Fact]
    public async Task Update_based_on_a_stale_version_is_rejected_and_keeps_the_newer_data()
    {
        var grain = fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid());
        var nip = Samples.UniqueNip();
        await grain.CreateAsync(Samples.Client(nip: nip));
        Assert.True((await grain.UpdateAsync(1, Samples.Client("Gmina Kórnik (nowa nazwa)", nip), ClientScope.All)).Succeeded);

        var stale = await grain.UpdateAsync(1, Samples.Client("Nadpisana nazwa", nip), ClientScope.All);

        Assert.Equal([new FieldError("Version", ErrorCodes.VersionConflict)], stale.Errors.AsEnumerable());
        var client = await grain.GetAsync();
        Assert.Equal(("Gmina Kórnik (nowa nazwa)", 2), (client!.Details.Name, client.Version));
    }

    [Fact]
    public async Task Creating_the_same_client_twice_is_refused()
    {
        var grain = fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid());
        var nip = Samples.UniqueNip();
        await grain.CreateAsync(Samples.Client(nip: nip));

        var again = await grain.CreateAsync(Samples.Client("Druga", nip));

        Assert.Equal([new FieldError("Id", ErrorCodes.AlreadyExists)], again.Errors.AsEnumerable());
    }

    [Fact]
    public async Task Updating_a_client_that_does_not_exist_is_refused()
    {
        var result = await fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid()).UpdateAsync(0, Samples.Client(), ClientScope.All);

        Assert.Equal([new FieldError("Id", ErrorCodes.NotFound)], result.Errors.AsEnumerable());
    }
}
