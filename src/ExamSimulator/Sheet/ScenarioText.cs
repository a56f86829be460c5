using System.Text;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sheet;

/// <summary>The brief and the task sheet as plain text, as the command line prints them for assessors; lines end with "\n".</summary>
public static class ScenarioText
{
    public static string Write(Scenario scenario, TaskSheet sheet)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"SYMULACJA CRM — ziarno {PlFormat.Count(scenario.Seed)}");
        Line(scenario.Brief.Title);
        Line(new string('=', scenario.Brief.Title.Length));
        Line();
        Line(scenario.Brief.Situation);
        Line();
        Line("Cele:");
        foreach (var goal in scenario.Brief.Goals)
        {
            Line($"- {goal}");
        }

        Line();
        Line("Produkty i usługi (ceny netto, VAT 23%):");
        foreach (var product in scenario.Products)
        {
            Line($"- {product.Code}: {product.Name} — {PlFormat.Money(product.NetPrice)} / {product.Unit} ({Labels.Of(product.Kind).ToLowerInvariant()})");
        }

        Line();
        Line(sheet.Title.ToUpperInvariant());
        Line(new string('=', sheet.Title.Length));
        Line(sheet.Introduction);
        foreach (var task in sheet.Tasks)
        {
            Line();
            Line($"{task.Number}. {task.Title} [kryteria: {string.Join(", ", task.CriterionIds)}]");
            Line($"   {task.Introduction}");
            foreach (var step in task.Steps)
            {
                Line($"   - {step}");
            }

            foreach (var question in task.Questions)
            {
                Line($"   {question.Id}. {question.Text}");
                Line("       Odpowiedź: ____________________");
            }
        }

        return text.ToString();
    }
}
