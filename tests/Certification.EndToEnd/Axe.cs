using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Certification.EndToEnd;

/// <summary>axe-core (embedded in Deque.AxeCore.Playwright) run on the page as the user sees it now.</summary>
public static class Axe
{
    // WCAG 2.1 AA conformance includes the level A criteria of 2.0 and 2.1 alike.
    private static readonly AxeRunOptions WcagAa = new() { RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa") };

    /// <summary>Fails on any violation of impact serious or critical, naming what to fix and where.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string state)
    {
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, Describe(state, result.Url, serious));
    }

    private static string Describe(string state, string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"Accessibility violations on {state} ({url}):");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
