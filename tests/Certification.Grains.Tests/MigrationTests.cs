using Certification.Infrastructure;
using Certification.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Certification.Grains.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_are_applied_once_and_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var migrator = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance);

        await migrator.MigrateAsync();
        await migrator.MigrateAsync();

        var expected = string.Join(",", DatabaseMigrator.Embedded.Select(m => m.Version));
        Assert.Equal(expected, await database.ScalarAsync<string>("SELECT string_agg(version::text, ',' ORDER BY applied_at, version) FROM schema_migration"));
        Assert.Equal([1, 2, 3], DatabaseMigrator.Embedded.Select(m => m.Version).Take(3));
    }

    [Fact]
    public async Task Orleans_providers_find_every_query_they_need()
    {
        await using var database = await TestDatabase.CreateAsync();

        var keys = await database.ScalarAsync<string>("SELECT string_agg(querykey, ',' ORDER BY querykey) FROM orleansquery");

        foreach (var key in new[] { "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "InsertMembershipKey", "GatewaysQueryKey", "UpsertReminderRowKey", "ReadRangeRows1Key" })
        {
            Assert.Contains(key, keys!.Split(','));
        }
    }

    [Fact]
    public async Task A_failing_migration_stops_with_its_name_and_leaves_nothing_half_done()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        Migration[] migrations =
        [
            new(1, "good", "CREATE TABLE first_table (id int)"),
            new(2, "broken", "CREATE TABLE second_table (id int); SELECT * FROM no_such_table"),
            new(3, "later", "CREATE TABLE third_table (id int)"),
        ];
        var migrator = new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance, migrations);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => migrator.MigrateAsync());

        Assert.Contains("0002_broken.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", await database.ScalarAsync<string>("SELECT string_agg(version::text, ',') FROM schema_migration"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('second_table', 'third_table')"));
    }
}
