using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScalekitAuth0.Auth0;
using ScalekitAuth0.Http;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Integration
{
    /// <summary>One input that names no single application, and why.</summary>
    internal sealed class ApplicationResolutionFailure
    {
        internal ApplicationResolutionFailure(string input, ScalekitAuth0Exception error)
        {
            Input = input;
            Error = error;
        }

        public string Input { get; }

        public ScalekitAuth0Exception Error { get; }
    }

    /// <summary>
    /// Application names or client ids, matched against the tenant's applications. Every input is
    /// judged before anything is written, so one mistyped name stops the whole change instead of
    /// leaving half of it made; each bad input gets its own failure, so the user sees all of them at once.
    /// </summary>
    internal sealed class ApplicationResolution
    {
        private readonly Dictionary<string, Auth0Application> _byInput;

        private ApplicationResolution(Dictionary<string, Auth0Application> byInput, IReadOnlyList<ApplicationResolutionFailure> failures, IReadOnlyCollection<Auth0Application> applications)
        {
            _byInput = byInput;
            Failures = failures;
            Applications = applications;
        }

        public IReadOnlyList<ApplicationResolutionFailure> Failures { get; }

        /// <summary>The tenant's applications as listed.</summary>
        public IReadOnlyCollection<Auth0Application> Applications { get; }

        /// <summary>Each client id as users know it: the application's name where that names one application, else the id.</summary>
        public static string[] Named(IEnumerable<string> clientIds, IReadOnlyCollection<Auth0Application> applications)
        {
            var names = applications.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Single().ClientId, g => g.Key, StringComparer.Ordinal);
            return clientIds.Select(id => names.TryGetValue(id, out var name) ? name : id).ToArray();
        }

        /// <summary>Matches names or client ids against one listing of the tenant's applications.</summary>
        public static async Task<ApplicationResolution> ReadAsync(Auth0Client client, IEnumerable<string> namesOrIds, Operation operation)
        {
            var applications = new List<Auth0Application>();
            await client.ListApplicationsAsync(applications.AddRange, operation).ConfigureAwait(false);
            return Resolve(namesOrIds, applications);
        }

        /// <summary>
        /// A client id is taken as itself; otherwise the name must match exactly one application,
        /// exactly or, when nothing matches exactly, ignoring case and surrounding blanks (what users
        /// type at a prompt). Two applications may share a name in Auth0: then only the id will do.
        /// </summary>
        public static ApplicationResolution Resolve(IEnumerable<string> inputs, IReadOnlyCollection<Auth0Application> applications)
        {
            var byId = applications.GroupBy(a => a.ClientId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var byInput = new Dictionary<string, Auth0Application>(StringComparer.Ordinal);
            var failures = new List<ApplicationResolutionFailure>();
            foreach (var input in inputs.Distinct(StringComparer.Ordinal))
            {
                if (byId.TryGetValue(input, out var application))
                {
                    byInput[input] = application;
                    continue;
                }
                var matches = ByName(applications, input);
                if (matches.Count == 1)
                {
                    byInput[input] = matches[0];
                }
                else
                {
                    failures.Add(new ApplicationResolutionFailure(input, Problem(input, matches)));
                }
            }
            return new ApplicationResolution(byInput, failures, applications);
        }

        /// <summary>The applications the inputs name, each once, in the order first named. Call only when there are no failures.</summary>
        public IReadOnlyList<Auth0Application> For(IEnumerable<string> inputs) =>
            inputs.Select(input => _byInput[input]).GroupBy(a => a.ClientId, StringComparer.Ordinal).Select(g => g.First()).ToList();

        private static List<Auth0Application> ByName(IReadOnlyCollection<Auth0Application> applications, string input)
        {
            var exact = applications.Where(a => string.Equals(a.Name, input, StringComparison.Ordinal)).ToList();
            if (exact.Count > 0)
            {
                return exact;
            }
            var typed = input.Trim();
            return applications.Where(a => string.Equals(a.Name.Trim(), typed, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        private static ScalekitAuth0Exception Problem(string input, IReadOnlyList<Auth0Application> matches)
        {
            var shown = ShownText.Printable(input);
            if (string.IsNullOrWhiteSpace(input))
            {
                return new ScalekitAuth0Exception("InvalidApplication", ApiErrorKind.BadRequest,
                    $"An application was given as '{shown}', which is blank.",
                    "Give each application's name, as shown in the Auth0 dashboard, or its client id.");
            }
            if (matches.Count == 0)
            {
                return new ScalekitAuth0Exception("Auth0ApplicationNotFound", ApiErrorKind.NotFound,
                    $"There is no Auth0 application named '{shown}', nor one with that client id.",
                    "Check the name in the Auth0 dashboard (Applications), or pass the application's client id.");
            }
            return new ScalekitAuth0Exception("Auth0ApplicationAmbiguous", ApiErrorKind.BadRequest,
                $"{matches.Count} Auth0 applications are named '{shown}': {string.Join(", ", matches.Select(a => a.ClientId))}.",
                "Pass the client id of the one you mean instead of its name.");
        }
    }
}
