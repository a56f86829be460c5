using Certification.Common;
using Certification.Crm;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PersonGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Person_working_at_a_client_is_stored_and_projected_with_the_client()
    {
        var clientId = Guid.NewGuid();
        await fixture.Grains.GetGrain<IClientGrain>(clientId).CreateAsync(Samples.Client());
        var id = Guid.NewGuid();

        var result = await fixture.Grains.GetGrain<IPersonGrain>(id).CreateAsync(Samples.Person(clientId) with { Email = " Lucja@Example.PL " });

        Assert.True(result.Succeeded);
        var person = await fixture.Grains.GetGrain<IPersonGrain>(id).GetAsync();
        Assert.Equal("lucja@example.pl", person!.Details.Email);
        Assert.Equal(clientId, await fixture.Database.ScalarAsync<Guid>($"SELECT client_id FROM person_projection WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Person_cannot_be_assigned_to_a_client_that_does_not_exist()
    {
        var id = Guid.NewGuid();

        var result = await fixture.Grains.GetGrain<IPersonGrain>(id).CreateAsync(Samples.Person(Guid.NewGuid()));

        Assert.Equal([new FieldError("ClientId", ErrorCodes.UnknownClient)], result.Errors.AsEnumerable());
        Assert.Null(await fixture.Grains.GetGrain<IPersonGrain>(id).GetAsync());
    }

    [Theory]
    [InlineData("Pesel", "44051401358", "pesel.checksum")]
    [InlineData("Email", "lucja-at-example.pl", "email.format")]
    [InlineData("Phone", "12-34", "phone.format")]
    public async Task Invalid_contact_data_is_rejected(string field, string value, string code)
    {
        var details = field switch
        {
            "Pesel" => Samples.Person(null) with { Pesel = value },
            "Email" => Samples.Person(null) with { Email = value },
            _ => Samples.Person(null) with { Phone = value },
        };

        var result = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(details);

        Assert.Equal([new FieldError(field, code)], result.Errors.AsEnumerable());
    }

    [Fact]
    public async Task Optional_contact_data_may_be_left_empty()
    {
        var result = await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid())
            .CreateAsync(new PersonDetails("Jan", "Nowak", null, "", " ", null, null, null));

        Assert.True(result.Succeeded);
    }
}
