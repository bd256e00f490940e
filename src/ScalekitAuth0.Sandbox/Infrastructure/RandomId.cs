namespace ScalekitAuth0.Sandbox.Infrastructure;

/// <summary>Ids and secrets from a cryptographic source, in the alphabets the real services use.</summary>
public static class RandomId
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Alphanumeric(int length) => System.Security.Cryptography.RandomNumberGenerator.GetString(Letters, length);

    public static string Digits(int length) => System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789", length);
}
