using System.Collections.Immutable;
using System.Text;
using Certification.Crm;
using Certification.Crm.Import;
using Certification.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ImportBatchGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_commit_interrupted_after_some_rows_is_finished_by_committing_again_without_duplicates()
    {
        var (nip, u) = await ClientAsync();
        var batchId = Guid.NewGuid();
        var batch = fixture.Grains.GetGrain<IImportBatchGrain>(batchId);
        var prepared = await batch.PrepareAsync(ImportKind.People, "osoby.csv", [], PeopleRows(nip, u, 3), "szkolenia@test.pl");
        Assert.True(prepared.CanCommit);

        // What a crash half-way through the first commit leaves behind: the second row's person exists, under its derived id.
        var second = prepared.Rows[1];
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(ImportBatchGrain.EntityId(batchId, second.Line)).CreateAsync(second.Person!)).Succeeded);

        var committed = await batch.CommitAsync("szkolenia@test.pl");
        var again = await batch.CommitAsync("ktos-inny@test.pl");

        Assert.Equal(ImportStatus.Committed, committed.Status);
        Assert.Equal(3, committed.Created);
        Assert.Equal(3, again.Created);
        Assert.Equal("szkolenia@test.pl", again.CommittedBy);
        Assert.Equal(3L, await PeopleAsync(u));
        foreach (var row in committed.Rows)
        {
            var person = await fixture.Grains.GetGrain<IPersonGrain>(ImportBatchGrain.EntityId(batchId, row.Line)).GetAsync();
            Assert.Equal(row.Person!.Email, person!.Details.Email);
        }

        Assert.Equal(3, await fixture.Database.ScalarAsync<int>($"SELECT created FROM import_batch WHERE id = '{batchId}' AND status = 3"));
    }

    [Fact]
    public async Task A_duplicate_added_between_preview_and_commit_stops_the_commit_and_is_shown()
    {
        var (nip, u) = await ClientAsync();
        var batch = fixture.Grains.GetGrain<IImportBatchGrain>(Guid.NewGuid());
        var prepared = await batch.PrepareAsync(ImportKind.People, "osoby.csv", [], PeopleRows(nip, u, 2), "szkolenia@test.pl");
        Assert.True(prepared.CanCommit);
        await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(prepared.Rows[1].Person! with { FirstName = "Ręcznie" });

        var result = await batch.CommitAsync("szkolenia@test.pl");

        Assert.Equal(ImportStatus.Prepared, result.Status);
        Assert.False(result.CanCommit);
        Assert.Empty(result.Rows[0].Problems);
        Assert.Contains(new ImportProblem("Email", ImportValidation.EmailTaken), result.Rows[1].Problems);
        Assert.Equal(1L, await PeopleAsync(u));
    }

    [Fact]
    public void A_comma_separated_csv_with_english_headers_and_quotes_is_read_with_its_row_numbers()
    {
        var csv = "\uFEFFLast name,First name,Position\r\n\"Nowak, junior\",Jan,\"Kierownik\r\nreferatu\"\r\n\r\nKowalska,Ewa,\r\n";

        var read = ImportFile.Read(ImportKind.People, "people.CSV", new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Null(read.ErrorCode);
        Assert.Equal([2, 5], read.Rows.Select(r => r.Line));
        Assert.Equal("Jan|Nowak, junior|||||", string.Join('|', read.Rows[0].Values[..7]));
        Assert.Equal("Kierownik\r\nreferatu", read.Rows[0].Values[7]);
        Assert.Equal("Kowalska", read.Rows[1].Values[1]);
    }

    [Fact]
    public async Task A_batch_survives_the_round_trip_through_its_stored_json()
    {
        var (nip, u) = await ClientAsync();
        var view = await fixture.Grains.GetGrain<IImportBatchGrain>(Guid.NewGuid())
            .PrepareAsync(ImportKind.People, "osoby.csv", [], [.. PeopleRows(nip, u, 2), new ImportSourceRow(4, ["Jan", "", "zły", "", "", "", "", ""])], "szkolenia@test.pl");
        var state = new ImportBatchState
        {
            Kind = view.Kind,
            FileName = view.FileName,
            Status = view.Status,
            Source = PeopleRows(nip, u, 2),
            Rows = view.Rows,
            ImportedBy = view.ImportedBy,
            PreparedAt = view.PreparedAt,
        };
        var serializer = new JsonStateSerializer();

        var stored = serializer.Deserialize<ImportBatchState>(serializer.Serialize(state));

        Assert.Equal(state.Source.Select(r => string.Join('|', r.Values)), stored.Source.Select(r => string.Join('|', r.Values)));
        Assert.Equal(view.Rows[0].Person, stored.Rows[0].Person);
        Assert.Equal(view.Rows[2].Problems.ToArray(), stored.Rows[2].Problems.ToArray());
        Assert.Equal(state.PreparedAt, stored.PreparedAt);
    }

    [Fact]
    public async Task A_batch_books_the_erasure_of_its_rows_and_afterwards_keeps_only_what_the_import_did()
    {
        var (nip, u) = await ClientAsync();
        var batchId = Guid.NewGuid();
        var batch = fixture.Grains.GetGrain<IImportBatchGrain>(batchId);
        var prepared = await batch.PrepareAsync(ImportKind.People, "osoby.csv", [], PeopleRows(nip, u, 2), "szkolenia@test.pl");
        await batch.CommitAsync("szkolenia@test.pl");

        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var booked = await reminders.ReadRow(batch.GetGrainId(), "erase-rows") ?? throw new InvalidOperationException("no erasure booked");
        Assert.InRange(booked.StartAt, (prepared.PreparedAt + ImportBatchGrain.Retention).UtcDateTime.AddMinutes(-1), (prepared.PreparedAt + ImportBatchGrain.Retention).UtcDateTime.AddMinutes(1));

        // What the reminder service does when the retention ends.
        await batch.AsReference<IRemindable>().ReceiveReminder("erase-rows", default);

        var erased = (await batch.GetAsync())!;
        Assert.NotNull(erased.ErasedAt);
        Assert.False(erased.CanCommit);
        Assert.Equal((ImportStatus.Committed, 2, 2), (erased.Status, erased.Created, erased.Rows.Length));
        Assert.All(erased.Rows, r => Assert.True(r.Values.IsEmpty && r.Person is null));
        Assert.Null(await reminders.ReadRow(batch.GetGrainId(), "erase-rows"));
        var key = batchId.ToByteArray();
        var stored = await fixture.Database.ScalarAsync<byte[]>(
            $"SELECT payloadbinary FROM orleansstorage WHERE graintypestring = 'import-batch' AND grainidn0 = {BitConverter.ToInt64(key, 0)} AND grainidn1 = {BitConverter.ToInt64(key, 8)}");
        Assert.DoesNotContain(u, Encoding.UTF8.GetString(stored!), StringComparison.Ordinal);
        Assert.Equal(2L, await PeopleAsync(u));
    }

    [Theory]
    [InlineData("Łukasz", "Wróbel", "lukasz wrobel")]
    [InlineData("  ŁUKASZ ", " WRÓBEL-Źdźbło", "lukasz wrobel-zdzblo")]
    public void Names_are_compared_without_case_diacritics_or_extra_spaces(string first, string last, string key) =>
        Assert.Equal(key, ImportValidation.NameKey(first, last));

    private async Task<(string Nip, string Token)> ClientAsync()
    {
        var nip = Samples.UniqueNip();
        Assert.True((await fixture.Grains.GetGrain<IClientGrain>(Guid.NewGuid()).CreateAsync(Samples.Client(nip: nip))).Succeeded);
        return (nip, Guid.NewGuid().ToString("N")[..10]);
    }

    private static ImmutableArray<ImportSourceRow> PeopleRows(string nip, string token, int count) =>
        [.. Enumerable.Range(2, count).Select(line => new ImportSourceRow(line, [$"Osoba{line}", $"Importowana{token}", $"o{line}-{token}@test.pl", "", "", nip, "", ""]))];

    private Task<long> PeopleAsync(string token) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE email LIKE '%-{token}@test.pl'");
}
