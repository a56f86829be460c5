using Certification.Portal.Accounts;
using Certification.Portal.Api;
using Certification.Portal.DemoData;
using Certification.Portal.Exams;
using Certification.Portal.Hosting;
using Certification.Portal.Localization;
using Certification.Portal.Mail;

var builder = WebApplication.CreateBuilder(args);

builder.AddCertificationDatabase();
builder.AddCertificationOrleans();
builder.AddCertificationAccounts();
builder.AddCertificationLocalization();
builder.AddCertificationHealthChecks();
builder.AddCertificationPages();
builder.AddCertificationExams();
builder.AddCertificationMail();
builder.AddDemoData();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseCertificationPipeline();
app.MapCertificationHealthChecks();
app.MapOpenBadges();
app.MapRazorPages();
app.MapCrmApi();
app.MapSimulationApi();
app.MapCertificationHubs();

app.Run();

/// <summary>Entry point; public so that tests can host the portal with WebApplicationFactory.</summary>
public partial class Program;
