using System.Net;
using System.Net.Http.Headers;
using Certification.Items;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class ItemBankPagesTests(PortalFixture fixture)
{
    private const string Bank = "CRM-PRK4";

    [Fact]
    public async Task Editing_an_item_adds_a_version_and_retiring_it_keeps_it_out_of_new_tests()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var id = $"T-{Guid.NewGuid():N}"[..20];

        var created = await admin.PostFormAsync("/Items/Edit", Item(id, 0, "Które źródło potwierdza NIP kontrahenta?"));
        var edited = await admin.PostFormAsync($"/Items/Edit/{id}", Item(id, 1, "Które źródło najlepiej potwierdza NIP kontrahenta?"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var item = await fixture.Host.Grains.GetGrain<IItemBankGrain>(Bank).GetAsync(id);
        Assert.Equal([1, 2], item!.Versions.Select(v => v.Version));
        Assert.Equal("Które źródło potwierdza NIP kontrahenta?", item.Versions[0].Content.Stem);
        Assert.Contains("najlepiej potwierdza", await admin.GetStringAsync($"/Items?search={id}"), StringComparison.Ordinal);

        var retired = await admin.PostFormAsync($"/Items/Edit/{id}", new() { ["retired"] = "true" }, $"/Items/Edit/{id}?handler=Retire");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(await fixture.Host.Grains.GetGrain<IItemBankGrain>(Bank).ActiveAsync(), a => a.ItemId == id);
    }

    [Fact]
    public async Task An_item_that_breaks_the_rules_is_refused_with_a_polish_message()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var id = $"T-{Guid.NewGuid():N}"[..20];
        var form = Item(id, 0, "Pytanie z dwoma kluczami");
        form["Form.Options[1].Correct"] = "true";

        var response = await admin.PostFormAsync("/Items/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Zaznacz dokładnie jedną poprawną odpowiedź.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await fixture.Host.Grains.GetGrain<IItemBankGrain>(Bank).GetAsync(id));
    }

    [Fact]
    public async Task The_bank_exported_as_qti_imports_back_without_new_versions_and_a_broken_package_imports_nothing()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var before = (await fixture.Host.Grains.GetGrain<IItemBankGrain>(Bank).AllAsync()).Sum(i => i.Versions.Count);

        var package = await admin.GetByteArrayAsync("/Items?handler=Export");
        var reimport = await UploadAsync(admin, package);
        var broken = await UploadAsync(admin, [1, 2, 3, 4]);

        Assert.Contains("Zaimportowano: 0 nowych pytań, 0 nowych wersji.", reimport, StringComparison.Ordinal);
        Assert.Contains("Nic nie zaimportowano", broken, StringComparison.Ordinal);
        Assert.Contains("To nie jest paczka ZIP.", broken, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Host.Grains.GetGrain<IItemBankGrain>(Bank).AllAsync()).Sum(i => i.Versions.Count));
    }

    [Fact]
    public async Task The_item_pages_are_for_training_administrators_only()
    {
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate));

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync("/Items")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync("/Items?handler=Export")).StatusCode);
    }

    private static Dictionary<string, string> Item(string id, int version, string stem) => new()
    {
        ["Form.Id"] = id,
        ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Criterion"] = "1.1.2",
        ["Form.Kind"] = nameof(ItemKind.SingleChoice),
        ["Form.Stem"] = stem,
        ["Form.Options[0].Id"] = "a",
        ["Form.Options[0].Text"] = "Biała lista podatników VAT",
        ["Form.Options[0].Correct"] = "true",
        ["Form.Options[1].Id"] = "b",
        ["Form.Options[1].Text"] = "Stopka e-maila klienta",
        ["Form.Options[2].Id"] = "c",
        ["Form.Options[2].Text"] = "Wyszukiwarka internetowa",
    };

    private static async Task<string> UploadAsync(HttpClient client, byte[] package)
    {
        var page = await client.GetStringAsync("/Items/Import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "package", "bank.zip");
        form.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        var response = await client.PostAsync("/Items/Import", form);
        return await response.Content.ReadAsStringAsync();
    }
}
