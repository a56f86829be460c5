using Certification.Infrastructure;

namespace Certification.Portal.Hosting;

internal static class OrleansHosting
{
    /// <summary>
    /// <c>Orleans:Mode=Cohosted</c> (the default) runs a silo inside the portal: one process does everything.
    /// <c>Orleans:Mode=Client</c> makes the portal a client of separate Certification.Silo processes.
    /// </summary>
    public static void AddCertificationOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "Cohosted";
        switch (mode)
        {
            case "Cohosted":
                builder.UseOrleans(silo => silo.UseCertificationPostgres(builder.Configuration));
                break;
            case "Client":
                builder.UseOrleansClient(client => client.UseCertificationPostgres(builder.Configuration));
                break;
            default:
                throw new InvalidOperationException($"Orleans:Mode must be 'Cohosted' or 'Client', not '{mode}'.");
        }
    }
}
