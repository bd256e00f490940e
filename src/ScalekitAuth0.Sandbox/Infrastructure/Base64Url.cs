using System.Text;

namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>Unpadded base64url (RFC 4648 §5), as JWTs, JWKs and cursors carry it.</summary>
public static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <exception cref="FormatException">The text is not base64url.</exception>
    public static string DecodeText(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
