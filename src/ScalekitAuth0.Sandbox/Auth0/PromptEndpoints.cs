using System.Text.Json;
using System.Text.Json.Nodes;
using ScalekitAuth0.Sandbox.Infrastructure;

namespace ScalekitAuth0.Sandbox.Auth0;

/// <summary>
/// <c>/api/v2/prompts</c>: the tenant's login prompt settings (reference §14). A PATCH takes any
/// subset of the three keys, each of its type; anything else is refused whole.
/// </summary>
internal sealed class PromptEndpoints(Auth0State state) : IEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/prompts", () => state.Locked(() => JsonBody.Answer(state.Prompts.DeepClone()))).RequireScope(Auth0Scopes.ReadPrompts);
        routes.MapPatch("/prompts", UpdateAsync).RequireScope(Auth0Scopes.UpdatePrompts);
    }

    private async Task<IResult> UpdateAsync(HttpRequest request)
    {
        var body = await Auth0Wire.ReadObjectAsync(request);
        foreach (var (key, value) in body)
        {
            var valid = key switch
            {
                "universal_login_experience" => value.IsString() && value!.GetValue<string>() is "new" or "classic",
                "identifier_first" or "webauthn_platform_first_factor" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                _ => throw Auth0Wire.InvalidBody($"Payload validation error: 'Additional properties not allowed: {key}'."),
            };
            if (!valid)
            {
                throw Auth0Wire.InvalidBody($"Payload validation error: 'Expected type {(key == "universal_login_experience" ? "string" : "boolean")} but found type {Auth0Wire.TypeName(value)}' on property {key}.");
            }
        }
        return state.Locked(() =>
        {
            foreach (var (key, value) in body)
            {
                state.Prompts[key] = value!.DeepClone();
            }
            return JsonBody.Answer(state.Prompts.DeepClone());
        });
    }
}
