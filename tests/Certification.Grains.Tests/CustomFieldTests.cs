using Certification.Common;
using Certification.CustomFields;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomFieldTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(CustomFieldType.Number, "1 250,5", "1250.5", null)]
    [InlineData(CustomFieldType.Number, "dużo", null, CustomFieldRules.NotANumber)]
    [InlineData(CustomFieldType.Date, "23.11.2026", "2026-11-23", null)]
    [InlineData(CustomFieldType.Date, "2026-02-30", null, CustomFieldRules.NotADate)]
    [InlineData(CustomFieldType.Choice, "KALISKI", "kaliski", null)]
    [InlineData(CustomFieldType.Choice, "gnieźnieński", null, CustomFieldRules.NotAChoice)]
    [InlineData(CustomFieldType.YesNo, "Tak", "true", null)]
    [InlineData(CustomFieldType.YesNo, "może", null, CustomFieldRules.NotYesNo)]
    [InlineData(CustomFieldType.Text, "  Zażółć  ", "Zażółć", null)]
    public void Values_are_stored_in_one_form_whatever_way_they_were_typed(CustomFieldType type, string input, string? stored, string? error)
    {
        var field = new CustomFieldDefinition(Guid.NewGuid(), CustomFieldEntity.Person, "Pole", type, ["poznański", "kaliski"], false, false);

        Assert.Equal((stored, error), CustomFieldRules.Normalize(field, input));
    }

    [Fact]
    public async Task Values_are_checked_all_together_and_nothing_changes_unless_all_pass()
    {
        var setup = fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);
        var county = new CustomFieldDefinition(Guid.NewGuid(), CustomFieldEntity.Client, "Powiat", CustomFieldType.Choice, ["poznański", "kaliski"], true, true);
        var residents = new CustomFieldDefinition(Guid.NewGuid(), CustomFieldEntity.Client, "Liczba mieszkańców", CustomFieldType.Number, [], false, false);
        Assert.Equal(CustomFieldRules.ChoicesRequired, Assert.Single((await setup.SaveAsync(county with { Choices = ["jeden"] })).Errors).Code);
        Assert.True((await setup.SaveAsync(county)).Succeeded);
        Assert.True((await setup.SaveAsync(residents)).Succeeded);
        Assert.Equal(CustomFieldSetupGrain.EntityFixed, Assert.Single((await setup.SaveAsync(county with { Entity = CustomFieldEntity.Person })).Errors).Code);
        var client = Guid.NewGuid();
        var values = fixture.Grains.GetGrain<ICustomValuesGrain>(client);

        var missing = await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [residents.Id] = "12 000" });
        var wrong = await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [county.Id] = "kaliski", [residents.Id] = "wiele" });

        Assert.Equal((county.Id.ToString(), ErrorCodes.Required), (Assert.Single(missing.Errors).Field, missing.Errors[0].Code));
        Assert.Equal(CustomFieldRules.NotANumber, Assert.Single(wrong.Errors).Code);
        Assert.Empty(await values.GetAsync());
        Assert.True((await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [county.Id] = "Kaliski", [residents.Id] = "12 000" })).Succeeded);
        Assert.Equal("12000|kaliski", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(value, '|' ORDER BY value) FROM custom_value WHERE entity_id = '{client}'"));
    }
}
