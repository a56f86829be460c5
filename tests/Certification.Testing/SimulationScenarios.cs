using Certification.ExamSimulator.Sandbox;
using Certification.Simulation;

namespace Certification.Testing;

/// <summary>A candidate's work in the simulated CRM, given through the simulation grain as the candidate's pages would.</summary>
public static class SimulationScenarios
{
    /// <summary>
    /// In an open session: the candidate creates the first new customer account the task sheet asks for, tries to
    /// move an opportunity that does not exist (refused), and adds the account's contact person. Returns the account's
    /// name and the id the sandbox gave it.
    /// </summary>
    public static async Task<(string Account, string AccountId)> ThreeActionsAsync(this PortalHost host, Guid session, Guid candidate)
    {
        var grain = host.Grains.Simulation(session, candidate);
        if ((await grain.OpenAsync("candidate")).Workspace is null)
        {
            throw new InvalidOperationException("The simulation did not open");
        }

        var seed = (await grain.GetAsync())!.Seed;
        var spec = ExamSimulator.Simulation.Start(seed).Scenario.Exercise.NewAccounts[0];
        var created = await grain.ExecuteAsync("replay-1", new CreateAccount(spec.Data), "candidate");
        var refused = await grain.ExecuteAsync("replay-2", new MoveOpportunity("opp-9999", "stage-9999"), "candidate");
        if (created.Action is not { Accepted: true, CreatedId: { } accountId } || refused.Action is not { Accepted: false })
        {
            throw new InvalidOperationException("Setting up the simulation's actions failed");
        }

        var contact = await grain.ExecuteAsync("replay-3", new CreateContact(accountId, spec.Contact), "candidate");
        return contact.Action is { Accepted: true } ? (spec.Data.Name, accountId) : throw new InvalidOperationException("Adding the contact failed");
    }
}
