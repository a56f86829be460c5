using Npgsql;
using NpgsqlTypes;

namespace Certification.Items;

/// <summary>The rows the item list and search read: one per item, its current version, as the bank grain last wrote it.</summary>
public sealed class ItemProjection(NpgsqlDataSource dataSource)
{
    public async Task ReplaceAsync(string qualification, IReadOnlyList<BankItem> items)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand("DELETE FROM item_projection WHERE qualification = @q", connection, transaction))
        {
            delete.Parameters.AddWithValue("q", qualification);
            await delete.ExecuteNonQueryAsync();
        }

        // One COPY for the whole bank: a few hundred rows in a single round trip.
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY item_projection (qualification, id, version, outcome, criterion, kind, stem, retired, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var item in items)
            {
                var current = item.Latest();
                await writer.StartRowAsync();
                await writer.WriteAsync(qualification, NpgsqlDbType.Text);
                await writer.WriteAsync(item.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(current.Version, NpgsqlDbType.Integer);
                await writer.WriteAsync(current.Content.Outcome, NpgsqlDbType.Text);
                await writer.WriteAsync(current.Content.Criterion, NpgsqlDbType.Text);
                await writer.WriteAsync((short)current.Content.Kind, NpgsqlDbType.Smallint);
                await writer.WriteAsync(current.Content.Stem, NpgsqlDbType.Text);
                await writer.WriteAsync(item.Retired, NpgsqlDbType.Boolean);
                await writer.WriteAsync(current.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
    }
}
