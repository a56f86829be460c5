using System.Net.Sockets;
using Certification.Mail;
using MailKit.Net.Smtp;

namespace Certification.Portal.Mail;

/// <summary>What went wrong with one attempt: the full text for the mailbox, and a reason fit for logs.</summary>
/// <param name="Error">The server's or the network's own words; may name the recipient, so it stays in the database.</param>
/// <param name="LogReason">The kind of failure only (an SMTP status code, an exception type): logs carry no personal data.</param>
/// <param name="Permanent">Trying again will not help (the server refused the message with a 5xx answer).</param>
public sealed record DeliveryFailure(string Error, string LogReason, bool Permanent)
{
    private const int MaxErrorLength = 2000;

    public static DeliveryFailure From(Exception error) => error switch
    {
        SmtpCommandException command => new(Shorten($"{(int)command.StatusCode} {command.Message}"), $"SMTP {(int)command.StatusCode}", (int)command.StatusCode >= 500),
        SocketException socket => new(Shorten(socket.Message), $"{nameof(SocketException)} {socket.SocketErrorCode}", false),
        MimeKit.ParseException => new(Shorten(error.Message), error.GetType().Name, true),
        _ => new(Shorten($"{error.GetType().Name}: {error.Message}"), error.GetType().Name, false),
    };

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}

/// <summary>
/// Delivers one round of messages over one SMTP connection: opened for the first message, kept for
/// the rest, closed when the round is over.
/// </summary>
internal sealed class SmtpDelivery(SmtpSettings settings) : IAsyncDisposable
{
    // MailKit waits two minutes by default; a whole round must end well within the sender's claim.
    private const int TimeoutMilliseconds = 30_000;

    private readonly SmtpClient _client = new() { Timeout = TimeoutMilliseconds };

    /// <summary>Sends the message; null when the server took it, otherwise what went wrong.</summary>
    public async Task<DeliveryFailure?> SendAsync(DueMail mail)
    {
        try
        {
            var message = MimeMail.Compose(mail, settings.From);
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(settings.Host, settings.Port, settings.Security);
            }

            if (settings.User is { } user && !_client.IsAuthenticated)
            {
                await _client.AuthenticateAsync(user, settings.Password ?? string.Empty);
            }

            await _client.SendAsync(message);
            return null;
        }
        catch (Exception error)
        {
            // Whatever failed, the attempt failed: it is recorded and tried again, never left unaccounted for.
            return DeliveryFailure.From(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception error) when (error is IOException or SocketException or MailKit.ProtocolException)
            {
                // The messages are sent and recorded; a connection that will not close politely changes nothing.
            }
        }

        _client.Dispose();
    }
}
