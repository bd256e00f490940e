namespace ScalekitAuth0.Sandbox.Auth0.Rules;

/// <summary>The connection strategies the sandbox emulates; any other is answered 501.</summary>
internal static class Strategies
{
    public const string Oidc = "oidc";
    public const string Okta = "okta";

    public static bool IsEmulated(string strategy) => strategy is Oidc or Okta;
}
