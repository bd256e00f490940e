using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using ScalekitAuth0.Http;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Completion
{
    /// <summary>One value to offer: what is inserted, and what the completion list shows about it.</summary>
    internal sealed class Candidate
    {
        public Candidate(string value, string toolTip, params string[] alsoMatches)
        {
            Value = value;
            ToolTip = toolTip;
            AlsoMatches = alsoMatches;
        }

        public string Value { get; }

        public string ToolTip { get; }

        /// <summary>Other words a user may start typing to find it, such as an organization's name for its id.</summary>
        public string[] AlsoMatches { get; }
    }

    /// <summary>
    /// Tab completion from the live tenant. Tab must never hang, prompt or print an error: each
    /// completion asks the service once, with the session's (or the typed -Auth0Context's /
    /// -ScalekitContext's) existing token, gives up after <see cref="Timeout"/>, and offers nothing
    /// when not connected or when anything fails.
    /// </summary>
    public abstract class ServiceCompleter : IArgumentCompleter
    {
        /// <summary>Long enough for one listing from a real tenant, short enough that a dead network costs little.</summary>
        internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        private const string NeedsQuotes = " \t'\"`$(){};,|&<>@#";

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var quote = wordToComplete.Length > 0 && (wordToComplete[0] == '\'' || wordToComplete[0] == '"') ? wordToComplete[0] : (char?)null;
                var typed = wordToComplete.Trim('\'', '"');
                var pattern = new WildcardPattern(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
                return Fetch(fakeBoundParameters)
                    .Where(c => pattern.IsMatch(c.Value) || c.AlsoMatches.Any(pattern.IsMatch))
                    .OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
                    .Select(c => new CompletionResult(Quote(c.Value, quote), c.Value, CompletionResultType.ParameterValue, c.ToolTip))
                    .ToList();
            }
            catch (Exception)
            {
                // Whatever went wrong, Tab shows no error: the user can still type the value.
                return new CompletionResult[0];
            }
        }

        /// <summary>The candidates from the service, or none when there is no context to ask with.</summary>
        private protected abstract IReadOnlyList<Candidate> Fetch(IDictionary fakeBoundParameters);

        private protected static Auth0Context? Auth0Context(IDictionary fakeBoundParameters) =>
            Given<Auth0Context>(fakeBoundParameters, nameof(Auth0Context)) ?? SessionStore.Auth0;

        private protected static ScalekitContext? ScalekitContext(IDictionary fakeBoundParameters) =>
            Given<ScalekitContext>(fakeBoundParameters, nameof(ScalekitContext)) ?? SessionStore.Scalekit;

        /// <summary>
        /// Runs the listing on the thread pool and waits at most <see cref="Timeout"/>; a listing still
        /// running then is cancelled and its answer dropped.
        /// </summary>
        private protected static IReadOnlyList<Candidate> Within(Func<Operation, Task<IReadOnlyList<Candidate>>> list)
        {
            var cancellation = new CancellationTokenSource(Timeout);
            var task = Task.Run(() => list(Operation.Silent(cancellation.Token)));
            task.ContinueWith(_ => cancellation.Dispose(), TaskScheduler.Default);
            return task.Wait(Timeout) ? task.Result : new Candidate[0];
        }

        /// <summary>Collects a paged listing's items as candidates.</summary>
        private protected static async Task<IReadOnlyList<Candidate>> Collect<T>(Func<Action<IReadOnlyList<T>>, Task> list, Func<T, Candidate> candidate)
        {
            var candidates = new List<Candidate>();
            await list(page => candidates.AddRange(page.Select(candidate))).ConfigureAwait(false);
            return candidates;
        }

        /// <summary>A context typed on the command line (-Auth0Context $tenant) wins over the session's.</summary>
        private static T? Given<T>(IDictionary fakeBoundParameters, string name) where T : class =>
            fakeBoundParameters?.Contains(name) == true
                ? (fakeBoundParameters[name] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters[name]) as T
                : null;

        /// <summary>Quotes values PowerShell would otherwise split or expand ('My App'), in the quote the user began with.</summary>
        private static string Quote(string value, char? quote)
        {
            if (quote == '"')
            {
                return "\"" + value.Replace("`", "``").Replace("\"", "`\"").Replace("$", "`$") + "\"";
            }
            return quote == '\'' || value.IndexOfAny(NeedsQuotes.ToCharArray()) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
        }
    }
}
