using System.Globalization;
using System.Text.Json;
using ScalekitAuth0.Sandbox;

// One JSON line on stdout tells the caller where both services listen and what to log in with;
// the sandbox then serves until its standard input closes, so it never outlives its parent.
var options = new SandboxOptions
{
    Auth0Port = IntArgument(args, "--auth0-port") ?? 0,
    ScalekitPort = IntArgument(args, "--scalekit-port") ?? 0,
    Auth0RateLimit = IntArgument(args, "--rate-limit"),
};
await using var sandbox = await SandboxHost.StartAsync(options);
Console.WriteLine(JsonSerializer.Serialize(new
{
    auth0Url = sandbox.Auth0Url,
    scalekitUrl = sandbox.ScalekitUrl,
    auth0ClientId = sandbox.Auth0ClientId,
    auth0ClientSecret = sandbox.Auth0ClientSecret,
    scalekitClientId = sandbox.ScalekitClientId,
    scalekitClientSecret = sandbox.ScalekitClientSecret,
}));
Console.Out.Flush();

var stop = new CancellationTokenSource(); // lives as long as the process: ProcessExit may fire after Main returns
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
var stdinClosed = Task.Run(() => Console.In.ReadToEnd());
await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));

static int? IntArgument(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
}
