using Certification.Certificates;
using Certification.Common;
using Certification.Exams;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Certificates;

/// <summary>What the session's certificates section shows.</summary>
public sealed record SessionCertificatesView(
    Guid SessionId, IReadOnlyList<CertificateListItem> Certificates, int Missing, BulkIssueProgress Progress, DateOnly Today, string ReturnUrl);

/// <summary>
/// A session's certificates with the bulk issue and its live progress bar: on the exam session's page for the training
/// office, and on the certificates' own session page for system administrators.
/// </summary>
public sealed class SessionCertificatesViewComponent(
    CertificateQueries queries, IGrainFactory grains, [FromKeyedServices(ExamClock.Key)] TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid sessionId) =>
        View(new SessionCertificatesView(
            sessionId,
            await queries.OfSessionAsync(sessionId),
            await queries.MissingInSessionAsync(sessionId),
            await grains.GetGrain<ISessionCertificatesGrain>(sessionId).GetProgressAsync(),
            PolishDate.Of(clock.GetUtcNow()),
            Request.Path + Request.QueryString));
}
