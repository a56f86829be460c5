using System.Data;
using Certification.Mail;
using Npgsql;

namespace Certification.Portal.Mail;

/// <summary>
/// Wakes the sender as soon as mail is enqueued anywhere — this process, a silo, another portal — by
/// listening on the outbox's PostgreSQL channel on a connection of its own.
/// </summary>
internal sealed class MailOutboxListener(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>
    /// Listens, on a new connection if the last one broke. Called before looking for due mail, so a
    /// message enqueued while the sender looks is announced to the wait that follows.
    /// </summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        if (_connection?.FullState == ConnectionState.Open)
        {
            return;
        }

        await DisposeAsync();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {MailOutbox.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        _connection = connection;
    }

    /// <summary>Returns when mail is enqueued or <paramref name="timeout"/> has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        (_connection ?? throw new InvalidOperationException("Not listening.")).WaitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
