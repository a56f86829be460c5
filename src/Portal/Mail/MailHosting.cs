namespace Certification.Portal.Mail;

internal static class MailHosting
{
    /// <summary>Every portal sends the outbox; the outbox itself is registered with the database services, for grains too.</summary>
    public static void AddCertificationMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(MailSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddSingleton<MailboxQueries>();
        builder.Services.AddHostedService<MailSenderService>();
    }
}
