using Dapper;
using Npgsql;

namespace Certification.Assessment;

/// <summary>
/// What the platform knows that makes someone partial about a candidate: the trainings they led that the
/// candidate attended or is enrolled on (training and validation are kept apart), and the conflicts they
/// declared. Read at the moment a panel or a reviewer is chosen, so a later enrolment is caught too.
/// </summary>
public sealed class PanelConflicts(NpgsqlDataSource dataSource, IGrainFactory grains, TimeProvider clock)
{
    public const string ReasonRequired = "conflict.reason_required";
    public const string WithdrawalPending = "conflict.withdrawal_pending";

    public async Task<IReadOnlyList<PanelConflict>> ForAsync(Guid candidateId, IReadOnlyCollection<Guid> assessors)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var trained = await connection.QueryAsync<(Guid Assessor, string Title, DateOnly First, DateOnly Last)>(
            """
            SELECT o.trainer_id, o.title, o.first_day, o.last_day
            FROM training_enrolment_projection e JOIN training_order_projection o ON o.id = e.order_id
            WHERE e.person_id = @candidateId AND o.trainer_id = ANY (@assessors) AND (e.status = 1 OR e.attendance_percent > 0)
            ORDER BY o.first_day
            """,
            new { candidateId, assessors = assessors.ToArray() });
        var declared = await connection.QueryAsync<(Guid Assessor, string Reason)>(
            "SELECT assessor_id, reason FROM assessor_conflict WHERE candidate_id = @candidateId AND assessor_id = ANY (@assessors)",
            new { candidateId, assessors = assessors.ToArray() });
        return
        [
            .. trained.Select(t => new PanelConflict(t.Assessor, candidateId, ConflictKind.TrainedCandidate,
                $"prowadził(a) szkolenie „{t.Title}” ({t.First:dd.MM.yyyy}–{t.Last:dd.MM.yyyy}), w którym kandydat(ka) uczestniczy")),
            .. declared.Select(d => new PanelConflict(d.Assessor, candidateId, ConflictKind.Declared, d.Reason)),
        ];
    }

    /// <summary>
    /// Records an assessor's own declaration of a conflict with a candidate; declaring again updates the reason. Where
    /// they already sit on the candidate's panel, each validation is told (<see cref="IAssessmentGrain.DeclareConflictAsync"/>):
    /// before its decision is final they are withdrawn from the panel, after it the declaration goes on its record.
    /// </summary>
    /// <returns>Null when done; <see cref="WithdrawalPending"/> when a validation could not be told (declaring again finishes it).</returns>
    public async Task<string?> DeclareAsync(Guid assessorId, Guid candidateId, string? reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReasonRequired;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO assessor_conflict (assessor_id, candidate_id, reason, declared_at, declared_by)
            VALUES (@assessorId, @candidateId, @reason, @at, @actor)
            ON CONFLICT (assessor_id, candidate_id) DO UPDATE SET reason = excluded.reason, declared_at = excluded.declared_at, declared_by = excluded.declared_by
            """,
            new { assessorId, candidateId, reason = reason.Trim(), at = clock.GetUtcNow().UtcDateTime, actor });

        // The declaration is stored first, so a panel appointed from now on is refused; then the panels already sitting.
        var sessions = await connection.QueryAsync<Guid>(
            "SELECT session_id FROM assessment_projection WHERE person_id = @candidateId AND panel @> ARRAY[@assessorId]::uuid[]",
            new { candidateId, assessorId });
        var pending = false;
        foreach (var session in sessions)
        {
            var validation = grains.Assessment(session, candidateId);
            var result = await validation.DeclareConflictAsync(assessorId, reason, actor);
            if (!result.Succeeded)
            {
                // Someone changed the validation at the same moment: the grain has read it again, so once more is enough.
                result = await validation.DeclareConflictAsync(assessorId, reason, actor);
            }

            pending |= !result.Succeeded;
        }

        return pending ? WithdrawalPending : null;
    }
}
