using Certification.Certificates;
using Certification.Common;
using Certification.Exams;
using Certification.Portal.Certificates;
using Certification.Portal.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Certification.Portal.Pages.Verify;

/// <summary>
/// The public verification of a certificate, where its QR code leads (<c>/verify/CRM/2026/000123-K</c>) and where anyone
/// may type a number: whether it is valid, expired, revoked or renewed, the holder's name, the qualification and the
/// dates — nothing more. No sign-in; limited per address, and more tightly in numbers that are not certificates (a wrong
/// check character is simply not found), so counting through the register does not pay.
/// </summary>
[EnableRateLimiting(RateLimits.PublicLookup)]
public sealed class IndexModel(CertificateVerification verification, VerificationMisses misses, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    /// <summary>The number as asked for, shown back on the page.</summary>
    public string? Number { get; private set; }

    /// <summary>Null when no number was asked for yet (the empty form).</summary>
    public VerificationResult? Result { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>This address asked about too many numbers that are not certificates this hour.</summary>
    public bool Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number)
    {
        Today = PolishDate.Of(clock.GetUtcNow());

        // The QR code's address carries the number in the path; the form on the page sends it as ?number=.
        if (string.IsNullOrWhiteSpace(number))
        {
            number = Request.Query["number"];
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        if (!misses.MayAsk(address))
        {
            Blocked = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Number = number.Trim();
        Result = await verification.VerifyAsync(Number, Today);
        if (Result.Outcome != VerificationOutcome.Found)
        {
            misses.Missed(address);
        }

        // The page explains itself either way; the status tells scripts and crawlers what happened.
        Response.StatusCode = Result.Outcome switch
        {
            VerificationOutcome.Malformed => StatusCodes.Status400BadRequest,
            VerificationOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
