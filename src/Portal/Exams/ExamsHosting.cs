using System.Text.Json.Serialization;
using Certification.Portal.Accounts;

namespace Certification.Portal.Exams;

internal static class ExamsHosting
{
    public static void AddCertificationExams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<SessionBoardRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionBoardRelay>());
        builder.Services.AddSingleton<ExamQueries>();
        builder.Services.AddScoped<Simulation.CandidateSimulations>();
        builder.Services.AddSingleton<Simulation.SimulationRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Simulation.SimulationRelay>());
        builder.Services.AddSingleton<Simulation.PanelSimulations>();
        builder.Services.AddSingleton<Certification.Portal.Items.ItemQueries>();
        builder.Services.AddSingleton<Certification.Portal.Items.ItemStatisticsQueries>();
    }

    public static void MapCertificationHubs(this WebApplication app)
    {
        app.MapHub<TheoryTestHub>("/hubs/theory-test").RequireAuthorization(Policies.Candidate);
        app.MapHub<OperatorHub>("/hubs/operator").RequireAuthorization(Policies.ExamOperator);
        app.MapHub<Simulation.AssessorHub>("/hubs/assessor").RequireAuthorization(Policies.Assessor);
    }
}
