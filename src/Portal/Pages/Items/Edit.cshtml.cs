using System.Security.Claims;
using Certification.Items;
using Certification.Portal.Items;
using Certification.Portal.Localization;
using Certification.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Certification.Portal.Pages.Items;

/// <summary>Creates a question or adds a version to it; attempts already drawn keep the version they showed.</summary>
public sealed class EditModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    private const int OptionRows = 6;

    [BindProperty]
    public ItemForm Form { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    public bool Retired { get; private set; }

    public IReadOnlyList<SelectListItem> Criteria { get; private set; } = [];

    public IReadOnlyList<ItemVersion> History { get; private set; } = [];

    private IItemBankGrain Bank => grains.GetGrain<IItemBankGrain>(ItemBanks.Default);

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            if (await Bank.GetAsync(id) is not { } item)
            {
                return NotFound();
            }

            Form = ItemForm.From(item);
            Load(item);
        }

        Form.PadOptions(OptionRows);
        await LoadCriteriaAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        var qualification = await grains.GetGrain<IQualificationGrain>(ItemBanks.Default).GetAsync();
        var outcome = qualification?.AllOutcomes().FirstOrDefault(o => o.Criteria.Any(c => c.Id == Form.Criterion))?.Id ?? string.Empty;
        var itemId = id ?? Form.Id ?? string.Empty;
        var result = await Bank.SaveAsync(itemId, Form.Version, Form.ToContent(outcome), User.FindFirstValue(ClaimTypes.Email) ?? "?");
        if (result.Succeeded)
        {
            return RedirectToPage("Edit", new { id = itemId });
        }

        ModelState.AddErrors(result.Errors, errors, nameof(Form));
        if (id is not null && await Bank.GetAsync(id) is { } item)
        {
            Load(item);
        }

        Form.PadOptions(OptionRows);
        await LoadCriteriaAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string id, bool retired)
    {
        var result = await Bank.SetRetiredAsync(id, retired, User.FindFirstValue(ClaimTypes.Email) ?? "?");
        return result.Succeeded ? RedirectToPage("Edit", new { id }) : NotFound();
    }

    private void Load(BankItem item)
    {
        IsNew = false;
        Retired = item.Retired;
        History = [.. item.Versions.Reverse()];
    }

    private async Task LoadCriteriaAsync()
    {
        var qualification = await grains.GetGrain<IQualificationGrain>(ItemBanks.Default).GetAsync();
        Criteria = [.. (qualification?.TheoryTestOutcomes() ?? [])
            .SelectMany(o => o.Criteria.Where(c => c.Methods.Contains(VerificationMethod.TheoryTest)))
            .Select(c => new SelectListItem($"{c.Id} {c.Text.Pl}", c.Id))];
    }

    public sealed class ItemForm
    {
        public string? Id { get; set; }
        public int Version { get; set; }
        public string? Criterion { get; set; }
        public ItemKind Kind { get; set; } = ItemKind.SingleChoice;
        public string? Stem { get; set; }
        public List<OptionForm> Options { get; set; } = [];
        public string? Explanation { get; set; }

        public ItemContent ToContent(string outcome) => new(
            outcome, Criterion ?? string.Empty, Kind, Stem ?? string.Empty,
            [.. Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => new ItemOption(o.Id ?? string.Empty, o.Text!, o.Correct))],
            Explanation);

        public static ItemForm From(BankItem item)
        {
            var content = item.Latest().Content;
            return new ItemForm
            {
                Id = item.Id,
                Version = item.Latest().Version,
                Criterion = content.Criterion,
                Kind = content.Kind,
                Stem = content.Stem,
                Options = [.. content.Options.Select(o => new OptionForm { Id = o.Id, Text = o.Text, Correct = o.Correct })],
                Explanation = content.Explanation,
            };
        }

        /// <summary>Empty rows to add options in; ids continue the letters (a, b, c …) or t/f for true/false.</summary>
        public void PadOptions(int rows)
        {
            for (var letter = 'a'; Options.Count < rows; letter++)
            {
                var id = letter.ToString();
                if (Options.All(o => o.Id != id))
                {
                    Options.Add(new OptionForm { Id = id });
                }
            }
        }
    }

    public sealed class OptionForm
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public bool Correct { get; set; }
    }
}
