using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ScalekitAuth0.Sandbox.Auth0;
using ScalekitAuth0.Sandbox.Infrastructure;
using ScalekitAuth0.Sandbox.Scalekit;

namespace ScalekitAuth0.Sandbox;

public sealed record SandboxOptions
{
    public int Auth0Port { get; init; }
    public int ScalekitPort { get; init; }
    /// <summary>Auth0 requests per second (burst the same); null leaves the rate limit off.</summary>
    public double? Auth0RateLimit { get; init; }
}

/// <summary>
/// Both emulated services on loopback, each on its own port as the real ones are on their own
/// hosts. Hosted in-process by xunit and by <c>Program</c> for Pester and the demo.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _auth0App;
    private readonly WebApplication _scalekitApp;

    private SandboxHost(SandboxContext context, Auth0Emulator auth0, ScalekitEmulator scalekit, WebApplication auth0App, WebApplication scalekitApp)
    {
        Context = context;
        Auth0 = auth0;
        Scalekit = scalekit;
        _auth0App = auth0App;
        _scalekitApp = scalekitApp;
    }

    public SandboxContext Context { get; }
    public Auth0Emulator Auth0 { get; }
    public ScalekitEmulator Scalekit { get; }
    public string Auth0Url => Context.Auth0Url;
    public string ScalekitUrl => Context.ScalekitUrl;
    public string Auth0ClientId => Context.Seeds.Auth0ClientId;
    public string Auth0ClientSecret => Context.Seeds.Auth0ClientSecret;
    public string ScalekitClientId => Context.Seeds.ScalekitClientId;
    public string ScalekitClientSecret => Context.Seeds.ScalekitClientSecret;
    public RequestLog RequestLog => Context.RequestLog;
    public FaultRules Faults => Context.Faults;

    public static async Task<SandboxHost> StartAsync(SandboxOptions options)
    {
        var context = new SandboxContext(SeedCredentials.Random());
        var auth0 = new Auth0Emulator(context);
        var scalekit = new ScalekitEmulator(context);
        IReadOnlyList<IEmulator> emulators = [auth0, scalekit];
        var auth0App = BuildApp(auth0, options.Auth0Port, context, emulators);
        var scalekitApp = BuildApp(scalekit, options.ScalekitPort, context, emulators);
        await auth0App.StartAsync();
        await scalekitApp.StartAsync();
        context.Auth0Url = BoundUrl(auth0App);
        context.ScalekitUrl = BoundUrl(scalekitApp);
        if (options.Auth0RateLimit is double rate)
        {
            context.RateLimiter.Set(Services.Auth0, rate, (int)Math.Ceiling(rate));
        }
        return new SandboxHost(context, auth0, scalekit, auth0App, scalekitApp);
    }

    public async ValueTask DisposeAsync()
    {
        await _auth0App.DisposeAsync();
        await _scalekitApp.DisposeAsync();
    }

    private static WebApplication BuildApp(IEmulator emulator, int port, SandboxContext context, IReadOnlyList<IEmulator> emulators)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        var app = builder.Build();
        var middleware = new SandboxMiddleware(emulator.Service, context);
        app.Use(middleware.InvokeAsync);
        ControlEndpoints.Map(app, context, emulators);
        emulator.Map(app);
        return app;
    }

    private static string BoundUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
}
