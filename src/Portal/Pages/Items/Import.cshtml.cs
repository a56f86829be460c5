using System.Security.Claims;
using Certification.Items;
using Certification.Items.Qti;
using Certification.Portal.Items;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Items;

/// <summary>Imports a QTI package all or nothing: first the package's own checks, then the bank's rules.</summary>
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(IGrainFactory grains, ErrorText errors, IStringLocalizer<SharedResource> text) : PageModel
{
    private const int MaxBytes = 10_000_000;

    public IReadOnlyList<ItemProblem> Problems { get; private set; } = [];

    public ImportResult? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? package)
    {
        if (package is null || package.Length == 0)
        {
            Problems = [new ItemProblem(string.Empty, "Package", QtiPackage.NotAZip)];
            return;
        }

        await using var stream = package.OpenReadStream();
        var read = QtiPackage.Import(stream, MaxBytes);
        if (read.Problems.Count > 0)
        {
            Problems = read.Problems;
            return;
        }

        var result = await grains.GetGrain<IItemBankGrain>(ItemBanks.Default).ImportAsync(read.Items, User.FindFirstValue(ClaimTypes.Email) ?? "?");
        if (result.Succeeded)
        {
            Done = result;
        }
        else
        {
            Problems = result.Problems;
        }
    }

    public string Describe(string code) => code.StartsWith("qti.", StringComparison.Ordinal) ? QtiText(code) : errors.For(code);

    private string QtiText(string code) => code switch
    {
        QtiPackage.NotAZip => text["To nie jest paczka ZIP."],
        QtiPackage.TooLarge => text["Paczka jest za duża."],
        QtiPackage.NoManifest => text["W paczce brakuje pliku imsmanifest.xml."],
        QtiPackage.ManifestInvalid => text["Plik imsmanifest.xml jest niepoprawny lub wskazuje pliki spoza paczki."],
        QtiPackage.FileMissing => text["Brakuje pliku pytania wskazanego w manifeście."],
        QtiPackage.XmlInvalid => text["Plik pytania nie jest poprawnym XML-em."],
        QtiPackage.UnsupportedInteraction => text["Obsługiwane są tylko pytania wyboru (choiceInteraction)."],
        QtiPackage.NoCorrectResponse => text["Pytanie nie ma klucza odpowiedzi."],
        QtiPackage.CorrectNotAChoice => text["Klucz wskazuje odpowiedź, której nie ma w pytaniu."],
        QtiPackage.DuplicateIdentifier => text["Identyfikator pytania się powtarza."],
        _ => code,
    };
}
