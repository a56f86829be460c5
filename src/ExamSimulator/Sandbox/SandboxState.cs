using System.Collections.Immutable;
using System.Globalization;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>The last number used for each kind of record; a new record takes the next one, so a replay names it the same.</summary>
public sealed record IdCounters(
    int Accounts,
    int Contacts,
    int Pipelines,
    int Stages,
    int Opportunities,
    int Activities,
    int Tasks,
    int Segments,
    int TaskLists,
    int Reports,
    int Templates,
    int Offers)
{
    public static IdCounters Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The candidate's CRM at one moment. It is a pure function of the scenario and the accepted commands
/// (<see cref="SandboxEngine"/>): <see cref="Version"/> counts the commands that changed it.
/// </summary>
public sealed record SandboxState(
    int Seed,
    DateOnly ReferenceDate,
    int Version,
    IdCounters Counters,
    Seller Seller,
    ImmutableList<Product> Products,
    ImmutableList<Account> Accounts,
    ImmutableList<Contact> Contacts,
    ImmutableList<Pipeline> Pipelines,
    ImmutableList<Opportunity> Opportunities,
    ImmutableList<CrmTask> Tasks,
    ImmutableList<Segment> Segments,
    ImmutableList<TaskList> TaskLists,
    ImmutableList<SavedReport> Reports,
    ImmutableList<OfferTemplate> Templates,
    ImmutableList<Offer> Offers,
    ImmutableList<SheetAnswer> Answers,
    ImmutableList<string> QuestionIds)
{
    public Account? FindAccount(string? id) => id is null ? null : Accounts.Find(a => a.Id == id);

    public Contact? FindContact(string? id) => id is null ? null : Contacts.Find(c => c.Id == id);

    public Pipeline? FindPipeline(string? id) => id is null ? null : Pipelines.Find(p => p.Id == id);

    public Opportunity? FindOpportunity(string? id) => id is null ? null : Opportunities.Find(o => o.Id == id);

    public CrmTask? FindTask(string? id) => id is null ? null : Tasks.Find(t => t.Id == id);

    public Product? FindProduct(string? id) => id is null ? null : Products.Find(p => p.Id == id);

    public Segment? FindSegment(string? id) => id is null ? null : Segments.Find(s => s.Id == id);

    public TaskList? FindTaskList(string? id) => id is null ? null : TaskLists.Find(l => l.Id == id);

    public SavedReport? FindReport(string? id) => id is null ? null : Reports.Find(r => r.Id == id);

    public OfferTemplate? FindTemplate(string? id) => id is null ? null : Templates.Find(t => t.Id == id);

    public Offer? FindOffer(string? id) => id is null ? null : Offers.Find(o => o.Id == id);

    /// <summary>The stage with its pipeline, wherever it is defined.</summary>
    public (Pipeline Pipeline, Stage Stage, int Index)? FindStage(string? stageId)
    {
        foreach (var pipeline in Pipelines)
        {
            var index = pipeline.Stages.FindIndex(s => s.Id == stageId);
            if (index >= 0)
            {
                return (pipeline, pipeline.Stages[index], index);
            }
        }

        return null;
    }

    public string StageName(string? stageId) => FindStage(stageId)?.Stage.Name ?? "";

    public string AccountName(string? accountId) => FindAccount(accountId)?.Data.Name ?? "";

    public IEnumerable<Contact> ContactsOf(string accountId) => Contacts.Where(c => c.AccountId == accountId);

    /// <summary>The record ids the scenario and the candidate's commands give out: "acc-7", "opp-21".</summary>
    public static string Id(string prefix, int number) => prefix + "-" + number.ToString(CultureInfo.InvariantCulture);
}
