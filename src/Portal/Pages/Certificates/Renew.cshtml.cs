using Certification.Certificates;
using Certification.Certificates.Renewal;
using Certification.Common;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Certificates;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates;

/// <summary>
/// The holder asks to renew their certificate (<c>/Certificates/Renew/CRM-2026-000123-K</c>): periods of CRM work with
/// the documents that show them, checked at once by <see cref="RenewalRule"/> in the renewal grain. Only the holder of
/// the certificate; others get 404, as if there were no such certificate.
/// </summary>
[Authorize(Policy = Policies.Candidate)]
[RequestSizeLimit((long)RenewalEvidence.MaxFileBytes * RenewalEvidence.MaxFiles + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = (long)RenewalEvidence.MaxFileBytes * RenewalEvidence.MaxFiles + 1_000_000)]
public sealed class RenewModel(CertificateFiles files, IGrainFactory grains, ErrorText errors, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    /// <summary>Rows of the form; empty rows are ignored.</summary>
    public const int Rows = 3;

    public CertificateRecord Certificate { get; private set; } = null!;

    public IReadOnlyList<RenewalRequest> Requests { get; private set; } = [];

    [BindProperty]
    public List<PeriodInput> Periods { get; set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>What the rule counted of the stated periods, shown with the errors.</summary>
    public RenewalAssessment? Assessment { get; private set; }

    public bool Submitted { get; private set; }

    public bool MayRequest => Certificate.Revocation is null && Requests.All(r => r.Status != RenewalStatus.Submitted);

    public async Task<IActionResult> OnGetAsync(string number, bool submitted = false)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }

        Submitted = submitted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number)
    {
        if (!await LoadAsync(number))
        {
            return NotFound();
        }

        var stated = new List<StatedPeriod>();
        foreach (var row in Periods.Where(p => p.From is not null || p.To is not null || !string.IsNullOrWhiteSpace(p.Description) || p.Evidence.Count > 0))
        {
            if (row.From is null || row.To is null)
            {
                Errors = [errors.For(ErrorCodes.Required)];
                return Page();
            }

            var evidence = new List<EvidenceFile>();
            foreach (var file in row.Evidence)
            {
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                evidence.Add(new EvidenceFile(file.FileName, file.ContentType, stream.ToArray()));
            }

            stated.Add(new StatedPeriod(row.From.Value, row.To.Value, row.Description ?? string.Empty, evidence));
        }

        var result = await grains.GetGrain<ICertificateRenewalGrain>(Certificate.Number)
            .SubmitAsync(new RenewalSubmission(Guid.NewGuid(), Certificate.HolderId, stated), User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { number, submitted = true });
        }

        Errors = [.. result.Errors.Select(e => errors.For(e.Code)).Distinct()];
        Assessment = RenewalRule.Assess(Certificate.IssuedOn, Certificate.ValidUntil, PolishDate.Of(clock.GetUtcNow()), CertificateRenewalGrain.Stated(stated));
        return Page();
    }

    private async Task<bool> LoadAsync(string number)
    {
        if (await files.FindAsync(number) is not { } certificate || !User.IsInRole(Roles.Candidate) || User.PersonFor(certificate.SessionId) != certificate.HolderId)
        {
            return false;
        }

        Certificate = certificate;
        Requests = await grains.GetGrain<ICertificateRenewalGrain>(certificate.Number).ListAsync();
        while (Periods.Count < Rows)
        {
            Periods.Add(new PeriodInput());
        }

        return true;
    }

    public sealed class PeriodInput
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Description { get; set; }

        public List<IFormFile> Evidence { get; set; } = [];
    }
}
