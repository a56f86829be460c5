using Certification.Common;
using Npgsql;
using NpgsqlTypes;

namespace Certification.Crm;

public enum ContactNoteKind
{
    Call = 1,
    Meeting = 2,
    Note = 3,
}

/// <summary>A call, meeting or note about a person or a client, as the office records it.</summary>
/// <param name="Id">Chosen when the form is shown, so posting it twice records one note.</param>
/// <param name="ClientId">For a person, their client at the time: the note is then in the client's history too.</param>
public sealed record ContactNote(Guid Id, ContactNoteKind Kind, DateTimeOffset At, Guid? PersonId, Guid? ClientId, string Text, string Author);

/// <summary>The rules of a note: it says something, about someone, and what happened has happened.</summary>
public static class ContactNoteRules
{
    public const string InFuture = "note.future";
    public const int MaxLength = 4000;

    /// <summary>A note a few minutes ahead is a clock that runs fast, not a plan.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    public static (ContactNote Normalized, List<FieldError> Errors) Check(ContactNote note, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var text = FieldRules.Text(errors, "Text", note.Text, MaxLength) ?? string.Empty;
        if (!Enum.IsDefined(note.Kind))
        {
            errors.Add(new FieldError("Kind", ErrorCodes.Required));
        }

        if (note.At > now + ClockSlack)
        {
            errors.Add(new FieldError("At", InFuture));
        }

        if (note.PersonId is null && note.ClientId is null)
        {
            throw new ArgumentException("A note is about a person or a client.", nameof(note));
        }

        return (note with { Text = text }, errors);
    }
}

/// <summary>
/// Where notes are kept. A note is written once and never changed, so it needs no grain: its row in
/// <c>contact_note</c> is the record, read with the rest of the contact history.
/// </summary>
public sealed class ContactNotes(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The person or client is outside the caller's <see cref="ClientScope"/>.</summary>
    public const string OutOfScope = "note.out_of_scope";

    /// <summary>Records the note if <paramref name="scope"/> reaches whom it is about: a client of the scope, or a person working at one now.</summary>
    public async Task<CommandResult> AddAsync(ContactNote note, ClientScope scope)
    {
        if (!await ReachesAsync(note, scope))
        {
            return CommandResult.Rejected("Id", OutOfScope);
        }

        var (normalized, errors) = ContactNoteRules.Check(note, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO contact_note (id, kind, at, person_id, client_id, text, author, created_at)
            VALUES (@id, @kind, @at, @person, @client, @text, @author, @created)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", normalized.Id);
        command.Parameters.AddWithValue("kind", normalized.Kind.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("at", normalized.At.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("person", NpgsqlDbType.Uuid) { TypedValue = normalized.PersonId });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("client", NpgsqlDbType.Uuid) { TypedValue = normalized.ClientId });
        command.Parameters.AddWithValue("text", normalized.Text);
        command.Parameters.AddWithValue("author", normalized.Author);
        command.Parameters.AddWithValue("created", clock.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync();
        return CommandResult.Ok(1);
    }

    private async Task<bool> ReachesAsync(ContactNote note, ClientScope scope)
    {
        if (scope.IsAll)
        {
            return true;
        }

        if (note.PersonId is not { } person)
        {
            return scope.Includes(note.ClientId);
        }

        await using var command = dataSource.CreateCommand("SELECT client_id FROM person_projection WHERE id = @person");
        command.Parameters.AddWithValue("person", person);
        return await command.ExecuteScalarAsync() is Guid current && scope.Includes(current) && (note.ClientId is null || scope.Includes(note.ClientId));
    }
}
