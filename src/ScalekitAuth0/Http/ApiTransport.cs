using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>How patient the transport is (Connect-* -TimeoutSec).</summary>
    internal sealed class TransportSettings
    {
        public static TransportSettings Default { get; } = new TransportSettings();

        /// <summary>First try plus retries.</summary>
        public int MaxAttempts { get; set; } = 5;

        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
    }

    /// <summary>
    /// The one way this module speaks HTTP: bearer tokens, retries on rate limits and on failures
    /// that are safe to repeat, JSON in and out, errors turned into <see cref="ApiException"/>,
    /// and a trace of every call without headers or bodies.
    /// </summary>
    internal sealed class ApiTransport
    {
        // One HttpClient for the whole process: connections are reused across cmdlets, runspaces and
        // Automation jobs sharing a sandbox (which caps sockets at 1,000).
        private static readonly HttpClient SharedClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private readonly TransportSettings _settings;

        public ApiTransport(string service, Uri baseUri, TransportSettings settings)
        {
            Service = service;
            BaseUri = baseUri;
            _settings = settings;
        }

        public string Service { get; }

        public Uri BaseUri { get; }

        /// <summary>Set once the token source (which itself calls through this transport) exists.</summary>
        public ITokenSource? Tokens { get; set; }

        /// <summary>Sends with the bearer token; returns the parsed body, or null for an empty one.</summary>
        public Task<JToken?> SendAsync(ApiRequest request, Operation operation) =>
            SendTimedAsync(request, authorize: true, operation);

        /// <summary>Sends without a token: the token request itself, and public documents such as OIDC discovery.</summary>
        public Task<JToken?> SendAnonymousAsync(ApiRequest request, Operation operation) =>
            SendTimedAsync(request, authorize: false, operation);

        /// <summary>
        /// One GET of a web page with no token, no cookie and no redirect followed: the status, the
        /// <c>Location</c> (made absolute) and the body as text, whatever the status. Retried on the
        /// same rules as every GET; only no answer at all is an error.
        /// </summary>
        /// <param name="timeout">The longest one attempt may wait for its answer (at most the transport's own).</param>
        public async Task<PageAnswer> GetPageAsync(Uri url, TimeSpan timeout, Operation operation)
        {
            var request = ApiRequest.Page(url);
            var attemptTimeout = timeout < _settings.RequestTimeout ? timeout : _settings.RequestTimeout;
            for (var attempt = 1; ; attempt++)
            {
                var exchange = await ExchangeAsync(request, null, attemptTimeout, operation.Log, operation.Cancellation).ConfigureAwait(false);
                if (RetryFor(request, exchange, attempt) is (TimeSpan delay, string reason))
                {
                    await WaitAsync(delay, reason, attempt, MaxAttempts(exchange), operation.Log, operation.Cancellation).ConfigureAwait(false);
                    continue;
                }
                if (exchange.Failure is ApiErrorKind failure)
                {
                    throw Error(request, null, failure, null, exchange.FailureMessage!, outcomeUnknown: false, exchange.FailureCause, unreachable: exchange.Unreachable);
                }
                return new PageAnswer(exchange.Status, exchange.Location, exchange.Body);
            }
        }

        private async Task<JToken?> SendTimedAsync(ApiRequest request, bool authorize, Operation operation)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                return await SendCoreAsync(request, authorize, operation).ConfigureAwait(false);
            }
            finally
            {
                operation.Slowest.Record(watch.Elapsed);
            }
        }

        private async Task<JToken?> SendCoreAsync(ApiRequest request, bool authorize, Operation operation)
        {
            var log = operation.Log;
            var cancellationToken = operation.Cancellation;
            var tokenRefreshed = false;
            for (var attempt = 1; ; attempt++)
            {
                var tokens = authorize ? Tokens ?? throw new InvalidOperationException($"{Service} transport has no token source.") : null;
                var token = tokens is null ? null : await tokens.GetTokenAsync(operation).ConfigureAwait(false);
                var exchange = await ExchangeAsync(request, token, _settings.RequestTimeout, log, cancellationToken).ConfigureAwait(false);
                var maxAttempts = MaxAttempts(exchange);
                var attemptsLeft = attempt < maxAttempts;

                if (RetryFor(request, exchange, attempt) is (TimeSpan delay, string reason))
                {
                    await RetryAsync(request, exchange, delay, reason, attempt, maxAttempts, log, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (exchange.Failure is not null)
                {
                    throw ErrorOf(request, exchange);
                }

                var status = exchange.Status;
                if (status == 401 && tokens is not null && tokens.CanRefresh && !tokenRefreshed)
                {
                    log.Verbose($"{Service} refused the access token; fetching a new one.");
                    tokens.Invalidate(token!);
                    tokenRefreshed = true;
                    attempt--;
                    continue;
                }
                if (status >= 200 && status < 300)
                {
                    if (TryParse(exchange.Body, out var json))
                    {
                        return json;
                    }
                    if ((request.Repeatable || request.BuiltFromRead) && attemptsLeft)
                    {
                        await RetryAsync(request, exchange, RetryDelay.Backoff(attempt, Jitter.Next()), $"{Service} answered with a malformed body", attempt, maxAttempts, log, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }
                throw ErrorOf(request, exchange);
            }
        }

        /// <summary>
        /// Waits to send the request again; a write built from a read is not sent again as it was: its
        /// failure goes back to the caller with the wait (<see cref="ApiException.RetryAfter"/>), to read and merge again.
        /// </summary>
        private async Task RetryAsync(ApiRequest request, Exchange exchange, TimeSpan delay, string reason, int attempt, int maxAttempts, IOperationLog log, CancellationToken cancellationToken)
        {
            if (request.BuiltFromRead)
            {
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}; not sending the same body again: it is merged onto a new read in {1:0.0} s.", reason, delay.TotalSeconds));
                throw ErrorOf(request, exchange, handedBack: delay);
            }
            await WaitAsync(delay, reason, attempt, maxAttempts, log, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The error an exchange that is not retried ends the call with: no answer, a body that is not JSON, or the service's refusal.</summary>
        private ApiException ErrorOf(ApiRequest request, Exchange exchange, TimeSpan? handedBack = null)
        {
            var unknown = request.Method != HttpMethod.Get;
            if (exchange.Failure is ApiErrorKind failure)
            {
                return Error(request, null, failure, null, exchange.FailureMessage!, outcomeUnknown: unknown, exchange.FailureCause, unreachable: exchange.Unreachable, handedBack: handedBack);
            }
            var status = exchange.Status;
            if (status >= 200 && status < 300)
            {
                return Error(request, status, ApiErrorKind.InvalidResponse, null, "the answer was not valid JSON", outcomeUnknown: unknown, null, handedBack: handedBack);
            }
            var (code, message) = ApiErrorBody.Parse(exchange.Body, status);
            var kind = ApiException.KindOf(status);
            return Error(request, status, kind, code, message, outcomeUnknown: kind == ApiErrorKind.ServerError && unknown, null,
                ApiErrorBody.FieldViolations(exchange.Body), retryAfter: exchange.ServerDelay, handedBack: handedBack);
        }

        /// <summary>
        /// How long to wait before sending the request again, and why, or null when this answer is the
        /// last: while attempts are left, no answer at all and a 502/503/504 are retried when the
        /// request is safe to repeat, a 429 always, each only while the server asks for no longer than
        /// we wait. A write built from a read is retried on every failure, a 500 too (the read that
        /// follows shows whether it was made), but by its caller (<see cref="RetryAsync"/>).
        /// </summary>
        private (TimeSpan Delay, string Reason)? RetryFor(ApiRequest request, Exchange exchange, int attempt)
        {
            if (attempt >= MaxAttempts(exchange))
            {
                return null;
            }
            if (exchange.Failure is not null)
            {
                return request.Repeatable || request.BuiltFromRead ? (RetryDelay.Backoff(attempt, Jitter.Next()), $"{Service}: {exchange.FailureMessage}") : ((TimeSpan, string)?)null;
            }
            if (exchange.Status == 429 || (IsTransientServerError(exchange.Status) && request.Repeatable) || (exchange.Status >= 500 && request.BuiltFromRead))
            {
                var delay = exchange.ServerDelay ?? RetryDelay.Backoff(attempt, Jitter.Next());
                return delay <= RetryDelay.LongestServerWait ? (delay, $"{Service} answered {exchange.Status}") : ((TimeSpan, string)?)null;
            }
            return null;
        }

        /// <summary>
        /// A name DNS does not know now it will most likely not know in a second either: one more try
        /// covers a blip, more only waste the user's time.
        /// </summary>
        private int MaxAttempts(Exchange exchange) =>
            exchange.Unreachable?.NameNotResolved == true ? Math.Min(2, _settings.MaxAttempts) : _settings.MaxAttempts;

        private async Task<Exchange> ExchangeAsync(ApiRequest request, string? token, TimeSpan timeoutAfter, IOperationLog log, CancellationToken cancellationToken)
        {
            var uri = request.Url ?? new Uri(BaseUri, request.PathAndQuery);
            var shown = Redaction.MaskQuery(uri);
            using var message = new HttpRequestMessage(request.Method, uri);
            message.Headers.Accept.ParseAdd(request.Accept);
            message.Headers.UserAgent.ParseAdd(UserAgent);
            if (token is not null)
            {
                message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }
            if (request.Form is not null)
            {
                message.Content = new FormUrlEncodedContent(request.Form);
            }
            else if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body.ToString(Formatting.None), Encoding.UTF8, "application/json");
            }

            var watch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(timeoutAfter);
            try
            {
                using var response = await SharedClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                log.Verbose($"{request.Method} {shown} -> {status} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
                var location = response.Headers.Location is Uri target ? (target.IsAbsoluteUri ? target : new Uri(uri, target)) : null;
                return new Exchange(status, body, RetryDelay.FromServer(response.Headers, DateTimeOffset.UtcNow)) { Location = location };
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                log.Verbose($"{request.Method} {shown} -> no answer within {timeoutAfter.TotalSeconds:0.#} s");
                return Exchange.Failed(ApiErrorKind.Timeout, $"no answer within {timeoutAfter.TotalSeconds:0.#} seconds", e);
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                var unreachable = UnreachableHost.Of(e, uri);
                var why = unreachable?.Describe() ?? "the connection failed before an answer arrived: " + (e.InnerException ?? e).Message;
                log.Verbose($"{request.Method} {shown} -> {(unreachable is null ? "connection failed" : why)} ({watch.ElapsedMilliseconds} ms)");
                return Exchange.Failed(ApiErrorKind.Network, why, e, unreachable);
            }
        }

        private static async Task WaitAsync(TimeSpan delay, string reason, int attempt, int maxAttempts, IOperationLog log, CancellationToken cancellationToken)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}; retrying in {1:0.0} s (attempt {2} of {3}).", reason, delay.TotalSeconds, attempt + 1, maxAttempts));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        private ApiException Error(ApiRequest request, int? status, ApiErrorKind kind, string? code, string message, bool outcomeUnknown, Exception? cause,
            IReadOnlyList<ApiFieldViolation>? fieldViolations = null, UnreachableHost? unreachable = null, TimeSpan? retryAfter = null, TimeSpan? handedBack = null)
        {
            // Requests are relative to the base URL; errors show the path as the service documents it, from the root.
            var path = "/" + request.PathAndQuery.TrimStart('/');
            var queryStart = path.IndexOf('?');
            return new ApiException(Service, request.Method.Method, queryStart < 0 ? path : path.Substring(0, queryStart), status, kind, code, message, outcomeUnknown, cause, fieldViolations, unreachable,
                retryAfter is TimeSpan wait ? DateTimeOffset.UtcNow + wait : (DateTimeOffset?)null, handedBack);
        }

        // A 500 is most often a passing fault of one server too; a request that is safe to repeat gets the same few tries as a 502-504, so one 500 does not end a runbook.
        private static bool IsTransientServerError(int status) => status == 500 || status == 502 || status == 503 || status == 504;

        private static bool TryParse(string body, out JToken? json)
        {
            json = null;
            if (string.IsNullOrWhiteSpace(body))
            {
                return true;
            }
            try
            {
                json = ApiJson.Parse(body);
                return true;
            }
            catch (JsonReaderException)
            {
                return false;
            }
        }

        private static readonly string UserAgent = "ScalekitAuth0/" + typeof(ApiTransport).Assembly.GetName().Version!.ToString(3);

        private sealed class Exchange
        {
            public Exchange(int status, string body, TimeSpan? serverDelay)
            {
                Status = status;
                Body = body;
                ServerDelay = serverDelay;
            }

            public int Status { get; }
            public string Body { get; }
            public TimeSpan? ServerDelay { get; }
            public Uri? Location { get; set; }
            public ApiErrorKind? Failure { get; private set; }
            public string? FailureMessage { get; private set; }
            public Exception? FailureCause { get; private set; }
            public UnreachableHost? Unreachable { get; private set; }

            public static Exchange Failed(ApiErrorKind kind, string message, Exception cause, UnreachableHost? unreachable = null) =>
                new Exchange(0, "", null) { Failure = kind, FailureMessage = message, FailureCause = cause, Unreachable = unreachable };
        }
    }
}
