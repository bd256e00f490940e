using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScalekitAuth0.Sandbox.Auth0.Rules;

/// <summary>
/// Auth0's fetch of a connection's discovery document. The sandbox can reach only loopback, where
/// its own Scalekit emulator lives, so that fetch shows in the request log and Scalekit faults apply to it.
/// </summary>
internal static class DiscoveryFetch
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>The document, or null when it cannot be had (no answer, not a success, not JSON).</summary>
    public static async Task<JsonObject?> FetchAsync(string url)
    {
        try
        {
            using var response = await Http.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (bytes.Length > 128 * 1024)
            {
                throw Auth0Wire.InvalidBody("Discovery document exceeds the maximum allowed size of 128 KB");
            }
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
