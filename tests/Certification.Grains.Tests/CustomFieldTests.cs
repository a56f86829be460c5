using System.Collections.Immutable;
using System.Text;
using Certification.Common;
using Certification.Crm;
using Certification.Crm.Import;
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

        var missing = await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [residents.Id] = "12 000" }, ClientScope.All);
        var wrong = await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [county.Id] = "kaliski", [residents.Id] = "wiele" }, ClientScope.All);

        Assert.Equal((county.Id.ToString(), ErrorCodes.Required), (Assert.Single(missing.Errors).Field, missing.Errors[0].Code));
        Assert.Equal(CustomFieldRules.NotANumber, Assert.Single(wrong.Errors).Code);
        Assert.Empty(await values.GetAsync());
        Assert.True((await values.SetAsync(CustomFieldEntity.Client, new Dictionary<Guid, string?> { [county.Id] = "Kaliski", [residents.Id] = "12 000" }, ClientScope.All)).Succeeded);
        Assert.Equal("12000|kaliski", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(value, '|' ORDER BY value) FROM custom_value WHERE entity_id = '{client}'"));
    }

    [Fact]
    public void A_form_s_values_are_checked_together_each_with_its_own_error()
    {
        var residents = Field(CustomFieldType.Number, required: true);
        var since = Field(CustomFieldType.Date);
        var county = Field(CustomFieldType.Choice) with { Choices = ["poznański", "kaliski"] };
        var member = Field(CustomFieldType.YesNo);
        var note = Field(CustomFieldType.Text);
        CustomFieldDefinition[] fields = [residents, since, county, member, note];

        var (_, errors) = CustomFieldRules.CheckValues(fields, new Dictionary<Guid, string?>
        {
            [since.Id] = "30.02.2026", [county.Id] = "gnieźnieński", [member.Id] = "może", [note.Id] = new string('x', 501), [Guid.Empty] = "?",
        });
        var (stored, none) = CustomFieldRules.CheckValues(fields, new Dictionary<Guid, string?>
        {
            [residents.Id] = "12 000", [since.Id] = "", [county.Id] = "Kaliski", [member.Id] = "nie",
        });

        Assert.Equal(
            [
                (Guid.Empty.ToString(), CustomFieldRules.UnknownField), (residents.Id.ToString(), ErrorCodes.Required),
                (since.Id.ToString(), CustomFieldRules.NotADate), (county.Id.ToString(), CustomFieldRules.NotAChoice),
                (member.Id.ToString(), CustomFieldRules.NotYesNo), (note.Id.ToString(), ErrorCodes.TooLong),
            ],
            errors.Select(e => (e.Field, e.Code)));
        Assert.Empty(none);
        Assert.Equal(new Dictionary<Guid, string> { [residents.Id] = "12000", [county.Id] = "kaliski", [member.Id] = "false" }, stored);
    }

    [Fact]
    public void A_required_person_field_is_always_in_the_extranet_and_a_client_field_never()
    {
        Assert.False(CustomFieldRules.InExtranet(Field(CustomFieldType.Text)));
        Assert.True(CustomFieldRules.InExtranet(Field(CustomFieldType.Text) with { ShowInExtranet = true }));
        Assert.True(CustomFieldRules.InExtranet(Field(CustomFieldType.Text, required: true)));
        Assert.False(CustomFieldRules.InExtranet(Field(CustomFieldType.Text, required: true) with { Active = false }));
        Assert.False(CustomFieldRules.InExtranet(Field(CustomFieldType.Text, required: true) with { Entity = CustomFieldEntity.Client, ShowInExtranet = true }));
    }

    [Fact]
    public async Task A_field_s_name_is_unique_among_its_record_s_fields_and_import_columns()
    {
        var setup = fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);
        var name = $"Numer legitymacji {Guid.NewGuid():N}"[..30];
        var first = Field(CustomFieldType.Text) with { Name = name };
        Assert.True((await setup.SaveAsync(first)).Succeeded);

        var again = await setup.SaveAsync(Field(CustomFieldType.Text) with { Name = name.ToUpperInvariant() });
        var column = await setup.SaveAsync(Field(CustomFieldType.Text) with { Name = "e-mail" });

        Assert.Equal(CustomFieldSetupGrain.NameTaken, Assert.Single(again.Errors).Code);
        Assert.Equal(CustomFieldSetupGrain.NameTaken, Assert.Single(column.Errors).Code);
        Assert.True((await setup.SaveAsync(Field(CustomFieldType.Text) with { Name = name, Entity = CustomFieldEntity.Client, Active = false })).Succeeded);
        Assert.True((await setup.SaveAsync(first with { Type = CustomFieldType.Number })).Succeeded);
    }

    [Fact]
    public async Task A_partner_administrator_fills_only_their_people_s_extranet_fields_and_the_office_s_stay()
    {
        var setup = fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);
        var shared = Field(CustomFieldType.Text) with { ShowInExtranet = true };
        var office = Field(CustomFieldType.Text);
        Assert.True((await setup.SaveAsync(shared)).Succeeded);
        Assert.True((await setup.SaveAsync(office)).Succeeded);
        var (ours, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(ours).CreateAsync(Samples.Client())).Succeeded);
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(theirs).CreateAsync(Samples.Client())).Succeeded);
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(ours))).Succeeded);
        var values = fixture.Grains.GetGrain<ICustomValuesGrain>(person);
        Assert.True((await values.SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [shared.Id] = "od biura", [office.Id] = "tylko biuro" }, ClientScope.All)).Succeeded);

        var stranger = await values.SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [shared.Id] = "obcy" }, ClientScope.Partner(theirs));
        var hidden = await values.SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [office.Id] = "zmiana" }, ClientScope.Partner(ours));
        var partner = await values.SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [shared.Id] = "od partnera" }, ClientScope.Partner(ours));

        Assert.Equal(CustomValuesGrain.OutOfScope, Assert.Single(stranger.Errors).Code);
        Assert.Equal((office.Id.ToString(), CustomFieldRules.UnknownField), (Assert.Single(hidden.Errors).Field, hidden.Errors[0].Code));
        Assert.True(partner.Succeeded);
        var stored = await values.GetAsync();
        Assert.Equal("od partnera", stored[shared.Id]);
        Assert.Equal("tylko biuro", stored[office.Id]);
    }

    [Fact]
    public void A_file_s_custom_columns_are_read_by_the_field_s_name_and_a_required_one_must_be_there()
    {
        var grade = Field(CustomFieldType.Number, required: true) with { Name = "Stopień awansu" };
        var columns = ImportColumns.With(ImportKind.People, [grade]);
        var present = "Imię;Nazwisko;stopień AWANSU\nJan;Nowak;3\n";
        var without = "Imię;Nazwisko\nJan;Nowak\n";

        var read = ImportFile.Read(columns, "osoby.csv", new MemoryStream(Encoding.UTF8.GetBytes(present)));
        var missing = ImportFile.Read(columns, "osoby.csv", new MemoryStream(Encoding.UTF8.GetBytes(without)));

        Assert.Null(read.ErrorCode);
        Assert.Equal("Jan|Nowak|||||||3", string.Join('|', Assert.Single(read.Rows).Values));
        Assert.Equal((ImportFile.MissingColumns, "Stopień awansu"), (missing.ErrorCode, missing.Detail));
    }

    [Fact]
    public async Task An_import_reports_a_bad_custom_value_on_its_row_and_a_clean_one_stores_the_values_once()
    {
        var setup = fixture.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key);
        var grade = Field(CustomFieldType.Number, required: true) with { Name = $"Stopień {Guid.NewGuid():N}"[..20] };
        Assert.True((await setup.SaveAsync(grade)).Succeeded);
        try
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            ImmutableArray<ImportCustomColumn> columns = [new(grade.Id, grade.Name)];
            ImportSourceRow Row(int line, string value) => new(line, [$"Jan{line}", $"Importowany{tag}", $"j{line}.{tag}@test.pl", "", "", "", "", "", value]);

            var bad = await fixture.Grains.GetGrain<IImportBatchGrain>(Guid.NewGuid())
                .PrepareAsync(ImportKind.People, "osoby.csv", columns, [Row(2, "3"), Row(3, "trzy"), Row(4, "")], "szkolenia@test.pl");
            var batchId = Guid.NewGuid();
            var good = fixture.Grains.GetGrain<IImportBatchGrain>(batchId);
            var prepared = await good.PrepareAsync(ImportKind.People, "osoby.csv", columns, [Row(2, "3"), Row(3, "1,5")], "szkolenia@test.pl");

            Assert.False(bad.CanCommit);
            Assert.Empty(bad.Rows[0].Problems);
            Assert.Equal(new ImportProblem(grade.Id.ToString(), CustomFieldRules.NotANumber), Assert.Single(bad.Rows[1].Problems));
            Assert.Equal(new ImportProblem(grade.Id.ToString(), ErrorCodes.Required), Assert.Single(bad.Rows[2].Problems));
            Assert.True(prepared.CanCommit);

            // What a crash after the first row leaves: its person and values stored, and the office has changed the value since.
            var first = ImportBatchGrain.EntityId(batchId, 2);
            Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(first).CreateAsync(prepared.Rows[0].Person!)).Succeeded);
            Assert.True((await fixture.Grains.GetGrain<ICustomValuesGrain>(first).SetAsync(CustomFieldEntity.Person, new Dictionary<Guid, string?> { [grade.Id] = "4" }, ClientScope.All)).Succeeded);
            var committed = await good.CommitAsync("szkolenia@test.pl");

            Assert.Equal((ImportStatus.Committed, 2), (committed.Status, committed.Created));
            Assert.Equal("4", (await fixture.Grains.GetGrain<ICustomValuesGrain>(first).GetAsync())[grade.Id]);
            Assert.Equal("1.5", (await fixture.Grains.GetGrain<ICustomValuesGrain>(ImportBatchGrain.EntityId(batchId, 3)).GetAsync())[grade.Id]);
        }
        finally
        {
            // The field is required: left in use, it would fail every later test that imports people.
            Assert.True((await setup.SaveAsync(grade with { Active = false })).Succeeded);
        }
    }

    [Fact]
    public void A_batch_s_custom_columns_and_values_survive_its_stored_json()
    {
        var field = Guid.NewGuid();
        var state = new ImportBatchState
        {
            CustomColumns = [new ImportCustomColumn(field, "Stopień")],
            Rows = [new ImportRowResult(2, ["Jan", "Nowak", "3"], null, null, [], new Dictionary<Guid, string> { [field] = "3" })],
        };
        var serializer = new Certification.Infrastructure.JsonStateSerializer();

        var stored = serializer.Deserialize<ImportBatchState>(serializer.Serialize(state));

        Assert.Equal(state.CustomColumns.ToArray(), stored.CustomColumns.ToArray());
        Assert.Equal("3", stored.Rows[0].Custom![field]);
    }

    private static CustomFieldDefinition Field(CustomFieldType type, bool required = false) =>
        new(Guid.NewGuid(), CustomFieldEntity.Person, $"Pole {Guid.NewGuid():N}"[..20], type, [], required, false);
}
