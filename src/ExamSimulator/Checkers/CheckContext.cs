using System.Collections.Immutable;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Checkers;

/// <summary>
/// What a checker reads: the scenario and its exercise, the action log and the state after each logged action
/// (index for index), so a checker can judge an answer against the CRM as it was when the answer was given.
/// </summary>
public sealed class CheckContext(Scenario scenario, ImmutableList<ActionLogEntry> log, ImmutableList<SandboxState> states)
{
    private readonly SandboxState _initial = scenario.InitialState();

    public Scenario Scenario { get; } = scenario;

    public Exercise Exercise => Scenario.Exercise;

    public ImmutableList<ActionLogEntry> Log { get; } = log;

    public SandboxState Initial => _initial;

    public SandboxState Final => states.IsEmpty ? _initial : states[^1];

    /// <summary>The state just before the logged action with this sequence number.</summary>
    public SandboxState Before(int sequence) => sequence <= 1 ? _initial : states[sequence - 2];

    public IEnumerable<(ActionLogEntry Entry, T Command)> Accepted<T>()
        where T : SandboxCommand =>
        Log.Where(e => e.Outcome.Accepted && e.Command is T).Select(e => (e, (T)e.Command));

    public IEnumerable<(ActionLogEntry Entry, T Command)> Refused<T>()
        where T : SandboxCommand =>
        Log.Where(e => !e.Outcome.Accepted && e.Command is T).Select(e => (e, (T)e.Command));

    /// <summary>The log entry that created the record with this id, if the candidate created it.</summary>
    public ActionLogEntry? CreatedBy(string id) => Log.FirstOrDefault(e => e.Outcome.Accepted && e.Outcome.CreatedId == id);

    /// <summary>"o 10:42", the time of day of an action in Poland.</summary>
    public string When(ActionLogEntry entry) => When(SimulatedTime.At(Scenario.ReferenceDate, entry.At));

    public static string When(DateTime at) => "o " + PlFormat.Time(at);

    public static Evidence Saw(string text, ActionLogEntry? entry = null) => new(text, entry?.Sequence);

    /// <summary>Evidence of refused attempts: "próba odrzucona o 10:40: …", so the assessor sees what went wrong too.</summary>
    public IEnumerable<Evidence> RefusedAttempts<T>(Func<T, bool> about, string what)
        where T : SandboxCommand =>
        Refused<T>().Where(r => about(r.Command)).Select(r => Saw($"Próba: {what} odrzucona {When(r.Entry)}: {r.Entry.Outcome.Reason()}", r.Entry));
}

/// <summary>The checker of one practical criterion, with the criterion's Polish text as in the qualification's definition.</summary>
public sealed record CriterionChecker(string CriterionId, string Criterion, Func<CheckContext, (Verdict Verdict, string Summary, IEnumerable<Evidence> Evidence)> Check)
{
    public CriterionVerdict Run(CheckContext context)
    {
        var (verdict, summary, evidence) = Check(context);
        return new CriterionVerdict(CriterionId, Criterion, verdict, summary, [.. evidence]);
    }
}
