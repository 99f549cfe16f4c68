using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Resourceful.Http.Tests.Hosting;

/// <summary>
/// Sends bytes over a raw socket to a Kestrel server, for requests no HTTP client would send (bad framing, odd
/// methods, broken headers), and reads back the status line and headers of whatever the server answers.
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> on a new connection and reads until a whole response has arrived or the
    /// server closes the connection. With <paramref name="endRequest"/>, the sending side is closed after the request,
    /// so a server waiting for the rest of a truncated request sees its end (Kestrel then aborts the request).
    /// </summary>
    /// <returns>The response; its <see cref="RawResponse.Status"/> is 0 when the server closed the connection without answering.</returns>
    public static async Task<RawResponse> SendAsync(Uri server, byte[] request, bool endRequest = false, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port, cancellation.Token);
        var socket = client.Client;
        try
        {
            await socket.SendAsync(request, SocketFlags.None, cancellation.Token);
            if (endRequest)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (SocketException)
        {
            // The server may refuse the rest of a request it has already answered (and closed).
        }

        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            var head = request.AsSpan().StartsWith("HEAD "u8);
            while (!IsComplete(received, head) && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellation.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // A reset after the answer: what was read is the answer.
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The server is still waiting for more of the request, or still writing: say so rather than fail.
            return RawResponse.Parse(received.ToArray()) with { TimedOut = true };
        }

        return RawResponse.Parse(received.ToArray());
    }

    /// <summary>
    /// Whether <paramref name="received"/> holds a whole final response (interim 1xx responses skipped); the response
    /// to <c>HEAD</c> ends with its head, whatever its <c>Content-Length</c> says.
    /// </summary>
    private static bool IsComplete(MemoryStream received, bool head)
    {
        var text = Encoding.Latin1.GetString(received.GetBuffer(), 0, (int)received.Length);
        var start = 0;
        while (true)
        {
            var headEnd = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal);
            if (headEnd < 0)
            {
                return false;
            }

            var bodyStart = headEnd + 4;
            if (text.AsSpan(start).StartsWith("HTTP/1.1 1", StringComparison.Ordinal))
            {
                start = bodyStart;
                continue;
            }

            var response = RawResponse.Parse(received.ToArray()[start..]);
            if (head)
            {
                return true;
            }

            if (response.Header("Content-Length") is { } length)
            {
                return text.Length - bodyStart >= int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (response.Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                return text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
            }

            // No framing: 204/304 end at the head; anything else ends when the server closes.
            return response.Status is 204 or 304;
        }
    }

    /// <summary>The bytes of a request whose lines are joined with CRLF, followed by <paramref name="body"/>.</summary>
    public static byte[] Request(string head, byte[]? body = null)
    {
        var headBytes = Encoding.Latin1.GetBytes(head);
        if (body is null)
        {
            return headBytes;
        }

        var all = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(all, 0);
        body.CopyTo(all, headBytes.Length);
        return all;
    }
}

/// <summary>
/// The status and headers of a response read off the wire (the first one, if the server sent several); status 0 when
/// the server sent no response.
/// </summary>
public sealed record RawResponse(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string text)
{
    /// <summary>Whether the read ended because the time ran out, not because the response was whole.</summary>
    public bool TimedOut { get; init; }

    public int Status { get; } = status;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    /// <summary>Everything the server sent, as Latin-1 text, for failure messages.</summary>
    public string Text { get; } = text;

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || headEnd < 0)
        {
            return new RawResponse(0, [], text);
        }

        var lines = text[..headEnd].Split("\r\n");
        var status = int.Parse(lines[0].AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return new RawResponse(status, headers, text);
    }
}
