using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Testing;

/// <summary>A SignalR connection to the in-process portal, signed in with the given cookies, as a browser's would be.</summary>
public static class PortalHubs
{
    /// <summary>Signs in as a browser would and returns its cookies, for <see cref="ConnectHubAsync"/>.</summary>
    public static async Task<CookieContainer> HubCookiesAsync(this PortalHost host, string email)
    {
        var cookies = new CookieContainer();
        using var client = host.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var response = await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = PortalHost.Password });
        return response.StatusCode == HttpStatusCode.Redirect ? cookies : throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
    }

    public static async Task<HubConnection> ConnectHubAsync(this PortalHost host, string hub, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri("https://localhost"), hub), options =>
            {
                // The test server has no web sockets; long polling goes through its handler.
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = host.Server.CreateHandler() };
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
