using System.Net;
using System.Text.RegularExpressions;
using Certification.Consents;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;

namespace Certification.Portal.Tests;

/// <summary>Custom fields: defined by the office, filled on a record, shown on the list, searched, and used to choose whom to invite.</summary>
[Collection(PortalCollection.Name)]
public sealed class CustomFieldPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_field_is_defined_filled_searched_shown_on_the_list_and_used_in_a_segment()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var name = $"Rola w projekcie {Guid.NewGuid():N}"[..30];
        var defined = await admin.PostFormAsync("/Crm/Fields", new()
        {
            ["Form.Name"] = name,
            ["Form.Entity"] = nameof(CustomFieldEntity.Person),
            ["Form.Type"] = nameof(CustomFieldType.Choice),
            ["Form.Choices"] = "koordynator\nuczestnik",
            ["Form.ShowOnLists"] = "true",
            ["Form.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, defined.StatusCode);
        var field = (await fixture.Host.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync()).Single(f => f.Name == name);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (coordinator, participant) = (await PersonAsync($"Koordynatorska{tag}"), await PersonAsync($"Uczestniczka{tag}"));
        await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(coordinator).RecordAsync(ConsentPurpose.Marketing, true, "formularz", "office");

        var values = $"/Crm/Fields/Values/Person/{coordinator}";
        var bad = await admin.PostFormAsync(values, new() { [$"Values[{field.Id}]"] = "szef" });
        Assert.Contains("Wybierz jedną z wartości z listy.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(values, new() { [$"Values[{field.Id}]"] = "koordynator" })).StatusCode);
        await admin.PostFormAsync($"/Crm/Fields/Values/Person/{participant}", new() { [$"Values[{field.Id}]"] = "uczestnik" });

        Assert.Contains("koordynator", await admin.GetStringAsync($"/Crm/People/Details/{coordinator}"), StringComparison.Ordinal);
        var list = await admin.GetStringAsync($"/Crm/People?search={tag}&field={field.Id}&fieldValue=KOORDYNATOR");
        Assert.Contains($"Koordynatorska{tag}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"Uczestniczka{tag}", list, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<th>{Regex.Escape(name)}</th>"), WebUtility.HtmlDecode(list));

        var order = await OrderAsync();
        var invite = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Training/Orders/Invite/{order}?field={field.Id}&fieldValue=koordynator"));
        Assert.Contains($"Koordynatorska{tag}", invite, StringComparison.Ordinal);
        Assert.DoesNotContain($"Uczestniczka{tag}", invite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_training_administrators_define_and_fill_custom_fields()
    {
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.ExamOperator));

        foreach (var path in new[] { "/Crm/Fields", $"/Crm/Fields/Values/Person/{Guid.NewGuid()}" })
        {
            var response = await partner.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private async Task<Guid> PersonAsync(string lastName)
    {
        var id = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(new PersonDetails("Ewa", lastName, $"{id:N}@example.pl", null, null, null, null, null));
        return id;
    }

    private async Task<Guid> OrderAsync()
    {
        var location = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "Poznań"));
        var id = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(id).CreateAsync(OrderTypes.DefaultId, new OrderDetails(
            "Warsztaty dla koordynatorów", null, [new(new DateOnly(2026, 12, 20), new TimeOnly(9, 0), new TimeOnly(12, 0))], location, null, 0m, 10, OrderVisibility.Public, []), "office");
        return id;
    }
}
