using Npgsql;

namespace Certification.Crm;

/// <summary>
/// What a merge of two people needs to know or change outside the person grains: exam records that keep a
/// person where they are, the training orders a person appears in, and the sign-in accounts that act as them.
/// </summary>
public sealed class PersonMergeDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Whether the person is on an exam session's roster or has a theory-test attempt (someone taken off a roster
    /// after their test was drawn still has one). Attempts are keyed by session and person, so each session's key is
    /// looked up by the primary key instead of scanning every answer ever given.
    /// </summary>
    public async Task<bool> HasExamRecordsAsync(Guid person)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT EXISTS (SELECT 1 FROM exam_roster_projection WHERE person_id = $1)
                OR EXISTS (SELECT 1 FROM exam_session_projection s JOIN attempt_event a
                           ON a.attempt = replace(s.id::text, '-', '') || ':' || replace($1::text, '-', ''))
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = person });
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>The training orders that name the person: enrolled, invited, certified or as the trainer.</summary>
    public async Task<IReadOnlyList<Guid>> OrdersOfAsync(Guid person)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT order_id FROM training_enrolment_projection WHERE person_id = $1
            UNION SELECT order_id FROM training_certificate WHERE person_id = $1
            UNION SELECT subject_id FROM contact_event WHERE person_id = $1 AND subject_type = 'training_order'
            UNION SELECT id FROM training_order_projection WHERE trainer_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = person });
        var orders = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            orders.Add(reader.GetGuid(0));
        }

        return orders;
    }

    /// <summary>
    /// Makes the accounts that act as <paramref name="from"/> act as <paramref name="to"/>. The new security stamp
    /// ends their sessions, whose cookies still name the old person.
    /// </summary>
    public async Task<int> MoveAccountsAsync(Guid from, Guid to)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE user_account SET person_id = $2, security_stamp = gen_random_uuid(), updated_at = now() WHERE person_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = to });
        return await command.ExecuteNonQueryAsync();
    }
}
