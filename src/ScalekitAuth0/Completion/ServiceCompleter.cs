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

        /// <summary>What the completion list shows; the value itself unless set.</summary>
        public string? ListItemText { get; set; }

        /// <summary>Other words a user may start typing to find it, such as an organization's name for its id.</summary>
        public string[] AlsoMatches { get; }
    }

    /// <summary>
    /// Tab completion from the live tenant over one paged listing. Tab must never hang, prompt or
    /// print an error: each completion lists once, with the existing token of the context typed on
    /// the command line or else the session's, gives up after <see cref="Timeout"/>, and offers
    /// nothing when not connected or when anything fails.
    /// </summary>
    internal abstract class ServiceCompleter<TContext, TItem> : IArgumentCompleter where TContext : class
    {
        private const string NeedsQuotes = " \t'\"`$(){};,|&<>@#";

        private readonly Func<TContext, Action<IReadOnlyList<TItem>>, Operation, Task> _list;
        private readonly Func<TItem, Candidate> _offer;

        /// <param name="list">The paged listing to complete from.</param>
        /// <param name="offer">What one item of it offers.</param>
        private protected ServiceCompleter(Func<TContext, Action<IReadOnlyList<TItem>>, Operation, Task> list, Func<TItem, Candidate> offer)
        {
            _list = list;
            _offer = offer;
        }

        /// <summary>Long enough for one listing from a real tenant, short enough that a dead network costs little.</summary>
        private protected static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(3);

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
                    .Select(c => new CompletionResult(Quote(c.Value, quote), c.ListItemText ?? c.Value, CompletionResultType.ParameterValue, c.ToolTip))
                    .ToList();
            }
            catch (Exception)
            {
                // Whatever went wrong, Tab shows no error: the user can still type the value.
                return new CompletionResult[0];
            }
        }

        /// <summary>The context typed on the command line (-Auth0Context $tenant), else the session's; null when neither.</summary>
        private protected abstract TContext? Context(IDictionary fakeBoundParameters);

        private protected static T? Given<T>(IDictionary fakeBoundParameters, string name) where T : class =>
            fakeBoundParameters?.Contains(name) == true
                ? (fakeBoundParameters[name] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters[name]) as T
                : null;

        /// <summary>
        /// Lists on the thread pool and waits at most <see cref="Timeout"/>; a listing still running
        /// then is cancelled and its answer dropped.
        /// </summary>
        private IReadOnlyList<Candidate> Fetch(IDictionary fakeBoundParameters)
        {
            var context = Context(fakeBoundParameters);
            if (context is null)
            {
                return new Candidate[0];
            }
            // Only the listing task writes the list, and it is read only once that task has finished.
            var candidates = new List<Candidate>();
            var cancellation = new CancellationTokenSource(Timeout);
            var task = Task.Run(() => _list(context, page => candidates.AddRange(page.Select(_offer)), Operation.Silent(cancellation.Token)));
            task.ContinueWith(_ => cancellation.Dispose(), TaskScheduler.Default);
            return task.Wait(Timeout) ? candidates : new List<Candidate>();
        }

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

    /// <summary>Completes from the Auth0 tenant of -Auth0Context, or of the session.</summary>
    internal abstract class Auth0Completer<TItem> : ServiceCompleter<Auth0Context, TItem>
    {
        private protected Auth0Completer(Func<Auth0Context, Action<IReadOnlyList<TItem>>, Operation, Task> list, Func<TItem, Candidate> offer)
            : base(list, offer)
        {
        }

        private protected override Auth0Context? Context(IDictionary fakeBoundParameters) =>
            Given<Auth0Context>(fakeBoundParameters, nameof(Auth0Context)) ?? SessionStore.Auth0;
    }

    /// <summary>Completes from the Scalekit environment of -ScalekitContext, or of the session.</summary>
    internal abstract class ScalekitCompleter<TItem> : ServiceCompleter<ScalekitContext, TItem>
    {
        private protected ScalekitCompleter(Func<ScalekitContext, Action<IReadOnlyList<TItem>>, Operation, Task> list, Func<TItem, Candidate> offer)
            : base(list, offer)
        {
        }

        private protected override ScalekitContext? Context(IDictionary fakeBoundParameters) =>
            Given<ScalekitContext>(fakeBoundParameters, nameof(ScalekitContext)) ?? SessionStore.Scalekit;
    }
}
