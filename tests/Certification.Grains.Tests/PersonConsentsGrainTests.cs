using Certification.Consents;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PersonConsentsGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Decisions_are_kept_in_order_and_unsubscribing_stops_marketing_until_consent_is_given_again()
    {
        var person = Guid.NewGuid();
        var consents = fixture.Grains.GetGrain<IPersonConsentsGrain>(person);
        Assert.False((await consents.GetAsync()).MayReceiveMarketing());

        Assert.Equal(ConsentRules.SourceRequired, Assert.Single((await consents.RecordAsync(ConsentPurpose.Marketing, true, " ", "office")).Errors).Code);
        Assert.True((await consents.RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy", "office")).Succeeded);
        Assert.True((await consents.GetAsync()).MayReceiveMarketing());
        await consents.UnsubscribeAsync("link w wiadomości e-mail", "self");
        await consents.UnsubscribeAsync("link w wiadomości e-mail", "self");
        Assert.False((await consents.GetAsync()).MayReceiveMarketing());
        Assert.True((await consents.RecordAsync(ConsentPurpose.Marketing, true, "telefon 2026-11-23", "office")).Succeeded);

        var snapshot = await consents.GetAsync();
        Assert.True(snapshot.MayReceiveMarketing());
        Assert.Equal([true, false, true], snapshot.History.Select(r => r.Given));
        Assert.Equal("true|false|3", await fixture.Database.ScalarAsync<string>(
            $"SELECT marketing || '|' || unsubscribed || '|' || decisions FROM person_consent WHERE person_id = '{person}'"));
        Assert.Equal("consent.given,consent.withdrawn,consent.given", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE person_id = '{person}' AND subject_type = 'consent'"));
    }
}
