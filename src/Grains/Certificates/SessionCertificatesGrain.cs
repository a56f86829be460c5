using Certification.Exams;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Certification.Certificates;

public sealed class SessionCertificatesGrain(
    NpgsqlDataSource dataSource, [FromKeyedServices(ExamClock.Key)] TimeProvider clock, ILogger<SessionCertificatesGrain> logger)
    : Grain, ISessionCertificatesGrain
{
    private BulkIssueProgress _progress = BulkIssueProgress.None;

    public async Task<BulkIssueProgress> StartAsync(string actor)
    {
        if (_progress.Running)
        {
            return _progress;
        }

        var session = this.GetPrimaryKey();
        await using var connection = await dataSource.OpenConnectionAsync();
        var missing = (await connection.QueryAsync<Guid>(
            """
            SELECT a.person_id FROM assessment_projection a
            WHERE a.session_id = @session AND a.decision = @positive
              AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.session_id = a.session_id AND c.person_id = a.person_id)
            ORDER BY a.person_id
            """,
            new { session, positive = (int)Assessment.DecisionOutcome.Positive })).ToList();
        _progress = new BulkIssueProgress(missing.Count > 0, missing.Count, 0, 0, [], clock.GetUtcNow(), missing.Count > 0 ? null : clock.GetUtcNow());
        if (missing.Count > 0)
        {
            // The run goes on in this activation's turns between the progress requests; nothing idles it away meanwhile,
            // and the finished figures stay for the office to read.
            DelayDeactivation(TimeSpan.FromHours(1));
            _ = RunAsync(session, missing, actor);
        }

        return _progress;
    }

    public Task<BulkIssueProgress> GetProgressAsync() => Task.FromResult(_progress);

    private async Task RunAsync(Guid session, List<Guid> candidates, string actor)
    {
        var issuer = GrainFactory.CertificateIssuer();
        var failed = new List<BulkIssueFailure>();
        var issued = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            try
            {
                var outcome = await issuer.IssueForValidationAsync(session, candidates[i], actor);
                if (outcome.Issued)
                {
                    issued++;
                }
                else
                {
                    failed.Add(new BulkIssueFailure(candidates[i], outcome.Refusal!));
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // One validation that cannot be issued now must not stop the others; the office sees it and starts again.
                logger.LogError(error, "Bulk issue of session {Session}: the certificate of {Candidate} failed", session, candidates[i]);
                failed.Add(new BulkIssueFailure(candidates[i], error.GetType().Name));
            }

            var done = i + 1 == candidates.Count;
            _progress = _progress with { Done = i + 1, Issued = issued, Failed = [.. failed], Running = !done, FinishedAt = done ? clock.GetUtcNow() : null };
        }
    }
}
